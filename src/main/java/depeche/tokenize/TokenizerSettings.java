package depeche.tokenize;

import depeche.folder.ModelFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import depeche.folder.ModelException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The tokenizer settings of a model folder. As in HF {@code from_pretrained}, {@code special_tokens_map.json}
 * overrides {@code tokenizer_config.json}, and a missing file or key means the tokenizer class default.
 */
final class TokenizerSettings {
    private static final String CONFIG_FILE = "tokenizer_config.json";
    private static final String SPECIAL_TOKENS_FILE = "special_tokens_map.json";

    /** A settings file and its content; the list below is in order of precedence. */
    private record Source(Path file, ObjectNode json) {
    }

    private final List<Source> sources;

    private TokenizerSettings(List<Source> sources) {
        this.sources = sources;
    }

    static TokenizerSettings read(Path modelDir) {
        List<Source> sources = new ArrayList<>();
        for (String name : List.of(SPECIAL_TOKENS_FILE, CONFIG_FILE)) {
            Path file = modelDir.resolve(name);
            if (Files.exists(file)) {
                sources.add(new Source(file, ModelFiles.readJsonObject(file)));
            }
        }
        return new TokenizerSettings(sources);
    }

    /** A special token such as {@code eos_token}: a string, or an AddedToken object whose {@code content} is the string. */
    String token(String key, String fallback) {
        for (Source source : sources) {
            JsonNode value = source.json().get(key);
            if (value == null || value.isNull()) {
                continue;
            }
            JsonNode content = value.isObject() ? value.get("content") : value;
            if (content == null || !content.isTextual()) {
                throw new ModelException(source.file(), key + " is " + value + ", expected a string or an object with a string content");
            }
            return content.asText();
        }
        return fallback;
    }

    boolean flag(String key, boolean fallback) {
        for (Source source : sources) {
            JsonNode value = source.json().get(key);
            if (value == null || value.isNull()) {
                continue;
            }
            if (!value.isBoolean()) {
                throw new ModelException(source.file(), key + " is " + value + ", expected true or false");
            }
            return value.asBoolean();
        }
        return fallback;
    }
}
