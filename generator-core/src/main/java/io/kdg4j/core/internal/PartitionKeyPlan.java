package io.kdg4j.core.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.kdg4j.core.record.RecordTape;
import io.kdg4j.core.record.Token;
import java.io.IOException;

/** How a record's partition key is made, after the record itself. */
abstract class PartitionKeyPlan {
    private static final long KEY_SALT = 0x6b6579L;
    private static final long KDG_KEY_BOUND = 10_000_000_000L;

    abstract String key(GenContext ctx, long recordSeed);

    static PartitionKeyPlan random() {
        return new PartitionKeyPlan() {
            @Override
            String key(GenContext ctx, long recordSeed) {
                ctx.rng.reset(Rng.child(recordSeed, KEY_SALT));
                return Long.toString(ctx.rng.nextLong(KDG_KEY_BOUND));
            }
        };
    }

    static PartitionKeyPlan constant(String key) {
        return new PartitionKeyPlan() {
            @Override
            String key(GenContext ctx, long recordSeed) {
                return key;
            }
        };
    }

    /** literals has one more entry than paths: literal, field, literal, ..., literal. */
    static PartitionKeyPlan template(String[] literals, String[][] paths) {
        return new PartitionKeyPlan() {
            @Override
            String key(GenContext ctx, long recordSeed) {
                if (paths.length == 1 && literals[0].isEmpty() && literals[1].isEmpty()) {
                    return textAt(ctx.tape, paths[0]);
                }
                StringBuilder text = new StringBuilder(literals[0]);
                for (int i = 0; i < paths.length; i++) {
                    text.append(textAt(ctx.tape, paths[i])).append(literals[i + 1]);
                }
                return text.toString();
            }
        };
    }

    /**
     * Fields of a record that is text, such as a KDG template's: the rendered text is read as a JSON object; a key
     * part is empty when the text is not a JSON object or has no scalar at the path.
     */
    static PartitionKeyPlan jsonText(String[] literals, String[][] paths) {
        return new PartitionKeyPlan() {
            @Override
            String key(GenContext ctx, long recordSeed) {
                String json = ctx.tape.textAt(0);
                StringBuilder text = new StringBuilder(literals[0]);
                for (int i = 0; i < paths.length; i++) {
                    text.append(scalarAt(json, paths[i])).append(literals[i + 1]);
                }
                return text.toString();
            }
        };
    }

    private static final JsonFactory JSON = new JsonFactory();

    /** The text of the scalar at a path of names in a JSON object; empty when absent, null, nested or not JSON. */
    static String scalarAt(String json, String[] path) {
        try (JsonParser parser = JSON.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return "";
            }
            int level = 0;
            for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (!name.equals(path[level])) {
                    parser.skipChildren();
                    continue;
                }
                if (level == path.length - 1) {
                    return value.isScalarValue() && value != JsonToken.VALUE_NULL ? parser.getText() : "";
                }
                if (value != JsonToken.START_OBJECT) {
                    return "";
                }
                level++;
            }
            return "";
        } catch (IOException notJson) {
            return "";
        }
    }

    /** The text of the value at a path of names from the root object; empty when absent or null. */
    static String textAt(RecordTape tape, String[] path) {
        int position = 0;
        for (String name : path) {
            if (tape.token(position) != Token.OBJECT_START) {
                return "";
            }
            int i = position + 1;
            position = -1;
            while (tape.token(i) == Token.NAME) {
                if (tape.stringAt(i).equals(name)) {
                    position = i + 1;
                    break;
                }
                i = tape.skip(i + 1);
            }
            if (position < 0) {
                return "";
            }
        }
        return tape.textAt(position);
    }
}
