package depeche.cli;

import depeche.hub.ModelResolver;
import depeche.hub.Role;
import depeche.inference.Batcher;
import depeche.inference.LoadedModel;
import depeche.summarize.AbstractiveSummarizer;
import depeche.summarize.ExtractiveSummarizer;
import depeche.summarize.Summarizer;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code --summarizer} and {@code --summary-sentences}, shared by the batch commands (run, and the Spark entry
 * point, whose executors build the summarizer from the {@link Choice}).
 */
public final class SummaryOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** The summarizer choices of {@code --summarizer}. */
    public enum Kind { auto, abstractive, extractive, none }

    @Option(names = "--summarizer", paramLabel = "KIND", defaultValue = "auto",
            description = "auto (the summarization model when installed, else extractive), abstractive, "
                    + "extractive or none (default: ${DEFAULT-VALUE}).")
    Kind kind;

    private int sentences = ExtractiveSummarizer.DEFAULT_SENTENCE_COUNT;

    @Option(names = "--summary-sentences", paramLabel = "N",
            description = "Sentences in an extractive summary (default: "
                    + ExtractiveSummarizer.DEFAULT_SENTENCE_COUNT + ").")
    void sentences(int n) {
        if (n < 1) {
            throw new ParameterException(command.commandLine(), "--summary-sentences must be at least 1, not " + n);
        }
        sentences = n;
    }

    /** The values given. */
    public Choice choice() {
        return new Choice(kind, sentences);
    }

    /**
     * {@code --summarizer} and {@code --summary-sentences} as given.
     *
     * @param sentences sentences in an extractive summary
     */
    public record Choice(Kind kind, int sentences) implements Serializable {
        /**
         * The summarizer chosen: none, extractive, or abstractive with the summarization model ({@code auto}: when
         * one is given or installed, else extractive).
         *
         * @param summaryModel {@code --summary-model}, or null for the default model of {@code resolver}
         * @param load         loads a model folder (the caller owns what it loads)
         * @throws depeche.folder.ModelException when the summarization model is missing or unusable
         */
        public Optional<Summarizer> summarizer(ModelResolver resolver, Path summaryModel,
                                               Function<Path, LoadedModel> load) {
            return switch (kind) {
                case none -> Optional.empty();
                case extractive -> Optional.of(new ExtractiveSummarizer(sentences));
                case abstractive -> Optional.of(abstractive(load.apply(
                        resolver.resolve(Role.SUMMARIZATION, summaryModel))));
                case auto -> Optional.of(summaryModel != null
                        ? abstractive(load.apply(resolver.resolve(Role.SUMMARIZATION, summaryModel)))
                        : resolver.installed(Role.SUMMARIZATION)
                                .<Summarizer>map(dir -> abstractive(load.apply(dir)))
                                .orElseGet(() -> new ExtractiveSummarizer(sentences)));
            };
        }

        private static Summarizer abstractive(LoadedModel model) {
            return new AbstractiveSummarizer(model, model.summarizationDefaults(), Batcher.forGeneration());
        }
    }
}
