package depeche.translate;

import depeche.document.Outcome;
import depeche.document.SentencePair;
import depeche.generate.GenerationConfig;
import depeche.inference.BatchedGeneration;
import depeche.inference.Batcher;
import depeche.inference.Generated;
import depeche.inference.LoadedModel;
import depeche.memory.MemoryContext;
import depeche.memory.MemoryUse;
import depeche.memory.TranslationMemory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    private final TranslationMemory memory;
    private MemoryContext memoryContext;

    /**
     * A translator without a translation memory.
     *
     * @param maxSentenceTokens sentences longer than this (in model tokens, capped at what the model accepts)
     *                          are translated in clause parts
     */
    public Translator(LoadedModel model, GenerationConfig settings, Batcher batcher, int maxSentenceTokens) {
        this(model, settings, batcher, maxSentenceTokens, TranslationMemory.none());
    }

    /**
     * @param maxSentenceTokens sentences longer than this (in model tokens, capped at what the model accepts)
     *                          are translated in clause parts
     * @param memory            looked up before the model: sentences it holds are not translated again, and a
     *                          reviewer's translation replaces the model's; the model's translations are kept in it
     */
    public Translator(LoadedModel model, GenerationConfig settings, Batcher batcher, int maxSentenceTokens,
                      TranslationMemory memory) {
        this.model = model;
        this.settings = settings;
        this.maxSentenceTokens = maxSentenceTokens;
        this.planner = new Planner(model, maxSentenceTokens);
        this.generation = new BatchedGeneration(model, settings, batcher);
        this.memory = memory;
    }

    public LoadedModel model() {
        return model;
    }

    /** The translation memory this translator looks sentences up in ({@link TranslationMemory#none()} when off). */
    public TranslationMemory memory() {
        return memory;
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
     * Translates planned paragraphs, in order, sharing batches among all of them. With a memory, the sentences it
     * holds come from it, each other sentence goes to the model once however often it occurs, and the model's
     * translations are kept in it.
     *
     * @param progress told how many model inputs each finished batch completed
     */
    public List<TranslatedParagraph> translatePlanned(List<ParagraphPlan> paragraphs, IntConsumer progress) {
        List<SentencePlan> sentences = paragraphs.stream().flatMap(p -> p.sentences().stream()).toList();
        List<TranslatedParagraph.Sentence> translated = memory.configured()
                ? throughMemory(sentences, progress) : byModel(sentences, progress);
        Iterator<TranslatedParagraph.Sentence> inOrder = translated.iterator();
        return paragraphs.stream().map(p -> p.assemble(inOrder)).toList();
    }

    /**
     * How many model inputs translating these paragraphs takes now (for progress before the work starts): the
     * inputs of every sentence, or with a memory those of each distinct sentence it does not hold.
     */
    public int modelInputCount(List<ParagraphPlan> paragraphs) {
        List<SentencePlan> sentences = paragraphs.stream().flatMap(p -> p.sentences().stream()).toList();
        if (!memory.configured()) {
            return sentences.stream().mapToInt(s -> s.inputs().size()).sum();
        }
        return unknown(sentences, recall(sentences).keySet()).stream().mapToInt(s -> s.inputs().size()).sum();
    }

    private List<TranslatedParagraph.Sentence> byModel(List<SentencePlan> sentences, IntConsumer progress) {
        List<String> inputs = sentences.stream().flatMap(s -> s.inputs().stream()).toList();
        Iterator<Outcome<Generated>> generated = generation.run(inputs, progress).iterator();
        int maxLength = settings.effectiveMaxLength();
        return sentences.stream()
                .map(s -> new TranslatedParagraph.Sentence(s.source(), s.assemble(generated, maxLength))).toList();
    }

    private List<TranslatedParagraph.Sentence> throughMemory(List<SentencePlan> sentences, IntConsumer progress) {
        Map<String, SentencePair> recalled = recall(sentences);
        List<TranslatedParagraph.Sentence> modelled = byModel(unknown(sentences, recalled.keySet()), progress);
        memory.remember(context(), modelled.stream().flatMap(s -> s.translation().value().stream()).toList());
        Map<String, TranslatedParagraph.Sentence> fresh = new HashMap<>();
        modelled.forEach(s -> fresh.put(s.source(), s));

        List<TranslatedParagraph.Sentence> translated = new ArrayList<>();
        Set<String> given = new HashSet<>();
        for (SentencePlan sentence : sentences) {
            String source = sentence.source();
            if (recalled.containsKey(source)) {
                translated.add(new TranslatedParagraph.Sentence(source, Outcome.success(recalled.get(source)), true));
            } else if (given.add(source)) {
                translated.add(fresh.get(source));
            } else { // the same sentence again in this batch: the model's translation of its first occurrence
                translated.add(new TranslatedParagraph.Sentence(source, fresh.get(source).translation(), true));
            }
        }
        memory.count(MemoryUse.sum(translated.stream().map(TranslatedParagraph.Sentence::memoryUse)));
        return translated;
    }

    private Map<String, SentencePair> recall(List<SentencePlan> sentences) {
        return memory.recall(context(), sentences.stream().map(SentencePlan::source).distinct().toList());
    }

    /** The first occurrence of each sentence not {@code known}, in order. */
    private static List<SentencePlan> unknown(List<SentencePlan> sentences, Set<String> known) {
        Map<String, SentencePlan> first = new LinkedHashMap<>();
        sentences.stream().filter(s -> !known.contains(s.source())).forEach(s -> first.putIfAbsent(s.source(), s));
        return List.copyOf(first.values());
    }

    /**
     * What the memory keys this translator's output by: the model's weights, every generation setting, and the
     * longest input in effect (it decides how a long sentence is cut). Computed on first use: the model's
     * identity hashes its weights.
     */
    private synchronized MemoryContext context() {
        if (memoryContext == null) {
            Map<String, Object> keyed = new LinkedHashMap<>(settings.toJson());
            keyed.put("max_sentence_tokens", Math.min(maxSentenceTokens, model.maxInputTokens()));
            memoryContext = new MemoryContext(model.identity(), keyed);
        }
        return memoryContext;
    }
}
