package io.kdg4j.local.internal.protocol;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * Reads one JSON or CBOR value into Jackson's tree nodes from a streaming parser, iteratively (no recursion, so
 * deep nesting cannot overflow the stack), without an ObjectMapper.
 */
final class TreeReader {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private TreeReader() {
    }

    static JsonNode read(JsonParser parser) throws IOException {
        JsonToken first = parser.nextToken();
        if (first == null) {
            throw new IOException("no content");
        }
        JsonNode root = null;
        java.util.ArrayDeque<JsonNode> containers = new java.util.ArrayDeque<>();
        String name = null;
        for (JsonToken token = first; token != null; token = parser.nextToken()) {
            JsonNode value;
            switch (token) {
                case FIELD_NAME -> {
                    name = parser.currentName();
                    continue;
                }
                case START_OBJECT -> value = NODES.objectNode();
                case START_ARRAY -> value = NODES.arrayNode();
                case END_OBJECT, END_ARRAY -> {
                    containers.pop();
                    if (containers.isEmpty()) {
                        if (parser.nextToken() != null) {
                            throw new IOException("content after the end of the value");
                        }
                        return root;
                    }
                    continue;
                }
                case VALUE_STRING -> value = NODES.textNode(parser.getText());
                case VALUE_NUMBER_INT -> value = switch (parser.getNumberType()) {
                    case INT -> NODES.numberNode(parser.getIntValue());
                    case LONG -> NODES.numberNode(parser.getLongValue());
                    default -> NODES.numberNode(parser.getBigIntegerValue());
                };
                case VALUE_NUMBER_FLOAT -> value = NODES.numberNode(parser.getDoubleValue());
                case VALUE_TRUE -> value = NODES.booleanNode(true);
                case VALUE_FALSE -> value = NODES.booleanNode(false);
                case VALUE_NULL -> value = NODES.nullNode();
                case VALUE_EMBEDDED_OBJECT -> {
                    Object embedded = parser.getEmbeddedObject();
                    value = embedded instanceof byte[] bytes ? NODES.binaryNode(bytes) : NODES.pojoNode(embedded);
                }
                default -> throw new IOException("unexpected " + token);
            }
            if (root == null) {
                root = value;
            } else {
                JsonNode parent = containers.peek();
                if (parent instanceof ObjectNode object) {
                    object.set(name, value);
                } else {
                    ((ArrayNode) parent).add(value);
                }
            }
            if (value.isContainerNode()) {
                containers.push(value);
            } else if (containers.isEmpty()) {
                return root;
            }
        }
        throw new IOException("the value ends early");
    }
}
