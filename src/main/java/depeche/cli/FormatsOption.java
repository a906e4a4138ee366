package depeche.cli;

import depeche.io.Format;
import java.util.Set;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code --formats}, shared by the batch commands (run, and the Spark entry point). */
public final class FormatsOption {
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    private Set<Format> formats = Format.parse(Format.DEFAULT);

    @Option(names = "--formats", paramLabel = "LIST", defaultValue = Format.DEFAULT,
            description = "Output formats among md, json, html, tmx, xliff (default: ${DEFAULT-VALUE}).")
    void formats(String list) {
        try {
            formats = Format.parse(list);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(command.commandLine(), "--formats: " + e.getMessage());
        }
    }

    /** The formats given, or the default ones. */
    public Set<Format> formats() {
        return formats;
    }
}
