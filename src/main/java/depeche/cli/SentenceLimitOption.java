package depeche.cli;

import depeche.translate.Translator;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code --max-sentence-tokens}, shared by the commands that translate (the Spark entry point's too). */
public final class SentenceLimitOption {
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    int maxSentenceTokens = Translator.DEFAULT_MAX_SENTENCE_TOKENS;

    @Option(names = "--max-sentence-tokens", paramLabel = "N",
            description = "Sentences longer than N tokens are split at clause boundaries, translated in parts and "
                    + "rejoined (default: " + Translator.DEFAULT_MAX_SENTENCE_TOKENS
                    + ", capped at what the model accepts).")
    void maxSentenceTokens(int n) {
        if (n < 8) {
            throw new ParameterException(command.commandLine(), "--max-sentence-tokens must be at least 8, not " + n);
        }
        maxSentenceTokens = n;
    }

    /** The value given, or the default. */
    public int maxSentenceTokens() {
        return maxSentenceTokens;
    }
}
