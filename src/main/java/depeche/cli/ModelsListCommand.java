package depeche.cli;

import depeche.hub.ByteSize;
import depeche.hub.Catalog;
import depeche.hub.CatalogEntry;
import depeche.hub.InstalledModel;
import depeche.hub.ParameterCount;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code depeche models list}: what is installed, and whether it can run. */
@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        description = {
            "Lists the model folders: model type, parameters, size on disk, tokenizer files, and whether the"
                    + " folder is complete or what it lacks.",
            "Default models that are not installed are listed with the command that fetches them."
        })
final class ModelsListCommand implements Callable<Integer> {
    private static final String FORMAT = "%-22s %-7s %-10s %-9s %-14s %s%n";

    @Mixin
    ModelsDirOption models;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.printf(FORMAT, "NAME", "TYPE", "PARAMS", "SIZE", "TOKENIZER", "STATUS");
        List<String> installed = new ArrayList<>();
        for (InstalledModel model : InstalledModel.scan(models.dir)) {
            installed.add(model.name());
            out.printf(FORMAT, model.name(), model.modelType().orElse("?"), ParameterCount.display(model.parameters()),
                    ByteSize.format(model.sizeBytes()), model.tokenizer().map(kind -> kind.label).orElse("none"),
                    status(model));
        }
        for (CatalogEntry entry : Catalog.load(models.dir).defaults()) {
            if (!installed.contains(entry.name())) {
                out.printf(FORMAT, entry.name(), "-", "-", "-", "-", "not installed (default "
                        + entry.role().label() + " model): " + entry.fetchCommand());
            }
        }
        out.flush();
        return Main.EXIT_OK;
    }

    private static String status(InstalledModel model) {
        if (!model.complete()) {
            return "incomplete: " + String.join("; ", model.problems());
        }
        return "complete" + model.manifest().map(manifest -> ", " + manifest.repo() + " @ " + manifest.shortCommit())
                .orElse(", copied by hand");
    }
}
