package depeche.summarize;

import depeche.document.AlignedParagraph;
import depeche.document.Outcome;
import depeche.document.Summary;
import depeche.document.TokenIds;
import depeche.generate.GenerationConfig;
import depeche.inference.BatchedGeneration;
import depeche.inference.Batcher;
import depeche.inference.Generated;
import depeche.inference.LoadedModel;
import depeche.text.ClauseSplitter;
import depeche.text.SentenceSegmenter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * Abstractive summaries with a summarization model (BART) of English texts. A text longer than the model's
 * positions is never cut off: it is summarized in chunks of whole sentences, and the joined partial summaries
 * are summarized again, until one input holds it all. Texts of many articles share batches. Like HF's
 * summarization pipeline, every model input starts with the model's summarization prefix (usually none).
 */
public final class AbstractiveSummarizer implements Summarizer {
    /** Rounds of chunk summaries before giving up on shortening further (each round shrinks ~5× for CNN models). */
    private static final int MAX_ROUNDS = 4;

    private final LoadedModel model;
    private final GenerationConfig settings;
    private final BatchedGeneration generation;
    private final SentenceSegmenter segmenter = new SentenceSegmenter();
    private final ClauseSplitter splitter;
    private final int maxTokens;
    private final String prefix;

    public AbstractiveSummarizer(LoadedModel model, GenerationConfig settings, Batcher batcher) {
        this.model = model;
        this.prefix = model.summarizationPrefix();
        this.settings = settings;
        this.generation = new BatchedGeneration(model, settings, batcher);
        this.maxTokens = model.maxInputTokens();
        this.splitter = new ClauseSplitter(maxTokens, this::countTokens);
    }

    @Override
    public String label() {
        return "abstractive";
    }

    @Override
    public Map<String, String> settings() {
        Map<String, String> recorded = new LinkedHashMap<>();
        recorded.put("summary_beams", Integer.toString(settings.numBeams()));
        recorded.put("summary_max_length", Integer.toString(settings.effectiveMaxLength()));
        return recorded;
    }

    @Override
    public List<LoadedModel> models() {
        return List.of(model);
    }

    @Override
    public List<Outcome<Summary>> summarizeAll(List<List<AlignedParagraph>> bodies, IntConsumer progress) {
        // The files show the summary without the space a byte-level BPE decoder may put in front.
        return summarize(bodies.stream()
                .map(body -> String.join(" ", body.stream().map(AlignedParagraph::target).toList())).toList(),
                progress).stream().map(outcome -> outcome.map(Summary::stripped)).toList();
    }

    /** Summarizes each English text; one outcome per text, in order, each summary exactly as the model decoded it. */
    public List<Outcome<Summary>> summarize(List<String> texts, IntConsumer progress) {
        List<Pending> pending = texts.stream().map(Pending::new).toList();
        for (int round = 1; round <= MAX_ROUNDS; round++) {
            List<Pending> open = pending.stream().filter(p -> p.result == null).toList();
            if (open.isEmpty()) {
                break;
            }
            open.forEach(Pending::chunk);
            List<String> inputs = open.stream().flatMap(p -> p.chunks.stream()).map(chunk -> prefix + chunk).toList();
            Iterator<Outcome<Generated>> outcomes = generation.run(inputs, progress).iterator();
            boolean lastRound = round == MAX_ROUNDS;
            open.forEach(p -> p.advance(outcomes, lastRound));
        }
        return pending.stream().map(p -> p.result).toList();
    }

    /** The text in consecutive whole sentences (clauses for an over-long one), each chunk fitting the model. */
    private List<String> chunks(String text) {
        if (countTokens(text) <= maxTokens) {
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
            if (!current.isEmpty() && countTokens(candidate) > maxTokens) {
                chunks.add(current.toString());
                current = new StringBuilder(piece);
            } else {
                current = new StringBuilder(candidate);
            }
        }
        chunks.add(current.toString());
        return chunks;
    }

    /** How many tokens the model input made of {@code text} has, prefix included. */
    private int countTokens(String text) {
        return model.countTokens(prefix + text);
    }

    /** One text on its way to a summary. */
    private final class Pending {
        private String text;
        private List<String> chunks = List.of();
        private final List<String> warnings = new ArrayList<>();
        private Outcome<Summary> result;

        Pending(String text) {
            this.text = text;
        }

        void chunk() {
            chunks = chunks(text);
        }

        /** Takes this text's chunk summaries from {@code outcomes}, one per chunk, and ends or shortens again. */
        void advance(Iterator<Outcome<Generated>> outcomes, boolean lastRound) {
            List<Outcome<Generated>> parts = new ArrayList<>();
            chunks.forEach(chunk -> parts.add(outcomes.next()));
            List<String> summaries = new ArrayList<>();
            List<TokenIds> ids = new ArrayList<>();
            for (Outcome<Generated> part : parts) {
                if (part.error().isPresent()) {
                    result = Outcome.failure(part.error().get());
                    return;
                }
                Generated generated = part.value().orElseThrow();
                summaries.add(generated.text().strip());
                ids.add(TokenIds.of(generated.ids()));
            }
            String joined = String.join(" ", summaries);
            if (parts.size() == 1) {
                // A single summary is kept exactly as the model decoded it.
                end(parts.get(0).value().orElseThrow().text(), ids);
            } else if (lastRound || model.countTokens(joined) >= model.countTokens(text)) {
                warnings.add("the text was summarized in " + parts.size() + " chunks whose summaries could not be"
                        + " shortened into one model input; the summary joins them");
                end(joined, ids);
            } else {
                warnings.add("the text was too long for the summarization model (" + maxTokens + " tokens):"
                        + " summarized in " + parts.size() + " chunks, then their summaries summarized");
                text = joined;
            }
        }

        private void end(String summary, List<TokenIds> ids) {
            result = summary.isBlank()
                    ? Outcome.failure("the summarization model produced no text")
                    : Outcome.success(Summary.abstractive(summary, model.name(), TokenIds.concat(ids), warnings));
        }
    }
}
