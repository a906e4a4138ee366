package depeche.cli;

import depeche.hub.InstalledModel;
import depeche.hub.ModelVerifier;
import depeche.folder.ModelException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code depeche models verify}: re-checks installed models against the sha256s recorded when they were fetched,
 * and their weights for NaN or infinite values.
 */
@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        description = {
            "Re-computes the sha256 of every file of the models and compares it with what was recorded when they"
                    + " were fetched, and checks the weights for NaN or infinite values. No network access.",
            "A model fetched with --allow-unverified is reported 'unverified', never 'ok'.",
            "Exit code 0 when no check failed, 1 when one did."
        })
final class ModelsVerifyCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", paramLabel = "NAME", description = "Models to verify (default: every model folder).")
    List<String> names = new ArrayList<>();

    @Mixin
    ModelsDirOption models;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        boolean allIntact = true;
        for (InstalledModel model : selected()) {
            ModelVerifier.Result result = ModelVerifier.verify(model);
            switch (result.outcome()) {
                case VERIFIED -> out.println(model.name() + ": ok (" + result.files() + " files match their sha256)");
                case UNVERIFIED -> out.println(model.name() + ": unverified: its " + result.files() + " files match"
                        + " the sha256 recorded when they were fetched, but the hub listed no checksum for "
                        + String.join(", ", result.unverified()) + ", so nothing shows they are the files published");
                case NO_MANIFEST -> out.println(model.name() + ": complete, but copied by hand: no fetch manifest"
                        + " to check checksums against");
                case FAILED -> {
                    allIntact = false;
                    out.println(model.name() + ": FAILED: " + String.join("; ", result.problems()));
                }
            }
        }
        out.flush();
        return allIntact ? Main.EXIT_OK : Main.EXIT_SOME_FAILED;
    }

    private List<InstalledModel> selected() {
        if (names.isEmpty()) {
            return InstalledModel.scan(models.dir);
        }
        List<InstalledModel> selected = new ArrayList<>();
        for (String name : names) {
            Path dir = models.dir.resolve(name);
            if (!Files.isDirectory(dir)) {
                throw new ModelException(dir, "not installed: run `depeche models fetch " + name + "`");
            }
            selected.add(InstalledModel.inspect(dir));
        }
        return selected;
    }
}
