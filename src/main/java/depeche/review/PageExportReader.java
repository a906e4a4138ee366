package depeche.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import depeche.document.ModelInfo;
import depeche.folder.ModelFiles;
import depeche.text.OneLine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The review page's export, {@code <id>.corrections.json} (format {@value #FORMAT}): the article id, the models,
 * and per sentence its paragraph and sentence (from 1), source, old target, new target and whether it was marked
 * reviewed. Any {@code .json} file is tried; what is not this format is refused by name.
 */
public final class PageExportReader implements CorrectionsReader {
    /** The format the review page writes. */
    public static final String FORMAT = "depeche-corrections/1";
    static final String SUFFIX = ".corrections.json";
    /** An export holds a few sentences; a file this large is not one. */
    static final long MAX_BYTES = 16_000_000;

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public boolean reads(Path file) {
        return file.getFileName().toString().endsWith(".json");
    }

    @Override
    public Corrections read(Path file) {
        JsonNode root = parse(file);
        if (!FORMAT.equals(root.path("format").asText(null))) {
            throw new ReviewException(file, "not a review page export (its \"format\" is not \"" + FORMAT + "\")");
        }
        String article = text(file, root, "article", "");
        List<ModelInfo> models = new ArrayList<>();
        for (JsonNode model : root.path("models")) {
            try {
                models.add(new ModelInfo(model.path("name").asText(), model.path("type").asText(),
                        model.path("weights_sha256").asText()));
            } catch (IllegalArgumentException e) {
                throw new ReviewException(file, "a model without " + OneLine.of(e));
            }
        }
        JsonNode sentences = root.path("sentences");
        if (!sentences.isArray()) {
            throw new ReviewException(file, "\"sentences\" is missing or not a list");
        }
        List<Correction> changes = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            changes.add(correction(file, sentences.get(i), "sentence " + (i + 1) + " of the file: "));
        }
        return new Corrections(file, article, models, changes);
    }

    private static Correction correction(Path file, JsonNode item, String where) {
        int paragraph = number(file, item, "paragraph", where);
        int sentence = number(file, item, "sentence", where);
        JsonNode reviewed = item.path("reviewed");
        if (!reviewed.isBoolean()) {
            throw new ReviewException(file, where + "\"reviewed\" is missing or not true/false");
        }
        String newTarget = text(file, item, "new_target", where).strip();
        if (newTarget.isEmpty()) {
            throw new ReviewException(file, where + "\"new_target\" is empty: a sentence cannot be translated by nothing");
        }
        return new Correction(paragraph, sentence, text(file, item, "source", where),
                item.hasNonNull("old_target") ? Optional.of(text(file, item, "old_target", where)) : Optional.empty(),
                newTarget, reviewed.booleanValue());
    }

    private static JsonNode parse(Path file) {
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new ReviewException(file, "is larger than any review page export (" + MAX_BYTES + " bytes)");
            }
            JsonNode root = JSON.readTree(file.toFile());
            if (root == null || !root.isObject()) {
                throw new ReviewException(file, "expected a JSON object");
            }
            return root;
        } catch (NoSuchFileException e) {
            throw new ReviewException(file, "file not found", e);
        } catch (JsonProcessingException e) {
            throw new ReviewException(file, ModelFiles.invalidJson(e), e);
        } catch (IOException e) {
            throw new ReviewException(file, "cannot read: " + OneLine.of(e), e);
        }
    }

    private static String text(Path file, JsonNode node, String field, String where) {
        JsonNode value = node.path(field);
        if (!value.isTextual()) {
            throw new ReviewException(file, where + "\"" + field + "\" is missing or not text");
        }
        return value.asText();
    }

    private static int number(Path file, JsonNode node, String field, String where) {
        JsonNode value = node.path(field);
        if (!value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < 1) {
            throw new ReviewException(file, where + "\"" + field + "\" is missing or not a number from 1");
        }
        return value.asInt();
    }
}
