package depeche.cli;

import depeche.hub.HubEnvironment;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code depeche models}: the models in the models folder, and getting them from the HuggingFace hub. */
@Command(
        name = "models",
        mixinStandardHelpOptions = true,
        description = {
            "Lists, fetches and verifies models (HuggingFace layout folders under the models folder).",
            "Fetching honours HF_ENDPOINT, HF_TOKEN and HF_HUB_OFFLINE like HuggingFace's own tools."
        },
        subcommands = {ModelsListCommand.class, ModelsFetchCommand.class, ModelsVerifyCommand.class})
public final class ModelsCommand implements Runnable {

    /** Where the subcommands read environment variables; tests point it at a map. */
    static Function<String, String> environment = System::getenv;

    @Spec
    CommandSpec spec;

    static HubEnvironment hubEnvironment() {
        return HubEnvironment.from(environment);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }
}
