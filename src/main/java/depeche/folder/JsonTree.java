package depeche.folder;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

/**
 * JSON text into Jackson's tree ({@link JsonNode}) with jackson-core's parser alone: the nodes that
 * {@code ObjectMapper.readTree} makes, without an {@code ObjectMapper}, whose set-up (serializers, type factory,
 * caches) cost every model command 0.16 s of its start: reading a model folder's five JSON files took 0.22 s with a
 * mapper and 0.06 s so, in a fresh JVM. Numbers become the nodes readTree makes by default (int, long or big
 * integer; double), a repeated key keeps its last value, and content after the value is ignored, as there.
 */
public final class JsonTree {
    /** The factory whose nodes every tree here is made of (readTree's default). */
    public static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonFactory LENIENT = new JsonFactory();
    private static final JsonFactory STRICT =
            JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private JsonTree() {
    }

    /** The value {@code json} holds, or null when it holds none (only white space). */
    public static JsonNode read(byte[] json) throws IOException {
        return read(LENIENT, json, false);
    }

    /** Like {@link #read}, where a repeated key, or anything after the value, is an error. */
    public static JsonNode readStrict(byte[] json) throws IOException {
        return read(STRICT, json, true);
    }

    private static JsonNode read(JsonFactory factory, byte[] json, boolean nothingAfter) throws IOException {
        try (JsonParser parser = factory.createParser(json)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return null;
            }
            JsonNode value = value(parser, first);
            JsonToken after = nothingAfter ? parser.nextToken() : null;
            if (after != null) {
                throw new JsonParseException(parser, "Trailing token (" + after + ") found after the value");
            }
            return value;
        }
    }

    /**
     * The JSON text of {@code node}, as {@code node.toString()} writes it (which sets up a whole mapper the first
     * time, 0.1-0.2 s), in UTF-8.
     */
    public static byte[] write(JsonNode node) {
        // Through a Writer, as toString does: a UTF-8 generator would escape characters beyond the BMP instead.
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = LENIENT.createGenerator(out)) {
            write(generator, node);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void write(JsonGenerator generator, JsonNode node) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                generator.writeStartObject();
                for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    generator.writeFieldName(field.getKey());
                    write(generator, field.getValue());
                }
                generator.writeEndObject();
            }
            case ARRAY -> {
                generator.writeStartArray();
                for (JsonNode element : node) {
                    write(generator, element);
                }
                generator.writeEndArray();
            }
            case STRING -> generator.writeString(node.textValue());
            case NUMBER -> {
                switch (node.numberType()) {
                    case INT -> generator.writeNumber(node.intValue());
                    case LONG -> generator.writeNumber(node.longValue());
                    case BIG_INTEGER -> generator.writeNumber(node.bigIntegerValue());
                    case FLOAT -> generator.writeNumber(node.floatValue());
                    case BIG_DECIMAL -> generator.writeNumber(node.decimalValue());
                    default -> generator.writeNumber(node.doubleValue());
                }
            }
            case BOOLEAN -> generator.writeBoolean(node.booleanValue());
            case NULL -> generator.writeNull();
            default -> throw new IllegalArgumentException("not JSON data: " + node.getNodeType());
        }
    }

    private static JsonNode value(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case START_OBJECT -> {
                ObjectNode object = NODES.objectNode();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    object.set(key, value(parser, parser.nextToken()));
                }
                yield object;
            }
            case START_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
                    array.add(value(parser, next));
                }
                yield array;
            }
            case VALUE_STRING -> NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
                case INT -> NODES.numberNode(parser.getIntValue());
                case LONG -> NODES.numberNode(parser.getLongValue());
                default -> NODES.numberNode(parser.getBigIntegerValue());
            };
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDoubleValue());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            default -> throw new JsonParseException(parser, "Unexpected token " + token);
        };
    }
}
