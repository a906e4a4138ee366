package depeche.folder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link JsonTree} makes the very nodes {@code ObjectMapper.readTree} makes (node classes included). */
class JsonTreeTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"d_model\": 512, \"dropout\": 0.1, \"scale_embedding\": true, \"pad_token_id\": 59513}",
        "{\"big\": 12345678901, \"huge\": 123456789012345678901234567890, \"neg\": -7, \"exp\": 1e-5, \"z\": -0.0}",
        "{\"bad_words_ids\": [[59513]], \"forced_eos_token_id\": null, \"nested\": {\"a\": [1, [2, {\"b\": false}]]}}",
        "{\"text\": \"caf\\u00e9 \\\"cit\\u00e9\\\" \\n \\ud83d\\ude00\", \"empty\": \"\", \"arr\": []}",
        "{\"same\": 1, \"same\": 2}",
        "[1, 2.5, \"x\", null, true]",
        "42",
        "\"just text\"",
        "{\"a\": 1} trailing",
    })
    void readGivesWhatReadTreeGives(String json) throws Exception {
        JsonNode expected = MAPPER.readTree(json);
        JsonNode actual = JsonTree.read(bytes(json));
        assertThat(actual).isEqualTo(expected);
        assertThat(actual.getClass()).isEqualTo(expected.getClass());
        expected.fields().forEachRemaining(e ->
                assertThat(actual.get(e.getKey()).getClass()).as(e.getKey()).isEqualTo(e.getValue().getClass()));
    }

    @Test
    void whiteSpaceHoldsNoValue() throws Exception {
        assertThat(JsonTree.read(bytes("  \n"))).isNull();
        assertThat(JsonTree.readStrict(bytes(""))).isNull();
    }

    @Test
    void invalidJsonFailsWithThePositionAsJacksonSaysIt() {
        assertThatThrownBy(() -> JsonTree.read(bytes("{\"a\": 1,\n  ]")))
                .isInstanceOf(JsonProcessingException.class)
                .satisfies(e -> assertThat(((JsonProcessingException) e).getLocation().getLineNr()).isEqualTo(2));
    }

    @Test
    void strictRefusesARepeatedKeyAndContentAfterTheValue() throws Exception {
        assertThatThrownBy(() -> JsonTree.readStrict(bytes("{\"x\": {\"dtype\": \"F32\", \"dtype\": \"F16\"}}")))
                .isInstanceOf(JsonProcessingException.class).hasMessageContaining("Duplicate field 'dtype'");
        assertThatThrownBy(() -> JsonTree.readStrict(bytes("{\"a\": 1} {\"b\": 2}")))
                .isInstanceOf(JsonProcessingException.class).hasMessageContaining("Trailing token");
        assertThat(JsonTree.readStrict(bytes("{\"a\": [1, 2]}  \n"))).isEqualTo(MAPPER.readTree("{\"a\": [1, 2]}"));
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"d_model\": 512, \"dropout\": 0.1, \"eps\": 1e-05, \"neg\": -0.0, \"big\": 12345678901}",
        "{\"huge\": 123456789012345678901234567890, \"t\": \"caf\u00e9 \\\"q\\\" \\n \\ud83d\\ude00 \\u0001\"}",
        "{\"model\": {\"vocab\": {\"<s>\": 0, \"\u0120the\": 5}, \"merges\": [\"\u0120 t\"]}, \"a\": [null, true, false, []]}",
    })
    void writeGivesWhatToStringGives(String json) throws Exception {
        JsonNode node = MAPPER.readTree(json);
        assertThat(new String(JsonTree.write(node), StandardCharsets.UTF_8)).isEqualTo(node.toString());
    }
}
