package depeche.model;

import static org.assertj.core.api.Assertions.assertThat;

import depeche.testing.FixtureVariant;
import depeche.testing.Fixtures;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * config.json read as transformers' config classes read it. Citations are {@code file:line} at transformers v4.48.0
 * (59e5b3f01b7773439671c3a827348ba87dc8b92a) and at the last 4.57.0.dev0 commit of main
 * (3553f0bc23011a5aa459c7b0cd282f570ecd7ac5).
 * The ids these settings give are checked in {@code depeche.generate.LegacyConfigGoldenTest}.
 */
class LegacyConfigKeysTest {
    @TempDir
    Path tmp;

    private ModelConfig read(FixtureVariant variant) {
        return ModelConfig.read(variant.dir().resolve("config.json"));
    }

    @Test
    void forceBosTokenToBeGeneratedBecomesForcedBosTokenIdForBartOnly() {
        // configuration_bart.py:174-175 / :175-176: only when forced_bos_token_id is None, and then to bos_token_id.
        String forceBos = "force_bos_token_to_be_generated";
        ModelConfig legacy = read(FixtureVariant.bart(tmp, "legacy").addKey("config.json", forceBos, "true"));
        assertThat(legacy.forcedBosTokenId()).isZero();
        assertThat(legacy.warnings()).singleElement().asString()
                .contains("config.json: force_bos_token_to_be_generated", "forced_bos_token_id 0");

        ModelConfig explicitWins = read(FixtureVariant.bart(tmp, "explicit")
                .addKey("config.json", "force_bos_token_to_be_generated", "true")
                .addKey("config.json", "forced_bos_token_id", "5"));
        assertThat(explicitWins.forcedBosTokenId()).isEqualTo(5L);
        assertThat(explicitWins.warnings()).isEmpty();

        ModelConfig nullIsNone = read(FixtureVariant.bart(tmp, "null")
                .addKey("config.json", "force_bos_token_to_be_generated", "true")
                .addKey("config.json", "forced_bos_token_id", "null")
                .replace("config.json", "\"bos_token_id\": 0", "\"bos_token_id\": 7"));
        assertThat(nullIsNone.forcedBosTokenId()).as("None is converted too, to this bos").isEqualTo(7L);

        ModelConfig falseKey = read(FixtureVariant.bart(tmp, "false").addKey("config.json", forceBos, "false"));
        assertThat(falseKey.forcedBosTokenId()).isNull();
        assertThat(falseKey.warnings()).isEmpty();

        // MarianConfig has no such conversion (configuration_marian.py): the key is a plain attribute.
        ModelConfig marian = read(FixtureVariant.marian(tmp, "marian").addKey("config.json", forceBos, "true"));
        assertThat(marian.forcedBosTokenId()).isNull();
        assertThat(marian.warnings()).singleElement().asString().contains("transformers 3.x switch");
    }

    @Test
    void tokenIdsTakeTheClassDefaultsAndNullMeansNone() {
        // MarianConfig.__init__ has no bos_token_id parameter: PretrainedConfig's None (configuration_utils.py).
        ModelConfig marian = read(FixtureVariant.marian(tmp, "no-bos").removeKey("config.json", "bos_token_id")
                .removeKey("config.json", "forced_eos_token_id"));
        assertThat(marian.bosTokenId()).isNull();
        assertThat(marian.forcedEosTokenId()).as("MarianConfig forced_eos_token_id=0").isZero();
        ModelConfig bart = read(FixtureVariant.bart(tmp, "bart-defaults").removeKey("config.json", "bos_token_id")
                .removeKey("config.json", "forced_eos_token_id")
                .removeKey("config.json", "decoder_start_token_id"));
        assertThat(bart.bosTokenId()).isZero();
        assertThat(bart.forcedEosTokenId()).as("BartConfig forced_eos_token_id=2").isEqualTo(2L);
        assertThat(bart.decoderStartTokenId()).isEqualTo(2);
        ModelConfig none = read(FixtureVariant.bart(tmp, "null-forced-eos")
                .replace("config.json", "\"forced_eos_token_id\": 2", "\"forced_eos_token_id\": null"));
        assertThat(none.forcedEosTokenId()).as("an explicit null is None, not the class default").isNull();
    }

    @Test
    void decoderVocabSizeCountsOnlyForUnsharedMarianAndZeroMeansVocabSize() {
        // configuration_marian.py:136 / :137: decoder_vocab_size or vocab_size; modeling_marian.py uses it only
        // when share_encoder_decoder_embeddings is false.
        assertThat(read(FixtureVariant.marian(tmp, "shared").replace("config.json", "\"decoder_vocab_size\": 405",
                "\"decoder_vocab_size\": 17")).decoderVocabSize()).isEqualTo(405);
        FixtureVariant unshared = FixtureVariant.marian(tmp, "unshared").replace("config.json",
                "\"share_encoder_decoder_embeddings\": true", "\"share_encoder_decoder_embeddings\": false");
        assertThat(read(unshared).decoderVocabSize()).isEqualTo(405);
        assertThat(read(unshared.replace("config.json", "\"decoder_vocab_size\": 405", "\"decoder_vocab_size\": 0"))
                .decoderVocabSize()).isEqualTo(405);
        assertThat(read(unshared.replace("config.json", "\"decoder_vocab_size\": 0", "\"decoder_vocab_size\": 300"))
                .decoderVocabSize()).isEqualTo(300);
    }

    @Test
    void keysHfWouldActOnDifferentlyAreWarnedAbout() {
        ModelConfig c = read(FixtureVariant.bart(tmp, "checked")
                .replace("config.json", "\"is_encoder_decoder\": true", "\"is_encoder_decoder\": false")
                .addKey("config.json", "tie_encoder_decoder", "true")
                .addKey("config.json", "pruned_heads", "{\"0\": [1]}"));
        assertThat(c.warnings()).hasSize(3).allSatisfy(w -> assertThat(w).contains("is not supported"))
                .anySatisfy(w -> assertThat(w).startsWith(tmp.resolve("checked").resolve("config.json")
                        + ": is_encoder_decoder false"));
        assertThat(read(FixtureVariant.bart(tmp, "harmless").addKey("config.json", "tie_encoder_decoder", "false")
                .addKey("config.json", "pruned_heads", "{}")).warnings()).isEmpty();
    }

    @Test
    void keysThatDoNotShapeTheNetworkAreHandedOnAsWritten() {
        ModelConfig c = read(FixtureVariant.bart(tmp, "other").addKey("config.json", "student_encoder_layers", "null")
                .addKey("config.json", "num_beams", "3"));
        assertThat(c.otherKeys()).containsKeys("student_encoder_layers", "num_beams", "pad_token_id",
                        "forced_eos_token_id")
                .doesNotContainKeys("d_model", "dropout", "normalize_before", "architectures", "model_type");
        assertThat(c.otherKeys().get("num_beams").asInt()).isEqualTo(3);
        assertThat(c.otherKeys().get("student_encoder_layers").isNull()).isTrue();
    }
}
