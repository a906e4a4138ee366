package depeche.cli;

import depeche.generate.GenerationConfig;
import picocli.CommandLine.Option;

/** Command-line overrides of a model's generation_config.json. */
final class GenerationOptions {
    @Option(names = "--beams", paramLabel = "N",
            description = "Beam width (num_beams); 1 is greedy search. Default: the model's generation_config.json.")
    Integer beams;

    @Option(names = "--max-length", paramLabel = "N",
            description = "Longest output in tokens, start token included (max_length). Default: the model's.")
    Integer maxLength;

    GenerationConfig applyTo(GenerationConfig defaults) {
        GenerationConfig config = defaults;
        if (beams != null) {
            if (beams < 1) {
                throw new UsageException("--beams must be at least 1, not " + beams);
            }
            config = config.withNumBeams(beams);
        }
        if (maxLength != null) {
            if (maxLength < 2) {
                throw new UsageException("--max-length must be at least 2, not " + maxLength);
            }
            config = config.withMaxLength(maxLength);
        }
        return config;
    }
}
