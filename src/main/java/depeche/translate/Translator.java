package depeche.translate;

import depeche.document.Outcome;
import depeche.document.SentencePair;
import depeche.generate.GenerationConfig;
import depeche.inference.BatchedGeneration;
import depeche.inference.Batcher;
import depeche.inference.Generated;
import depeche.inference.LoadedModel;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * French paragraphs to English: the one translation path of depeche, which {@code translate}, {@code run}
 * and the Spark job all take. Every sentence of every paragraph given at once goes through shared
 * length-sorted batches; a sentence too long for the model is translated in clause parts that are joined
 * again. Nothing is truncated; every split and every output that hit {@code max_length} is reported on its
 * sentence, and a sentence that fails costs only itself.
 */
public final class Translator {
    /**
     * The default longest model input. OPUS-MT models were trained on sentences of at most a few hundred
     * pieces; longer inputs translate worse and their outputs risk reaching max_length, so they are split.
     */
    public static final int DEFAULT_MAX_SENTENCE_TOKENS = 256;

    private final LoadedModel model;
    private final GenerationConfig settings;
    private final int maxSentenceTokens;
    private final Planner planner;
    private final BatchedGeneration generation;

    /**
     * @param maxSentenceTokens sentences longer than this (in model tokens, capped at what the model accepts)
     *                          are translated in clause parts
     */
    public Translator(LoadedModel model, GenerationConfig settings, Batcher batcher, int maxSentenceTokens) {
        this.model = model;
        this.settings = settings;
        this.maxSentenceTokens = maxSentenceTokens;
        this.planner = new Planner(model, maxSentenceTokens);
        this.generation = new BatchedGeneration(model, settings, batcher);
    }

    public LoadedModel model() {
        return model;
    }

    /** The settings that change translations, as the run report and the outputs record them. */
    public Map<String, String> settings() {
        Map<String, String> recorded = new LinkedHashMap<>();
        recorded.put("beams", Integer.toString(settings.numBeams()));
        recorded.put("max_length", Integer.toString(settings.effectiveMaxLength()));
        recorded.put("max_sentence_tokens", Integer.toString(maxSentenceTokens));
        return recorded;
    }

    /** Cuts paragraphs into the sentences and parts the model translates. */
    public Planner planner() {
        return planner;
    }

    /** Translates French paragraphs, each a line of text; a blank one comes back blank. */
    public List<TranslatedParagraph> translate(List<String> paragraphs) {
        return translatePlanned(planner.plan(paragraphs), done -> { });
    }

    /**
     * Translates planned paragraphs, in order, sharing batches among all of them.
     *
     * @param progress told how many model inputs each finished batch completed
     */
    public List<TranslatedParagraph> translatePlanned(List<ParagraphPlan> paragraphs, IntConsumer progress) {
        List<SentencePlan> sentences = paragraphs.stream().flatMap(p -> p.sentences().stream()).toList();
        List<String> inputs = sentences.stream().flatMap(s -> s.inputs().stream()).toList();
        Iterator<Outcome<Generated>> generated = generation.run(inputs, progress).iterator();
        int maxLength = settings.effectiveMaxLength();
        Iterator<Outcome<SentencePair>> translated = sentences.stream()
                .map(s -> s.assemble(generated, maxLength)).toList().iterator();
        return paragraphs.stream().map(p -> p.assemble(translated)).toList();
    }
}
