package depeche.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import depeche.inference.Generated;
import depeche.inference.LoadedModel;
import depeche.testing.Cli;
import depeche.testing.FixtureVariant;
import depeche.testing.Fixtures;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Golden ids for model folders written in legacy forms: fixture variants made here from the tiny fixtures, run
 * end to end ({@link LoadedModel#load}), with what transformers makes of each form derived from its code.
 *
 * <p>Citations are {@code file:line} at transformers v4.48.0 (59e5b3f01b7773439671c3a827348ba87dc8b92a) and at
 * the last 4.57.0.dev0 commit of main (3553f0bc23011a5aa459c7b0cd282f570ecd7ac5), which agree on all of this.
 */
class LegacyConfigGoldenTest {
    /** tiny-bart's generation_config.json, as config.json keys (the form of folders saved before 4.x). */
    private static final String BART_GENERATION_KEYS = "\"early_stopping\": true, \"length_penalty\": 2.0,"
            + " \"max_length\": 40, \"min_length\": 5, \"no_repeat_ngram_size\": 3, \"num_beams\": 4,\n"
            + "  \"forced_eos_token_id\": 2,";

    @TempDir
    Path tmp;

    /** A tiny-bart folder without generation_config.json whose config.json carries the generation settings. */
    private FixtureVariant bartWithSettingsInConfig(String name) {
        return withSettingsInConfig(FixtureVariant.bart(tmp, name).delete("generation_config.json"),
                BART_GENERATION_KEYS);
    }

    private static FixtureVariant withSettingsInConfig(FixtureVariant bart, String keys) {
        return bart.replace("config.json", "\"forced_eos_token_id\": 2,", keys);
    }

    /** The ids (after the start token) for every golden case, one padded batch, with the folder's settings. */
    private static List<long[]> idsOfAllCases(String fixture, Path folder,
                                              Function<LoadedModel, GenerationConfig> settings) {
        long[][] inputs = Fixtures.list(Fixtures.golden(fixture).get("cases")).stream()
                .map(c -> Fixtures.ids(c.get("input_ids"))).toArray(long[][]::new);
        try (LoadedModel model = LoadedModel.load(folder)) {
            return model.generate(inputs, settings.apply(model)).stream().map(Generated::ids).toList();
        }
    }

    private static List<long[]> golden(String fixture, String key) {
        return Fixtures.list(Fixtures.golden(fixture).get("cases")).stream().map(c -> {
            long[] ids = Fixtures.ids(c.get(key));
            return Arrays.copyOfRange(ids, 1, ids.length);
        }).toList();
    }

    /** The folder's generate() settings give the fixture's golden beam ids. */
    private static void assertGoldenBeamIds(String fixture, Path folder) {
        assertSameIds(idsOfAllCases(fixture, folder, LoadedModel::generationDefaults), golden(fixture, "beam_ids"));
    }

    private static void assertSameIds(List<long[]> actual, List<long[]> expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.get(i)).as("case %d", i).containsExactly(expected.get(i));
        }
    }

    @Test
    void settingsInConfigJsonAloneGiveTheGoldenIds() {
        // No generation_config.json: from_pretrained keeps GenerationConfig.from_model_config(config)
        // (modeling_utils.py:1324 / :1998), i.e. config.json's generation keys with BartConfig's token defaults.
        Path folder = bartWithSettingsInConfig("settings-in-config").dir();
        assertGoldenBeamIds(Fixtures.BART, folder);
        assertSameIds(idsOfAllCases(Fixtures.BART, folder, m -> m.generationDefaults().withNumBeams(1)),
                golden(Fixtures.BART, "greedy_ids"));
    }

    @Test
    void forceBosTokenToBeGeneratedForcesTokenZeroExactlyAsForcedBosTokenIdZeroDoes() {
        // BartConfig.__init__ (configuration_bart.py:174-175 / :175-176): when forced_bos_token_id is None and
        // force_bos_token_to_be_generated is truthy, forced_bos_token_id = bos_token_id (0 here). from_model_config
        // then carries it into the generation config, so generate() sees exactly what an explicit
        // "forced_bos_token_id": 0 gives: ForcedBOSTokenLogitsProcessor makes 0 the first token, and every later
        // step is conditioned on it.
        Path legacy = bartWithSettingsInConfig("legacy")
                .addKey("config.json", "force_bos_token_to_be_generated", "true").dir();
        Path explicit = bartWithSettingsInConfig("explicit")
                .addKey("config.json", "forced_bos_token_id", "0").dir();
        Path without = bartWithSettingsInConfig("without").dir();
        for (int beams : new int[] {4, 1}) {
            Function<LoadedModel, GenerationConfig> settings = m -> m.generationDefaults().withNumBeams(beams);
            List<long[]> legacyIds = idsOfAllCases(Fixtures.BART, legacy, settings);
            List<long[]> explicitIds = idsOfAllCases(Fixtures.BART, explicit, settings);
            List<long[]> withoutIds = idsOfAllCases(Fixtures.BART, without, settings);
            assertSameIds(legacyIds, explicitIds);
            for (int i = 0; i < legacyIds.size(); i++) {
                assertThat(legacyIds.get(i)[0]).as("beams %d case %d", beams, i).isZero();
                assertThat(withoutIds.get(i)[0]).as("beams %d case %d", beams, i).isNotZero();
                assertThat(legacyIds.get(i)).as("beams %d case %d", beams, i).isNotEqualTo(withoutIds.get(i));
            }
        }
    }

    @Test
    void forceBosTokenToBeGeneratedIsIgnoredWhenGenerationConfigJsonIsPresent() {
        // from_pretrained replaces the model-config-made generation config by GenerationConfig.from_pretrained
        // (modeling_utils.py:4245 / :4931), which reads generation_config.json alone: tiny-bart's has no
        // forced_bos_token_id, so nothing is forced and the golden ids stand.
        Path folder = FixtureVariant.bart(tmp, "with-generation-config")
                .addKey("config.json", "force_bos_token_to_be_generated", "true").dir();
        assertGoldenBeamIds(Fixtures.BART, folder);
        try (LoadedModel model = LoadedModel.load(folder)) {
            assertThat(model.warnings()).anySatisfy(w -> assertThat(w).contains(
                    "generation settings ignored because generation_config.json is present",
                    "forced_bos_token_id 0 (from force_bos_token_to_be_generated) (generation_config.json: none)"));
        }
    }

    @Test
    void aStaleGenerationConfigMadeFromTheModelConfigGivesWayToConfigJson() {
        // generate() with no generation_config argument (utils.py:1499-1535 / :1682-1719): when the model's
        // generation config says _from_model_config, config.json holds non-default generation parameters
        // (max_length 40 vs 20) and from_model_config(config) differs from it (num_beams: config.json leaves the
        // default 1, the file says 4), config.json's wins. Its settings are generation_config.json's with 1 beam:
        // exactly the golden greedy run.
        String withoutBeams = BART_GENERATION_KEYS.replace(" \"num_beams\": 4,", "");
        Path folder = withSettingsInConfig(FixtureVariant.bart(tmp, "stale")
                .addKey("generation_config.json", "_from_model_config", "true"), withoutBeams).dir();
        assertSameIds(idsOfAllCases(Fixtures.BART, folder, LoadedModel::generationDefaults),
                golden(Fixtures.BART, "greedy_ids"));
        // The summarization pipeline hands its own generation config to generate() (pipelines/base.py:932 / :918),
        // so the legacy rule does not apply there: generation_config.json's 4 beams stay.
        assertSameIds(idsOfAllCases(Fixtures.BART, folder, LoadedModel::summarizationDefaults),
                golden(Fixtures.BART, "beam_ids"));
        try (LoadedModel model = LoadedModel.load(folder)) {
            assertThat(model.warnings()).singleElement().asString().contains("\"_from_model_config\": true");
        }
        // Without the marker the file wins (GenerationConfig.__init__ sets _from_model_config False by default).
        Path unmarked = withSettingsInConfig(FixtureVariant.bart(tmp, "unmarked"), withoutBeams).dir();
        assertGoldenBeamIds(Fixtures.BART, unmarked);
    }

    @Test
    void taskSpecificSummarizationParamsApplyToTheSummarizationPipelineOnly() {
        // Pipeline.__init__ (pipelines/base.py:935-940 / :922-927): task_specific_params["summarization"] updates
        // the pipeline's copy of the generation config; its prefix goes before each input
        // (text2text_generation.py:118 / :133). generate() itself never reads task_specific_params.
        Path folder = FixtureVariant.bart(tmp, "task")
                .addKey("config.json", "task_specific_params",
                        "{\"summarization\": {\"num_beams\": 1, \"prefix\": \" \"}, \"translation_en_to_fr\": {}}")
                .dir();
        assertSameIds(idsOfAllCases(Fixtures.BART, folder, LoadedModel::summarizationDefaults),
                golden(Fixtures.BART, "greedy_ids"));
        assertGoldenBeamIds(Fixtures.BART, folder);
        try (LoadedModel model = LoadedModel.load(folder)) {
            assertThat(model.summarizationPrefix()).isEqualTo(" ");
            assertThat(model.warnings()).isEmpty();
        }
    }

    @Test
    void summarizeUsesTheSummarizationParamsAndTranslatePrintsLoadWarnings() throws Exception {
        Path task = FixtureVariant.bart(tmp, "cli-task")
                .addKey("config.json", "task_specific_params", "{\"summarization\": {\"num_beams\": 1}}").dir();
        JsonNode c = Fixtures.golden(Fixtures.BART).get("cases").get(0);
        Cli.Result r = Cli.run("summarize", "--model", task.toString(), "--json", c.get("text").asText());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        long[] greedy = Fixtures.ids(c.get("greedy_ids"));
        assertThat(Fixtures.ids(new ObjectMapper().readTree(r.out()).get("ids")))
                .containsExactly(Arrays.copyOfRange(greedy, 1, greedy.length));

        Path unknown = FixtureVariant.marian(tmp, "cli-unknown")
                .addKey("config.json", "my_switch", "true").dir();
        Cli.Result t = Cli.run("translate", "--model", unknown.toString(), "Bonjour.");
        assertThat(t.exitCode()).as(t.err()).isZero();
        // The load warning comes first; the review flags of the random-weight output may follow it.
        assertThat(t.err().lines().findFirst()).hasValue("depeche: warning: " + unknown.resolve("config.json")
                + ": ignored keys that depeche does not know: my_switch");
        assertThat(t.err().lines().skip(1)).allMatch(line -> line.startsWith("depeche: sentence 1: "));
    }

    @Test
    void transformers3SwitchesChangeNothingAndAreWarnedAbout() {
        // Since 4.0 BartConfig/MarianConfig no longer take normalize_before, add_final_layer_norm,
        // static_position_embeddings, normalize_embedding, add_bias_logits or extra_pos_embeddings: they end up
        // as plain attributes (configuration_utils.py:319 / :340) that modeling_bart/modeling_marian never read.
        Path bart = FixtureVariant.bart(tmp, "bart-3x")
                .replace("config.json", "\"normalize_before\": false", "\"normalize_before\": true")
                .replace("config.json", "\"add_final_layer_norm\": false", "\"add_final_layer_norm\": true")
                .replace("config.json", "\"normalize_embedding\": true", "\"normalize_embedding\": false")
                .addKey("config.json", "static_position_embeddings", "true")
                .addKey("config.json", "extra_pos_embeddings", "0")
                .dir();
        assertGoldenBeamIds(Fixtures.BART, bart);
        Path marian = FixtureVariant.marian(tmp, "marian-3x")
                .replace("config.json", "\"static_position_embeddings\": true", "\"static_position_embeddings\": false")
                .replace("config.json", "\"normalize_embedding\": false", "\"normalize_embedding\": true")
                .addKey("config.json", "force_bos_token_to_be_generated", "true") // MarianConfig converts nothing
                .addKey("config.json", "extra_pos_embeddings", "405")
                .dir();
        assertGoldenBeamIds(Fixtures.MARIAN, marian);
        try (LoadedModel b = LoadedModel.load(bart); LoadedModel m = LoadedModel.load(marian)) {
            assertThat(b.warnings()).filteredOn(w -> w.contains("transformers 3.x switch")).hasSize(4)
                    .anySatisfy(w -> assertThat(w).contains("normalize_before true", "model_type bart"));
            assertThat(m.warnings()).filteredOn(w -> w.contains("transformers 3.x switch")).hasSize(3)
                    .anySatisfy(w -> assertThat(w).contains("static_position_embeddings false", "model_type marian"));
        }
    }

    @Test
    void absentNetworkKeysTakeTheConfigClassDefaults() {
        // MarianConfig.__init__ defaults share_encoder_decoder_embeddings=True (configuration_marian.py:132 / :133);
        // PretrainedConfig tie_word_embeddings=True (configuration_utils.py:223 / :283); decoder_vocab_size falls
        // back to vocab_size (:136 / :137) and, embeddings being shared, is not used at all. So removing them, or
        // writing a decoder_vocab_size that a shared model ignores, changes nothing.
        Path marian = FixtureVariant.marian(tmp, "marian-defaults")
                .removeKey("config.json", "share_encoder_decoder_embeddings")
                .removeKey("config.json", "tie_word_embeddings")
                .replace("config.json", "\"decoder_vocab_size\": 405", "\"decoder_vocab_size\": 17")
                .dir();
        assertGoldenBeamIds(Fixtures.MARIAN, marian);
        // BartConfig has neither key: BART always shares its embeddings (modeling_bart.py BartModel.__init__).
        Path bart = FixtureVariant.bart(tmp, "bart-ignores")
                .addKey("config.json", "share_encoder_decoder_embeddings", "false")
                .addKey("config.json", "decoder_vocab_size", "17")
                .dir();
        assertGoldenBeamIds(Fixtures.BART, bart);
    }

    @Test
    void scaleEmbeddingDefaultsToFalse() {
        // MarianConfig and BartConfig both default scale_embedding=False; tiny-marian says true. Leaving it out
        // must equal writing false, and differ from the golden (true) run.
        Path absent = FixtureVariant.marian(tmp, "scale-absent")
                .removeKey("config.json", "scale_embedding").dir();
        Path explicitFalse = FixtureVariant.marian(tmp, "scale-false")
                .replace("config.json", "\"scale_embedding\": true", "\"scale_embedding\": false").dir();
        List<long[]> absentIds = idsOfAllCases(Fixtures.MARIAN, absent, LoadedModel::generationDefaults);
        assertSameIds(absentIds, idsOfAllCases(Fixtures.MARIAN, explicitFalse, LoadedModel::generationDefaults));
        List<long[]> golden = golden(Fixtures.MARIAN, "beam_ids");
        assertThat(IntStream.range(0, golden.size()).filter(i -> !Arrays.equals(absentIds.get(i), golden.get(i))))
                .isNotEmpty();
    }

    @Test
    void aliasesHiddenSizeAndNumAttentionHeadsWinOverTheirTargets() {
        // attribute_map {"num_attention_heads": "encoder_attention_heads", "hidden_size": "d_model"}
        // (configuration_bart.py:109 / :110): PretrainedConfig sets the aliases after the class has set its own
        // keys, so they win.
        Path folder = FixtureVariant.bart(tmp, "aliases")
                .replace("config.json", "\"d_model\": 32", "\"d_model\": 64, \"hidden_size\": 32")
                .replace("config.json", "\"encoder_attention_heads\": 4",
                        "\"encoder_attention_heads\": 3, \"num_attention_heads\": 4")
                .dir();
        assertGoldenBeamIds(Fixtures.BART, folder);
    }

    @Test
    void theFixturesThemselvesLoadWithoutWarnings() {
        for (String fixture : List.of(Fixtures.MARIAN, Fixtures.BART)) {
            try (LoadedModel model = LoadedModel.load(Fixtures.dir(fixture))) {
                assertThat(model.warnings()).as(fixture).isEmpty();
                JsonNode effective = Fixtures.golden(fixture).get("generation_config_effective").get("beam");
                assertThat(model.generationDefaults().numBeams()).isEqualTo(effective.get("num_beams").asInt());
                assertThat(model.summarizationDefaults()).isEqualTo(model.generationDefaults());
            }
        }
    }
}
