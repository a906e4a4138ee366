package depeche.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import depeche.folder.ModelException;
import depeche.model.ModelConfig;
import depeche.inference.Generated;
import depeche.inference.LoadedModel;
import depeche.testing.FixtureVariant;
import depeche.testing.Fixtures;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which file wins, key by key, and what is said about it. Citations are {@code file:line} at transformers v4.48.0
 * (59e5b3f01b7773439671c3a827348ba87dc8b92a) and at the last 4.57.0.dev0 commit of main
 * (3553f0bc23011a5aa459c7b0cd282f570ecd7ac5).
 */
class GenerationDefaultsTest {
    @TempDir
    Path tmp;

    private static GenerationDefaults read(FixtureVariant variant) {
        return GenerationDefaults.read(variant.dir(), ModelConfig.read(variant.dir().resolve("config.json")));
    }

    @Test
    void withoutGenerationConfigJsonTheModelConfigGivesEveryKeyWithItsClassDefaults() {
        // GenerationConfig.from_model_config (generation/configuration_utils.py:1263-1304 / :1104-1144): the
        // config's attributes, None dropped; BartConfig's defaults give forced_eos 2, pad 1, eos 2, start 2, bos 0.
        GenerationDefaults d = read(FixtureVariant.bart(tmp, "no-file").delete("generation_config.json")
                .removeKey("config.json", "forced_eos_token_id").removeKey("config.json", "pad_token_id"));
        GenerationConfig g = d.generate();
        assertThat(g.maxLength()).isEqualTo(20);
        assertThat(g.numBeams()).isEqualTo(1);
        assertThat(g.forcedEosTokenIds()).containsExactly(2);
        assertThat(g.padTokenId()).isEqualTo(1L);
        assertThat(g.eosTokenIds()).containsExactly(2);
        assertThat(g.decoderStartTokenId()).isEqualTo(2);
        assertThat(g.forcedBosTokenId()).isNull();
        assertThat(d.warnings()).isEmpty();
        // An explicit null is None, so from_model_config leaves it out: no forced eos at all.
        GenerationDefaults none = read(FixtureVariant.bart(tmp, "null-eos").delete("generation_config.json")
                .replace("config.json", "\"forced_eos_token_id\": 2", "\"forced_eos_token_id\": null"));
        assertThat(none.generate().forcedEosTokenIds()).isEmpty();
    }

    @Test
    void generationConfigJsonIsTheWholeGenerationConfigAndDifferingConfigKeysAreNamed() {
        // from_pretrained: model.generation_config = GenerationConfig.from_pretrained(folder)
        // (modeling_utils.py:4245 / :4931); config.json's generation keys are not consulted.
        GenerationDefaults d = read(FixtureVariant.bart(tmp, "both").addKey("config.json", "num_beams", "2")
                .addKey("config.json", "max_length", "40")
                .addKey("config.json", "repetition_penalty", "1.3"));
        assertThat(d.generate().numBeams()).isEqualTo(4);
        assertThat(d.warnings()).singleElement().asString()
                .startsWith(tmp.resolve("both").resolve("config.json") + ": generation settings ignored")
                .contains("num_beams 2 (generation_config.json: 4)",
                        "repetition_penalty 1.3 (generation_config.json: 1.0)")
                .doesNotContain("max_length");
    }

