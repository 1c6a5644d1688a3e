package io.kdg4j.local.internal.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A path into an item, {@code a.b[2].c}: attribute names (placeholders already resolved) and list indexes. Items
 * are JSON objects of attribute values, so each step goes through the value's M or L.
 */
record DocumentPath(List<Object> segments) {
    DocumentPath {
        segments = List.copyOf(segments);
    }

    static DocumentPath of(String name) {
        return new DocumentPath(List.of(name));
    }

    String top() {
        return (String) segments.get(0);
    }

    boolean isTopLevel() {
        return segments.size() == 1;
    }

    /** The attribute value at this path, or null when any step is missing. */
    JsonNode get(ObjectNode item) {
        JsonNode current = item.get(top());
        for (int i = 1; i < segments.size() && current != null; i++) {
            current = step(current, segments.get(i));
        }
        return current;
    }

    private static JsonNode step(JsonNode value, Object segment) {
        if (segment instanceof Integer index) {
            JsonNode list = value.get("L");
            return list != null && index < list.size() ? list.get(index) : null;
        }
        JsonNode map = value.get("M");
        return map != null ? map.get((String) segment) : null;
    }

    /** Sets the value; every step but the last must exist (an index past the end appends, as DynamoDB does). */
    void set(ObjectNode item, JsonNode value) {
        if (isTopLevel()) {
            item.set(top(), value);
            return;
        }
        JsonNode parent = new DocumentPath(segments.subList(0, segments.size() - 1)).get(item);
        Object last = segments.get(segments.size() - 1);
        if (last instanceof Integer index && parent != null && parent.get("L") instanceof ArrayNode list) {
            if (index < list.size()) {
                list.set(index, value);
            } else {
                list.add(value);
            }
        } else if (last instanceof String name && parent != null && parent.get("M") instanceof ObjectNode map) {
            map.set(name, value);
        } else {
            throw Dynamo.validation("The document path provided in the update expression is invalid for update");
        }
    }

    /** Removes the value if it is there. */
    void remove(ObjectNode item) {
        if (isTopLevel()) {
            item.remove(top());
            return;
        }
        JsonNode parent = new DocumentPath(segments.subList(0, segments.size() - 1)).get(item);
        Object last = segments.get(segments.size() - 1);
        if (parent == null) {
            return;
        }
        if (last instanceof Integer index && parent.get("L") instanceof ArrayNode list) {
            if (index < list.size()) {
                list.remove(index.intValue());
            }
        } else if (last instanceof String name && parent.get("M") instanceof ObjectNode map) {
            map.remove(name);
        }
    }

    /** Copies this path's value from {@code item} into {@code into}, making the maps and lists on the way. */
    void project(ObjectNode item, ObjectNode into) {
        JsonNode value = get(item);
        if (value == null) {
            return;
        }
        if (isTopLevel()) {
            into.set(top(), value.deepCopy());
            return;
        }
        // nested: rebuild the containers on the way down (list elements keep their order, not their index)
        JsonNode source = item.get(top());
        JsonNode target = into.get(top());
        if (target == null) {
            target = AttributeValues.of(source.has("M") ? "M" : "L", source.has("M") ? AttributeValues.NODES
                    .objectNode() : AttributeValues.array());
            into.set(top(), target);
        }
        for (int i = 1; i < segments.size(); i++) {
            Object segment = segments.get(i);
            JsonNode next = step(source, segment);
            boolean lastStep = i == segments.size() - 1;
            JsonNode copy = lastStep ? next.deepCopy() : target.has("M") && target.get("M").has(String.valueOf(
                    segment)) ? target.get("M").get(String.valueOf(segment)) : AttributeValues.of(next.has("M")
                    ? "M" : "L", next.has("M") ? AttributeValues.NODES.objectNode() : AttributeValues.array());
            if (target.get("M") instanceof ObjectNode map) {
                map.set(String.valueOf(segment), copy);
            } else if (target.get("L") instanceof ArrayNode list) {
                list.add(copy);
            }
            source = next;
            target = copy;
        }
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(top());
        for (int i = 1; i < segments.size(); i++) {
            Object segment = segments.get(i);
            out.append(segment instanceof Integer ? "[" + segment + "]" : "." + segment);
        }
        return out.toString();
    }
}
