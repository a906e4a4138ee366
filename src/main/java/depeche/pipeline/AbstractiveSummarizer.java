package depeche.pipeline;

import depeche.generate.GenerationConfig;
import depeche.text.ClauseSplitter;
import depeche.text.SentenceSegmenter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.IntConsumer;

/**
 * Abstractive summaries with a summarization model (BART) of English texts. A text longer than the model's
 * positions is never cut off: it is summarized in chunks of whole sentences, and the joined partial summaries
 * are summarized again, until one input holds it all. Texts of many articles share batches.
 */
public final class AbstractiveSummarizer {
    /** Rounds of chunk summaries before giving up on shortening further (each round shrinks ~5× for CNN models). */
    private static final int MAX_ROUNDS = 4;

    /**
     * A summary, or why there is none, with what a reviewer should know.
     *
     * @param ids the generated ids of the summary (after the start token, up to eos); when the summary joins
     *            several chunk summaries, their ids one after the other
     */
    public record Result(Optional<String> summary, long[] ids, List<String> warnings, Optional<String> error) {
    }

    private final LoadedModel model;
    private final BatchedGeneration generation;
    private final SentenceSegmenter segmenter = new SentenceSegmenter();
    private final ClauseSplitter splitter;
    private final int maxTokens;

    public AbstractiveSummarizer(LoadedModel model, GenerationConfig settings, Batcher batcher) {
        this.model = model;
        this.generation = new BatchedGeneration(model, settings, batcher);
        this.maxTokens = model.maxInputTokens();
        this.splitter = new ClauseSplitter(maxTokens, model::countTokens);
    }

    public LoadedModel model() {
        return model;
    }

    public String modelName() {
        return model.name();
    }

    /** Summarizes each text; results in the order of {@code texts}. */
    public List<Result> summarize(List<String> texts, IntConsumer progress) {
        List<Pending> pending = texts.stream().map(Pending::new).toList();
        for (int round = 1; round <= MAX_ROUNDS; round++) {
            List<Pending> open = pending.stream().filter(p -> p.result == null).toList();
            if (open.isEmpty()) {
                break;
            }
            List<String> inputs = new ArrayList<>();
            List<List<String>> chunksOf = new ArrayList<>();
            for (Pending p : open) {
                List<String> chunks = chunks(p.text);
                chunksOf.add(chunks);
                inputs.addAll(chunks);
            }
            List<BatchedGeneration.Outcome> outcomes = generation.run(inputs, progress);
            int next = 0;
            for (int i = 0; i < open.size(); i++) {
                List<BatchedGeneration.Outcome> parts = outcomes.subList(next, next + chunksOf.get(i).size());
                next += chunksOf.get(i).size();
                open.get(i).advance(parts, round == MAX_ROUNDS);
            }
        }
        return pending.stream().map(p -> p.result).toList();
    }

    /** The text in consecutive whole sentences (clauses for an over-long one), each chunk fitting the model. */
    private List<String> chunks(String text) {
        if (model.countTokens(text) <= maxTokens) {
            return List.of(text);
        }
        List<String> pieces = new ArrayList<>();
        for (String sentence : segmenter.split(text)) {
            pieces.addAll(splitter.split(sentence).parts());
        }
        List<String> chunks = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String piece : pieces) {
            String candidate = current.isEmpty() ? piece : current + " " + piece;
            if (!current.isEmpty() && model.countTokens(candidate) > maxTokens) {
                chunks.add(current.toString());
                current = new StringBuilder(piece);
            } else {
                current = new StringBuilder(candidate);
            }
        }
        chunks.add(current.toString());
        return chunks;
    }

    /** One text on its way to a summary. */
    private final class Pending {
        private String text;
        private final List<String> warnings = new ArrayList<>();
        private Result result;

        Pending(String text) {
            this.text = text;
        }

        /** A single summary is kept exactly as the model decoded it. */
        private String onlySummary(List<BatchedGeneration.Outcome> parts) {
            return parts.get(0).output().orElseThrow().text();
        }

        void advance(List<BatchedGeneration.Outcome> parts, boolean lastRound) {
            List<String> summaries = new ArrayList<>();
            List<long[]> ids = new ArrayList<>();
            for (BatchedGeneration.Outcome part : parts) {
                if (part.output().isEmpty()) {
                    result = new Result(Optional.empty(), new long[0], warnings, Optional.of(part.error()));
                    return;
                }
                summaries.add(part.output().get().text().strip());
                ids.add(part.output().get().ids());
            }
            String joined = String.join(" ", summaries);
            long[] allIds = ids.stream().flatMapToLong(Arrays::stream).toArray();
            if (parts.size() == 1) {
                result = new Result(Optional.of(onlySummary(parts)), allIds, warnings, Optional.empty());
            } else if (lastRound || model.countTokens(joined) >= model.countTokens(text)) {
                warnings.add("the text was summarized in " + parts.size() + " chunks whose summaries could not be"
                        + " shortened into one model input; the summary joins them");
                result = new Result(Optional.of(joined), allIds, warnings, Optional.empty());
            } else {
                warnings.add("the text was too long for the summarization model (" + maxTokens + " tokens):"
                        + " summarized in " + parts.size() + " chunks, then their summaries summarized");
                text = joined;
            }
        }
    }
}
