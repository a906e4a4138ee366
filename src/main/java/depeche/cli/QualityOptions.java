package depeche.cli;

import depeche.generate.GenerationConfig;
import depeche.quality.QualityChecks;
import depeche.quality.SourceLanguage;
import java.io.PrintWriter;
import java.util.OptionalDouble;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code --min-confidence}, shared by the commands that translate: the quality checks they run. Public for the
 * Spark entry point, which takes the same option.
 */
public final class QualityOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    private OptionalDouble minConfidence = OptionalDouble.empty();

    @Option(names = "--min-confidence", paramLabel = "SCORE",
            description = "Flag sentences whose model confidence (beam search's length-normalised log-probability, "
                    + "e.g. -0.8) is under SCORE. Scores compare only between outputs of one model; greedy search "
                    + "(--beams 1) computes none. Default: no confidence flag.")
    void minConfidence(double score) {
        if (!(score <= 0)) {
            throw new ParameterException(command.commandLine(),
                    "--min-confidence is a log-probability, 0 or below (e.g. -0.8), not " + score);
        }
        minConfidence = OptionalDouble.of(score);
    }

    /** Starts what the checks need that takes a while to read (the language profiles), in the background. */
    void prepare() {
        SourceLanguage.prepareInBackground();
    }

    QualityChecks checks() {
        return new QualityChecks(minConfidence);
    }

    /** The threshold given, or null (for the Spark executors, which build their own checks from it). */
    public Double minConfidence() {
        return minConfidence.isPresent() ? minConfidence.getAsDouble() : null;
    }

    /** Says on {@code err} when the threshold can have no effect: greedy search scores nothing. */
    void warnIfUnscored(GenerationConfig generation, PrintWriter err) {
        if (minConfidence.isPresent() && generation.numBeams() == 1) {
            err.println("depeche: warning: --min-confidence has no effect with greedy search (--beams 1), "
                    + "which computes no confidence");
        }
    }
}
