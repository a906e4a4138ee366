package depeche.tokenize;

import depeche.testing.Fixtures;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every id and text of the fixtures' golden.json that concerns tokenization, one test each, for every setup. */
class GoldenTokenizerTest {
    @TempDir
    static Path tempDir;

    private static final Map<TokenizerSetup, TextTokenizer> LOADED = new EnumMap<>(TokenizerSetup.class);

    static synchronized TextTokenizer tokenizer(TokenizerSetup setup) {
        return LOADED.computeIfAbsent(setup, s -> Tokenizers.load(s.folder(tempDir)));
    }

    @AfterAll
    static void closeTokenizers() {
        LOADED.values().forEach(TextTokenizer::close);
        LOADED.clear();
    }

    record EncodeCase(String where, String text, long[] ids) {
        @Override
        public String toString() {
            String shown = text.replace("\t", "\\t").replace("\n", "\\n");
            return where + " \"" + (shown.length() > 40 ? shown.substring(0, 40) + "…" : shown) + "\"";
        }
    }

    record DecodeCase(String where, long[] ids, boolean skipSpecialTokens, String text) {
        @Override
        public String toString() {
            return where + (skipSpecialTokens ? " skip special" : " keep special");
        }
    }

    static Stream<Arguments> encodeCases() {
        List<Arguments> all = new ArrayList<>();
        for (TokenizerSetup setup : TokenizerSetup.values()) {
            JsonNode golden = Fixtures.golden(setup.fixture);
            JsonNode encode = golden.path("tokenizer_tests").path("encode");
            for (int i = 0; i < encode.size(); i++) {
                JsonNode test = encode.get(i);
                all.add(Arguments.of(setup, new EncodeCase("tokenizer_tests.encode[" + i + "]",
                        test.get("text").asText(), Fixtures.ids(test.get("input_ids")))));
            }
            JsonNode cases = golden.path("cases");
            for (int i = 0; i < cases.size(); i++) {
                JsonNode test = cases.get(i);
                all.add(Arguments.of(setup, new EncodeCase("cases[" + i + "]",
                        test.get("text").asText(), Fixtures.ids(test.get("input_ids")))));
            }
        }
        return all.stream();
    }

    static Stream<Arguments> decodeCases() {
        List<Arguments> all = new ArrayList<>();
        for (TokenizerSetup setup : TokenizerSetup.values()) {
            JsonNode golden = Fixtures.golden(setup.fixture);
            JsonNode decode = golden.path("tokenizer_tests").path("decode");
            for (int i = 0; i < decode.size(); i++) {
                JsonNode test = decode.get(i);
                long[] ids = Fixtures.ids(test.get("ids"));
                String where = "tokenizer_tests.decode[" + i + "]";
                all.add(Arguments.of(setup, new DecodeCase(where, ids, true, test.get("text_skip_special").asText())));
                all.add(Arguments.of(setup, new DecodeCase(where, ids, false, test.get("text_keep_special").asText())));
            }
            JsonNode cases = golden.path("cases");
            for (int i = 0; i < cases.size(); i++) {
                for (String output : List.of("greedy", "greedy_plain", "beam")) {
                    JsonNode test = cases.get(i);
                    all.add(Arguments.of(setup, new DecodeCase("cases[" + i + "]." + output + "_ids",
                            Fixtures.ids(test.get(output + "_ids")), true, test.get(output + "_text").asText())));
                }
            }
            JsonNode batch = golden.path("batch");
            for (String output : List.of("greedy", "beam")) {
                JsonNode rows = batch.get(output + "_ids");
                for (int row = 0; row < rows.size(); row++) {
                    all.add(Arguments.of(setup, new DecodeCase("batch." + output + "_ids[" + row + "]",
                            Fixtures.ids(rows.get(row)), true, batch.get("texts_" + output).get(row).asText())));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("encodeCases")
    void encodesToTheGoldenIds(TokenizerSetup setup, EncodeCase test) {
        assertThat(tokenizer(setup).encode(test.text())).containsExactly(test.ids());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("decodeCases")
    void decodesToTheGoldenText(TokenizerSetup setup, DecodeCase test) {
        assertThat(tokenizer(setup).decode(test.ids(), test.skipSpecialTokens())).isEqualTo(test.text());
    }
}