    @Test
    void aGenerationConfigJsonWithoutTokenIdsFallsBackAsGenerateDoes() {
        // _prepare_special_tokens (generation/utils.py:1822-1870 / :2032-2079): decoder_start_token_id falls back to
        // bos_token_id, pad_token_id to the first eos; with no eos only the length limit stops. config.json's ids
        // are not used.
        FixtureVariant v = FixtureVariant.marian(tmp, "no-start")
                .removeKey("generation_config.json", "decoder_start_token_id")
                .removeKey("generation_config.json", "pad_token_id");
        GenerationDefaults d = read(v);
        assertThat(d.generate().decoderStartTokenId()).isZero();
        assertThat(d.generate().padTokenId()).isZero();
        assertThat(d.warnings()).anySatisfy(w -> assertThat(w)
                .contains("generation_config.json: no decoder_start_token_id", "bos_token_id 0"));

        FixtureVariant noStart = FixtureVariant.marian(tmp, "no-start-no-bos")
                .removeKey("generation_config.json", "decoder_start_token_id")
                .removeKey("generation_config.json", "bos_token_id");
        assertThatThrownBy(() -> read(noStart)).isInstanceOf(ModelException.class)
                .hasMessageContaining("generation_config.json").hasMessageContaining("neither decoder_start_token_id");

        FixtureVariant noEos = FixtureVariant.bart(tmp, "no-eos").removeKey("generation_config.json", "eos_token_id")
                .replace("generation_config.json", "\"max_length\": 40", "\"max_length\": 9");
        GenerationDefaults e = read(noEos);
        assertThat(e.generate().eosTokenIds()).isEmpty();
        assertThat(e.warnings()).anySatisfy(w -> assertThat(w).contains("no eos_token_id"));
        try (LoadedModel model = LoadedModel.load(noEos.dir())) {
            long[][] inputs = Fixtures.list(Fixtures.golden(Fixtures.BART).get("cases")).stream()
                    .map(c -> Fixtures.ids(c.get("input_ids"))).toArray(long[][]::new);
            GenerationConfig beam = model.generationDefaults();
            for (GenerationConfig settings : List.of(beam, beam.withNumBeams(1))) {
                for (Generated out : model.generate(inputs, settings)) {
                    assertThat(out.ids()).as("max_length 9 = start + 8").hasSize(8);
                }
            }
        }
    }

    @Test
    void settingsDepecheCannotFollowAreWarnedAboutOnceAndHarmlessOnesAreNot() {
        GenerationDefaults d = read(FixtureVariant.bart(tmp, "unsupported")
                .addKey("generation_config.json", "repetition_penalty", "1.2")
                .addKey("generation_config.json", "do_sample", "true")
                .addKey("generation_config.json", "temperature", "0.7")
                .addKey("generation_config.json", "encoder_no_repeat_ngram_size", "0")
                .addKey("generation_config.json", "output_scores", "true")
                .addKey("generation_config.json", "transformers_version", "\"4.27.0\"")
                .addKey("generation_config.json", "my_own_setting", "1"));
        String file = tmp.resolve("unsupported").resolve("generation_config.json").toString();
        assertThat(d.warnings()).containsExactlyInAnyOrder(
                file + ": ignored keys that depeche does not know: my_own_setting",
                file + ": repetition_penalty 1.2 is not supported: transformers would penalize tokens already"
                        + " generated; depeche generates without it",
                file + ": do_sample true is not supported: transformers would sample tokens instead of searching;"
                        + " depeche generates without it");
        assertThat(d.summarization()).isSameAs(d.generate());
    }

    @Test
    void unknownConfigKeysAreNamedOnceInOneLine() {
        GenerationDefaults d = read(FixtureVariant.marian(tmp, "unknown")
                .addKey("config.json", "student_encoder_layers", "null")
                .addKey("config.json", "replacing_rate", "0"));
        assertThat(d.warnings()).containsExactly(tmp.resolve("unknown").resolve("config.json")
                + ": ignored keys that depeche does not know: replacing_rate, student_encoder_layers");
    }

    @Test
    void taskSpecificParamsApplyTheirKnownKeysAndNameTheRest() {
        GenerationDefaults d = read(FixtureVariant.bart(tmp, "task").addKey("config.json", "prefix", "\"summarize: \"")
                .addKey("config.json", "task_specific_params", "{\"summarization\": {\"max_length\": 30,"
                        + " \"min_length\": 7, \"length_penalty\": 1.0, \"sequence_bias\": [[[5], 2.0]],"
                        + " \"foo\": 1}}"));
        assertThat(d.summarizationPrefix()).as("config.json's prefix, as no task prefix is given")
                .isEqualTo("summarize: ");
        assertThat(d.summarization().maxLength()).isEqualTo(30);
        assertThat(d.summarization().minLength()).isEqualTo(7);
        assertThat(d.summarization().lengthPenalty()).isEqualTo(1.0);
        assertThat(d.summarization().numBeams()).as("from generation_config.json").isEqualTo(4);
        assertThat(d.generate().maxLength()).isEqualTo(40);
        String where = tmp.resolve("task").resolve("config.json") + " task_specific_params.summarization";
        assertThat(d.warnings()).containsExactlyInAnyOrder(
                where + ": ignored keys that depeche does not know: foo",
                where + ": sequence_bias [[[5],2.0]] is not supported: transformers would bias the scores of these"
                        + " sequences; depeche generates without it");
    }
}
