package depeche.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import depeche.generate.GenerationConfig;
import java.nio.file.Path;

/** {@code generate(**kwargs)}-style overrides, given as JSON with generation_config.json keys (golden variants). */
public final class GenerationOverrides {
    private static final ObjectMapper JSON = new ObjectMapper();

    private GenerationOverrides() {
    }

    /** {@code base} with the keys of {@code overrides} replaced; a max_length without max_new_tokens clears it. */
    public static GenerationConfig apply(GenerationConfig base, JsonNode overrides) {
        ObjectNode merged = JSON.valueToTree(base.toJson());
        merged.setAll((ObjectNode) overrides);
        if (overrides.has("max_length") && !overrides.has("max_new_tokens")) {
            merged.putNull("max_new_tokens");
        }
        return GenerationConfig.fromJson(Path.of("<overrides>"), merged);
    }
}
