package io.kdg4j.local.internal.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * ADD and DELETE as both update forms do them (numbers add up, sets join or shrink), and the legacy forms that the
 * KCL and its lock client still send: AttributeUpdates (PUT, DELETE, ADD) and Expected (Exists, Value,
 * ComparisonOperator with AttributeValueList, joined by ConditionalOperator).
 */
final class Updates {
    private Updates() {
    }

    /** ADD: a number plus a number, a set joined with a set; a missing attribute starts from the value. */
    static JsonNode add(JsonNode current, JsonNode value) {
        String type = AttributeValues.type(value);
        if (!java.util.Set.of("N", "SS", "NS", "BS").contains(type)) {
            throw Dynamo.validation("Invalid UpdateExpression: Incorrect operand type for operator or function; "
                    + "operator: ADD, operand type: " + type);
        }
        if (current == null) {
            return value.deepCopy();
        }
        if (!AttributeValues.type(current).equals(type)) {
            throw Dynamo.validation("An operand in the update expression has an incorrect data type");
        }
        if (type.equals("N")) {
            return AttributeValues.number(AttributeValues.number(current.get("N").asText())
                    .add(AttributeValues.number(value.get("N").asText())));
        }
        ArrayNode joined = ((ArrayNode) current.get(type)).deepCopy();
        for (JsonNode element : value.get(type)) {
            if (!containsElement(joined, element, type)) {
                joined.add(element);
            }
        }
        return AttributeValues.of(type, joined);
    }

    /** DELETE from a set: what is left, or null when nothing is (the attribute then goes). */
    static JsonNode deleteFromSet(JsonNode current, JsonNode value) {
        String type = AttributeValues.type(value);
        if (!type.equals("SS") && !type.equals("NS") && !type.equals("BS")) {
            throw Dynamo.validation("Invalid UpdateExpression: Incorrect operand type for operator or function; "
                    + "operator: DELETE, operand type: " + type);
        }
        if (current == null) {
            return null;
        }
        if (!AttributeValues.type(current).equals(type)) {
            throw Dynamo.validation("An operand in the update expression has an incorrect data type");
        }
        ArrayNode left = AttributeValues.array();
        for (JsonNode element : current.get(type)) {
            if (!containsElement((ArrayNode) value.get(type), element, type)) {
                left.add(element);
            }
        }
        return left.isEmpty() ? null : AttributeValues.of(type, left);
    }

    private static boolean containsElement(ArrayNode set, JsonNode element, String setType) {
        String elementType = setType.substring(0, 1);
        for (JsonNode e : set) {
            if (AttributeValues.equal(AttributeValues.of(elementType, e), AttributeValues.of(elementType, element))) {
                return true;
            }
        }
        return false;
    }

    /** AttributeUpdates: {name: {Action: PUT|DELETE|ADD, Value}} applied to {@code item}. */
    static void applyAttributeUpdates(JsonNode updates, ObjectNode item, java.util.Set<String> keyNames) {
        Iterator<Map.Entry<String, JsonNode>> fields = updates.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> entry = fields.next();
            String name = entry.getKey();
            if (keyNames.contains(name)) {
                throw Dynamo.validation("One or more parameter values were invalid: Cannot update attribute "
                        + name + ". This attribute is part of the key");
            }
            JsonNode update = entry.getValue();
            String action = update.path("Action").asText("PUT");
            JsonNode value = update.get("Value");
            switch (action) {
                case "PUT" -> {
                    if (value == null) {
                        throw Dynamo.validation("One or more parameter values were invalid: Only DELETE action is "
                                + "allowed when no attribute value is specified");
                    }
                    AttributeValues.validate(value);
                    item.set(name, value.deepCopy());
                }
                case "DELETE" -> {
                    if (value == null) {
                        item.remove(name);
                    } else {
                        JsonNode left = deleteFromSet(item.get(name), value);
                        if (left == null) {
                            item.remove(name);
                        } else {
                            item.set(name, left);
                        }
                    }
                }
                case "ADD" -> {
                    if (value == null) {
                        throw Dynamo.validation("One or more parameter values were invalid: ADD action requires a "
                                + "value");
                    }
                    item.set(name, add(item.get(name), value));
                }
                default -> throw Dynamo.validation("1 validation error detected: Value '" + action + "' at "
                        + "'attributeUpdates." + name + ".member.action' failed to satisfy constraint: Member must "
                        + "satisfy enum value set: [ADD, PUT, DELETE]");
            }
        }
    }

    /** Expected as a condition: each entry must hold, joined by AND (or OR with ConditionalOperator OR). */
    static Expressions.Condition expected(JsonNode expected, String conditionalOperator) {
        boolean or = "OR".equals(conditionalOperator);
        java.util.List<Expressions.Condition> parts = new java.util.ArrayList<>();
        expected.fields().forEachRemaining(entry -> parts.add(expectation(entry.getKey(), entry.getValue())));
        return item -> {
            for (Expressions.Condition part : parts) {
                boolean holds = part.test(item);
                if (or && holds) {
                    return true;
                }
                if (!or && !holds) {
                    return false;
                }
            }
            return !or || parts.isEmpty();
        };
    }

    private static Expressions.Condition expectation(String name, JsonNode rule) {
        JsonNode value = rule.get("Value");
        JsonNode exists = rule.get("Exists");
        JsonNode operator = rule.get("ComparisonOperator");
        if (operator != null) {
            JsonNode list = rule.path("AttributeValueList");
            return item -> compare(operator.asText(), item.get(name), list);
        }
        if (exists != null && !exists.asBoolean()) {
            if (value != null) {
                throw Dynamo.validation("One or more parameter values were invalid: Value cannot be used when "
                        + "Exists is false for Attribute: " + name);
            }
            return item -> !item.has(name);
        }
        if (value == null) {
            throw Dynamo.validation("One or more parameter values were invalid: Value must be provided when Exists "
                    + "is true for Attribute: " + name);
        }
        AttributeValues.validate(value);
        return item -> AttributeValues.equal(item.get(name), value);
    }

    private static boolean compare(String operator, JsonNode actual, JsonNode list) {
        JsonNode first = list.size() > 0 ? list.get(0) : null;
        return switch (operator) {
            case "NULL" -> actual == null;
            case "NOT_NULL" -> actual != null;
            case "EQ" -> AttributeValues.equal(actual, first);
            case "NE" -> actual == null || !AttributeValues.equal(actual, first);
            case "LT", "LE", "GT", "GE" -> {
                if (!AttributeValues.comparable(actual, first)) {
                    yield false;
                }
                int c = AttributeValues.compare(actual, first);
                yield switch (operator) {
                    case "LT" -> c < 0;
                    case "LE" -> c <= 0;
                    case "GT" -> c > 0;
                    default -> c >= 0;
                };
            }
            case "BEGINS_WITH" -> actual != null && first != null && actual.has("S") && first.has("S")
                    && actual.get("S").asText().startsWith(first.get("S").asText());
            case "BETWEEN" -> list.size() == 2 && AttributeValues.comparable(actual, first)
                    && AttributeValues.comparable(actual, list.get(1)) && AttributeValues.compare(actual, first) >= 0
                    && AttributeValues.compare(actual, list.get(1)) <= 0;
            case "IN" -> {
                for (JsonNode option : list) {
                    if (AttributeValues.equal(actual, option)) {
                        yield true;
                    }
                }
                yield false;
            }
            default -> throw Dynamo.validation("The kdg4j emulator does not support ComparisonOperator " + operator
                    + " in Expected");
        };
    }
}
