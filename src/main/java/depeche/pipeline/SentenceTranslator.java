package depeche.pipeline;

import depeche.generate.GenerationConfig;
import depeche.text.ClauseSplit;
import depeche.text.ClauseSplitter;
import depeche.text.SentenceSegmenter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntConsumer;

/**
 * French sentences to English: each sentence too long for the model is split at clause boundaries, every
 * part of every sentence goes through shared length-sorted batches, and the parts' translations are joined
 * again. Nothing is truncated; every split and every output that hit {@code max_length} is reported.
 */
public final class SentenceTranslator {
    /**
     * The default longest model input. OPUS-MT models were trained on sentences of at most a few hundred
     * pieces; longer inputs translate worse and their outputs risk reaching max_length, so they are split.
     */
    public static final int DEFAULT_MAX_SENTENCE_TOKENS = 256;

    private final SentenceSegmenter segmenter = new SentenceSegmenter();
    private final ClauseSplitter splitter;
    private final BatchedGeneration generation;
    private final int maxLength;

    /**
     * @param maxSentenceTokens the longest input given to the model at once, special tokens included; capped at
     *                          what the model accepts
     */
    public SentenceTranslator(LoadedModel model, GenerationConfig settings, Batcher batcher, int maxSentenceTokens) {
        this.splitter = new ClauseSplitter(Math.min(maxSentenceTokens, model.maxInputTokens()), model::countTokens);
        this.generation = new BatchedGeneration(model, settings, batcher);
        this.maxLength = settings.effectiveMaxLength();
    }

    /** The sentences of a paragraph, in order; together they hold all its text. */
    public List<String> sentencesOf(String paragraph) {
        return segmenter.split(paragraph);
    }

    /** How many model inputs {@code sentences} will take (for progress before the work starts). */
    public List<ClauseSplit> plan(List<String> sentences) {
        return sentences.stream().map(splitter::split).toList();
    }

    /**
     * Translates planned sentences, in order.
     *
     * @param progress told how many model inputs each finished batch completed
     */
    public List<TranslatedSentence> translate(List<ClauseSplit> plans, IntConsumer progress) {
        List<String> inputs = new ArrayList<>();
        plans.forEach(plan -> inputs.addAll(plan.parts()));
        List<BatchedGeneration.Outcome> outcomes = generation.run(inputs, progress);
        List<TranslatedSentence> results = new ArrayList<>(plans.size());
        int next = 0;
        for (ClauseSplit plan : plans) {
            List<BatchedGeneration.Outcome> parts = outcomes.subList(next, next + plan.parts().size());
            next += plan.parts().size();
            results.add(assemble(plan, parts));
        }
        return results;
    }

    private TranslatedSentence assemble(ClauseSplit plan, List<BatchedGeneration.Outcome> parts) {
        List<String> warnings = new ArrayList<>(plan.warning().stream().toList());
        List<String> texts = new ArrayList<>();
        List<long[]> ids = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            BatchedGeneration.Outcome part = parts.get(i);
            String which = parts.size() > 1 ? "part " + (i + 1) + " of " + parts.size() + ": " : "";
            if (part.output().isEmpty()) {
                return new TranslatedSentence(plan.sentence(), Optional.empty(), ids, warnings,
                        Optional.of(which + part.error()));
            }
            Generated generated = part.output().get();
            texts.add(generated.text());
            ids.add(generated.ids());
            // The output plus the start token filled max_length: it may have been cut short (with a forced eos).
            if (generated.ids().length + 1 >= maxLength) {
                warnings.add(which + "the translation reached max_length (" + maxLength
                        + " tokens) and may be incomplete");
            }
        }
        return new TranslatedSentence(plan.sentence(), Optional.of(plan.joinTranslations(texts)), ids, warnings,
                Optional.empty());
    }
}
