package depeche.translate;

import static org.assertj.core.api.Assertions.assertThat;

import depeche.document.Origin;
import depeche.document.Outcome;
import depeche.document.SentencePair;
import depeche.document.TokenIds;
import depeche.generate.GenerationConfig;
import depeche.inference.Batcher;
import depeche.inference.LoadedModel;
import depeche.io.ArticleReaders;
import depeche.memory.MemoryStore;
import depeche.memory.MemoryUse;
import depeche.memory.ReviewedTranslation;
import depeche.memory.TranslationMemory;
import depeche.testing.Fixtures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The translation path with a memory: the same outcomes as without it, ids and confidences included, with only
 * the sentences it lacks going to the model; a reviewer's translation replaces the model's.
 */
class TranslatorMemoryTest {
    /** Small enough that some seed sentences are translated in clause parts. */
    private static final int MAX_SENTENCE_TOKENS = 100;
    private static LoadedModel model;
    private static GenerationConfig beams;
    private static List<String> paragraphs;

    @TempDir
    Path tmp;

    @BeforeAll
    static void load() {
        model = LoadedModel.load(Fixtures.dir(Fixtures.MARIAN));
        beams = model.generationDefaults().withNumBeams(2).withMaxLength(8);
        List<String> seed = ArticleReaders.read(Path.of("seeds/000_8e5b8d439f3d6119.txt")).articles().get(0)
                .paragraphs();
        paragraphs = new ArrayList<>(seed.subList(0, 2));
        paragraphs.add("Il pleut. Il neige à Paris.");
        paragraphs.add("");
        paragraphs.add(seed.get(1)); // a repeated paragraph: its sentences go to the model once
    }

    @AfterAll
    static void close() {
        model.close();
    }

    private Translator translator(GenerationConfig settings, TranslationMemory memory) {
        return new Translator(model, settings, Batcher.forGeneration(), MAX_SENTENCE_TOKENS, memory);
    }

    /** Each paragraph's outcomes, as the documents are made from them. */
    private static List<List<Outcome<SentencePair>>> outcomes(List<TranslatedParagraph> translated) {
        return translated.stream().map(p -> p.sentences().stream().map(TranslatedParagraph.Sentence::translation)
                .toList()).toList();
    }

    /**
     * The outcomes are equal, ids included; a beam score may differ in its last float32 bits, as it does between
     * any two batch compositions (with or without a memory: the memory only changes which sentences share a batch).
     */
    private static void assertSameOutcomes(List<TranslatedParagraph> actual, List<TranslatedParagraph> expected) {
        assertThat(outcomes(actual)).hasSameSizeAs(outcomes(expected));
        List<SentencePair> got = actual.stream().flatMap(TranslatedParagraph::translations).toList();
        List<SentencePair> want = expected.stream().flatMap(TranslatedParagraph::translations).toList();
        assertThat(got).hasSameSizeAs(want).hasSize(actual.stream().mapToInt(p -> p.sentences().size()).sum());
        for (int i = 0; i < got.size(); i++) {
            SentencePair g = got.get(i);
            SentencePair w = want.get(i);
            assertThat(new SentencePair(g.source(), g.target(), g.ids(), w.confidence(), g.warnings(), g.flags(),
                    g.origin())).as(g.source()).isEqualTo(w);
            assertThat(g.confidence().getAsDouble()).as(g.source())
                    .isCloseTo(w.confidence().getAsDouble(), org.assertj.core.data.Offset.offset(1e-5));
        }
    }

    private static MemoryUse use(List<TranslatedParagraph> translated) {
        return MemoryUse.sum(translated.stream().map(TranslatedParagraph::memoryUse));
    }

