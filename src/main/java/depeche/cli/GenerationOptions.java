package depeche.cli;

import depeche.generate.GenerationConfig;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Command-line overrides of a model's generation_config.json, checked as they are parsed (so a bad value is
 * refused before any model is fetched or loaded).
 */
final class GenerationOptions {
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
