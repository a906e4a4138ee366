package depeche.memory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import depeche.document.ModelInfo;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * What besides the source sentence decides a machine translation: the model's weights and every setting that
 * changes its output (generation settings, and the longest input, which decides how a long sentence is cut into
 * parts). Machine translations are kept under the {@link #id() id} of their context; a reviewer's translation is
 * kept under its source alone, and serves every context.
 *
 * <p>The model's folder name and type are recorded for people ({@code memory export}) but are not part of the
 * key: a renamed folder with the same weights gives the same translations.
 *
 * @param model    the translation model; its weights' sha256 is part of the key
 * @param settings the settings that change translations, as JSON values
 */
public record MemoryContext(ModelInfo model, Map<String, Object> settings) {
    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    public MemoryContext {
        settings = java.util.Collections.unmodifiableMap(new TreeMap<>(settings));
    }

    /** The settings as canonical JSON (keys sorted), as the memory records them. */
    public String settingsJson() {
        try {
            return CANONICAL.writeValueAsString(settings);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("settings that are not JSON values: " + settings, e);
        }
    }

    /** The sha256 of the weights' sha256 and the canonical settings: the key of this context's translations. */
    public String id() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(model.weightsSha256().getBytes(StandardCharsets.US_ASCII));
            digest.update((byte) '\n');
            digest.update(settingsJson().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