    @Test
    void theMemoryGivesWhatTheModelGaveIdsIncludedAndOnlyMissesReachTheModel() {
        Translator plain = translator(beams, TranslationMemory.none());
        List<ParagraphPlan> plans = plain.planner().plan(paragraphs);
        List<SentencePlan> sentences = plans.stream().flatMap(p -> p.sentences().stream()).toList();
        int distinctInputs = sentences.stream().distinct().mapToInt(s -> s.inputs().size()).sum();
        int distinctSentences = (int) sentences.stream().distinct().count();
        assertThat(sentences.stream().anyMatch(s -> s.split().isSplit())).as("some sentence in parts").isTrue();
        assertThat(distinctSentences).isLessThan(sentences.size());

        AtomicInteger plainInputs = new AtomicInteger();
        List<TranslatedParagraph> expected = plain.translatePlanned(plans, plainInputs::addAndGet);
        assertThat(plainInputs.get()).isEqualTo(plans.stream().mapToInt(ParagraphPlan::inputCount).sum());
        assertThat(expected.stream().flatMap(TranslatedParagraph::translations).toList())
                .allSatisfy(pair -> assertThat(pair.confidence()).isPresent());

        Path file = tmp.resolve("memory.sqlite");
        for (int run = 1; run <= 2; run++) {
            List<String> warnings = new ArrayList<>();
            try (TranslationMemory memory = TranslationMemory.at(file, "test", warnings::add)) {
                Translator remembering = translator(beams, memory);
                int planned = remembering.modelInputCount(plans);
                AtomicInteger modelInputs = new AtomicInteger();
                List<TranslatedParagraph> translated = remembering.translatePlanned(plans, modelInputs::addAndGet);

                assertSameOutcomes(translated, expected);
                if (run == 1) { // each distinct sentence once; its repeats are hits
                    assertThat(planned).isEqualTo(distinctInputs);
                    assertThat(modelInputs.get()).isEqualTo(distinctInputs);
                    assertThat(use(translated)).isEqualTo(new MemoryUse(sentences.size() - distinctSentences,
                            distinctSentences, 0));
                } else { // all from the memory
                    assertThat(planned).isZero();
                    assertThat(modelInputs.get()).isZero();
                    assertThat(use(translated)).isEqualTo(new MemoryUse(sentences.size(), 0, 0));
                }
                assertThat(memory.use()).isEqualTo(use(translated));
            }
            assertThat(warnings).isEmpty();
        }
        try (MemoryStore store = MemoryStore.open(file)) {
            assertThat(store.stats().machine()).isEqualTo(distinctSentences);
            assertThat(store.stats().lastRun().orElseThrow().use().hits()).isEqualTo(sentences.size());
        }
    }

    @Test
    void otherSettingsMissAndAReviewedTranslationReplacesTheModelsWhateverTheSettings() {
        Path file = tmp.resolve("memory.sqlite");
        List<String> two = paragraphs.subList(0, 2);
        try (TranslationMemory memory = TranslationMemory.at(file, "test", w -> { })) {
            translator(beams, memory).translate(two);
        }
        SentencePlan corrected = translator(beams, TranslationMemory.none()).planner().plan(two.get(1))
                .sentences().get(0);
        try (MemoryStore store = MemoryStore.open(file)) {
            store.review(List.of(new ReviewedTranslation(corrected.source(), "A reviewer's English.", "test")));
        }

        GenerationConfig greedy = beams.withNumBeams(1);
        List<TranslatedParagraph> expected = translator(greedy, TranslationMemory.none()).translate(two);
        try (TranslationMemory memory = TranslationMemory.at(file, "test", w -> { })) {
            List<TranslatedParagraph> translated = translator(greedy, memory).translate(two);

            SentencePair reviewed = translated.get(1).sentences().get(0).translation().value().orElseThrow();
            assertThat(reviewed).isEqualTo(new SentencePair(corrected.source(), "A reviewer's English.",
                    TokenIds.NONE, java.util.OptionalDouble.empty(), List.of(), List.of(), Origin.REVIEWED));
            List<List<Outcome<SentencePair>>> others = outcomes(translated);
            List<List<Outcome<SentencePair>>> machine = outcomes(expected);
            assertThat(others.get(0)).as("greedy is another context: translated again").isEqualTo(machine.get(0));
            assertThat(others.get(1).subList(1, others.get(1).size()))
                    .isEqualTo(machine.get(1).subList(1, machine.get(1).size()));
            int sentences = translated.stream().mapToInt(p -> p.sentences().size()).sum();
            assertThat(use(translated)).isEqualTo(new MemoryUse(0, sentences - 1, 1));
        }
    }
}
