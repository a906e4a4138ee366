package depeche.cli;

import depeche.generate.GenerationConfig;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Command-line overrides of a model's generation_config.json, checked as they are parsed (so a bad value is
 * refused before any model is fetched or loaded). Public for the Spark entry point, which takes the same options.
 */
public final class GenerationOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    private Integer beams;
    private Integer maxLength;

    @Option(names = "--beams", paramLabel = "N",
            description = "Beam width (num_beams); 1 is greedy search. Default: the model's generation_config.json.")
    void beams(int n) {
        if (n < 1) {
            throw new ParameterException(command.commandLine(), "--beams must be at least 1, not " + n);
        }
        beams = n;
    }

    @Option(names = "--max-length", paramLabel = "N",
            description = "Longest output in tokens, start token included (max_length). Default: the model's.")
    void maxLength(int n) {
        if (n < 2) {
            throw new ParameterException(command.commandLine(), "--max-length must be at least 2, not " + n);
        }
        maxLength = n;
    }

    GenerationConfig applyTo(GenerationConfig defaults) {
        return overrides().applyTo(defaults);
    }

    /** The values given, for applying elsewhere (on a Spark executor, where the model is loaded). */
    public Overrides overrides() {
        return new Overrides(beams, maxLength);
    }

    /**
     * {@code --beams} and {@code --max-length} as given.
     *
     * @param beams     null when not given
     * @param maxLength null when not given
     */
    public record Overrides(Integer beams, Integer maxLength) implements java.io.Serializable {
        /** {@code defaults} with the values given. */
        public GenerationConfig applyTo(GenerationConfig defaults) {
            GenerationConfig config = defaults;
            if (beams != null) {
                config = config.withNumBeams(beams);
            }
            if (maxLength != null) {
                config = config.withMaxLength(maxLength);
            }
            return config;
        }
    }
}
