package depeche.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code depeche review}: reviewers' corrections back into the outputs. */
@Command(
        name = "review",
        mixinStandardHelpOptions = true,
        description = "Brings a reviewer's corrections (exported from a review page) back into the output files.",
        subcommands = {ReviewApplyCommand.class})
final class ReviewCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }
}
