package depeche.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import depeche.generate.GenerationConfig;
import depeche.hub.ModelLayout;
import depeche.inference.Generated;
import depeche.inference.LoadedModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real {@code Helsinki-NLP/opus-mt-fr-en} against HuggingFace's own integration test of it, opt-in: set
 * {@code DEPECHE_REAL_MODELS=1} with the model in {@code models/opus-mt-fr-en} ({@code depeche models fetch
 * opus-mt-fr-en}). Skipped, saying why, otherwise; the tiny fixtures test everything else.
 *
 * <p>The expectations are transformers' {@code tests/models/marian/test_modeling_marian.py}, class
 * {@code TestMarian_FR_EN} (v4.48.0, commit 59e5b3f01b7773439671c3a827348ba87dc8b92a): both sentences in one
 * padded batch, {@code num_beams=2}, {@code max_length=128}, {@code renormalize_logits=True} (which the model's
 * generation_config.json sets), decoded with {@code skip_special_tokens=True}.
 */
class RealOpusMtTest {
    static final String ENABLE = "DEPECHE_REAL_MODELS";
    static final Path MODEL = Path.of("models", "opus-mt-fr-en");
    private static final List<String> FRENCH = List.of(
            "Donnez moi le micro.",
            "Tom et Mary étaient assis à une table."); // accents
    private static final List<String> ENGLISH = List.of(
            "Give me the microphone.",
            "Tom and Mary were sitting at a table.");

    private static LoadedModel model;

    /** Each test is reported skipped with the reason (an assumption in a {@code @BeforeAll} hides the tests). */
    @BeforeEach
    void requireTheRealModel() {
        assumeTrue("1".equals(System.getenv(ENABLE)),
                "real-model acceptance tests are opt-in: set " + ENABLE + "=1 to run them");
        assumeTrue(Files.isDirectory(MODEL) && ModelLayout.missing(MODEL).isEmpty(),
                MODEL.toAbsolutePath() + " does not hold the real model: run `depeche models fetch opus-mt-fr-en`");
        if (model == null) {
            model = LoadedModel.load(MODEL);
        }
        assumeTrue(model.config().vocabSize() == 59514,
                MODEL + " is not Helsinki-NLP/opus-mt-fr-en (vocab_size " + model.config().vocabSize() + ")");
    }

    @AfterAll
    static void close() {
        if (model != null) {
            model.close();
        }
    }

    @Test
    void translatesAsHuggingFacesIntegrationTestExpects() {
        GenerationConfig settings = model.generationDefaults().withNumBeams(2).withMaxLength(128);
        long[][] batch = FRENCH.stream().map(model::encode).toArray(long[][]::new);

        List<Generated> generated = model.generate(batch, settings);

        assertThat(generated).extracting(Generated::text).containsExactlyElementsOf(ENGLISH);
    }

    @Test
    void eachSentenceAloneGivesTheSameTranslation() {
        GenerationConfig settings = model.generationDefaults().withNumBeams(2).withMaxLength(128);
        for (int i = 0; i < FRENCH.size(); i++) {
            List<Generated> alone = model.generate(new long[][] {model.encode(FRENCH.get(i))}, settings);
            assertThat(alone.get(0).text()).as(FRENCH.get(i)).isEqualTo(ENGLISH.get(i));
        }
    }
}
