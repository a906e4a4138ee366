package depeche.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Token ids as a JSON array field, the form translate --json and summarize --json print them in. */
final class JsonIds {
    private JsonIds() {
    }

    static void put(ObjectNode node, String field, long[] ids) {
        ArrayNode array = node.putArray(field);
        for (long id : ids) {
            array.add(id);
        }
    }
}
