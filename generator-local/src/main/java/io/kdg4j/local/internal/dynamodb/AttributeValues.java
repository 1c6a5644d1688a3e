package io.kdg4j.local.internal.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;

/**
 * DynamoDB attribute values as they travel in JSON ({"S": "x"}, {"N": "1.5"}, {"SS": [..]}, {"M": {..}}...):
 * their type, validation, equality (numbers by value, sets without order) and ordering (numbers by value,
 * strings and binaries by their bytes, as DynamoDB orders sort keys).
 */
final class AttributeValues {
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> TYPES = Set.of("S", "N", "B", "BOOL", "NULL", "M", "L", "SS", "NS", "BS");

    private AttributeValues() {
    }

    /** The value's type letter(s), or a ValidationException when it is not one attribute value. */
    static String type(JsonNode value) {
        if (value == null || !value.isObject() || value.size() != 1) {
            throw Dynamo.validation("Supplied AttributeValue is empty, must contain exactly one of the supported "
                    + "datatypes");
        }
        String type = value.fieldNames().next();
        if (!TYPES.contains(type)) {
            throw Dynamo.validation("Supplied AttributeValue has an unknown datatype '" + type + "'");
        }
        return type;
    }

    /** Checks a value the way DynamoDB does on write: numbers parse, sets are non-empty and without duplicates. */
    static void validate(JsonNode value) {
        String type = type(value);
        JsonNode inner = value.get(type);
        switch (type) {
            case "N" -> number(inner.asText());
            case "SS", "NS", "BS" -> {
                if (!inner.isArray() || inner.isEmpty()) {
                    String kind = type.equals("SS") ? "string" : type.equals("NS") ? "number" : "binary";
                    throw Dynamo.validation("One or more parameter values were invalid: An " + kind + " set  may "
                            + "not be empty");
                }
                Set<Object> seen = new HashSet<>();
                for (JsonNode element : inner) {
                    Object key = type.equals("NS") ? number(element.asText()).stripTrailingZeros() : element.asText();
                    if (!seen.add(key)) {
                        throw Dynamo.validation("One or more parameter values were invalid: Input collection "
                                + inner + " contains duplicates.");
                    }
                }
            }
            case "M" -> inner.fields().forEachRemaining(e -> validate(e.getValue()));
            case "L" -> inner.forEach(AttributeValues::validate);
            default -> {
                // S, B, BOOL and NULL need nothing more
            }
        }
    }

    /** A copy with numbers as DynamoDB stores them: 1.50 becomes 1.5, 1E+2 becomes 100 (sets and documents too). */
    static JsonNode normalized(JsonNode value) {
        String type = type(value);
        JsonNode inner = value.get(type);
        return switch (type) {
            case "N" -> of("N", NODES.textNode(canonicalNumber(inner.asText())));
            case "NS" -> {
                ArrayNode numbers = array();
                inner.forEach(n -> numbers.add(canonicalNumber(n.asText())));
                yield of("NS", numbers);
            }
            case "M" -> {
                ObjectNode map = NODES.objectNode();
                inner.fields().forEachRemaining(e -> map.set(e.getKey(), normalized(e.getValue())));
                yield of("M", map);
            }
            case "L" -> {
                ArrayNode list = array();
                inner.forEach(e -> list.add(normalized(e)));
                yield of("L", list);
            }
            default -> value.deepCopy();
        };
    }

    /** An item with every value {@link #normalized}. */
    static ObjectNode normalizedItem(JsonNode item) {
        ObjectNode copy = NODES.objectNode();
        item.fields().forEachRemaining(e -> copy.set(e.getKey(), normalized(e.getValue())));
        return copy;
    }

    private static String canonicalNumber(String text) {
        BigDecimal number = number(text).stripTrailingZeros();
        return number.signum() == 0 ? "0" : number.toPlainString();
    }

    static BigDecimal number(String text) {
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw Dynamo.validation("The parameter cannot be converted to a numeric value: " + text);
        }
    }

    /** Equality as DynamoDB's = sees it: same type, numbers by value, sets as sets, maps and lists deeply. */
    static boolean equal(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return false;
        }
        String type = type(a);
        if (!type.equals(type(b))) {
            return false;
        }
        JsonNode x = a.get(type);
        JsonNode y = b.get(type);
        return switch (type) {
            case "N" -> number(x.asText()).compareTo(number(y.asText())) == 0;
            case "SS", "BS" -> asSet(x, false).equals(asSet(y, false));
            case "NS" -> asSet(x, true).equals(asSet(y, true));
            case "M" -> {
                if (x.size() != y.size()) {
                    yield false;
                }
                Iterator<String> names = x.fieldNames();
                while (names.hasNext()) {
                    String name = names.next();
                    if (!equal(x.get(name), y.get(name))) {
                        yield false;
                    }
                }
                yield true;
            }
            case "L" -> {
                if (x.size() != y.size()) {
                    yield false;
                }
                for (int i = 0; i < x.size(); i++) {
                    if (!equal(x.get(i), y.get(i))) {
                        yield false;
                    }
                }
                yield true;
            }
            default -> x.equals(y);
        };
    }

    private static Set<Object> asSet(JsonNode array, boolean numbers) {
        Set<Object> set = new HashSet<>();
        array.forEach(e -> set.add(numbers ? number(e.asText()).stripTrailingZeros() : e.asText()));
        return set;
    }

    /** True when both are of a type that orders (S, N, B) and the same one. */
    static boolean comparable(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return false;
        }
        String type = type(a);
        return type.equals(type(b)) && (type.equals("S") || type.equals("N") || type.equals("B"));
    }

    /** Order of two comparable values: numbers by value, strings by UTF-8 bytes, binaries by bytes (unsigned). */
    static int compare(JsonNode a, JsonNode b) {
        String type = type(a);
        String x = a.get(type).asText();
        String y = b.get(type).asText();
        return switch (type) {
            case "N" -> number(x).compareTo(number(y));
            case "S" -> Arrays.compareUnsigned(x.getBytes(StandardCharsets.UTF_8), y.getBytes(StandardCharsets.UTF_8));
            default -> Arrays.compareUnsigned(Base64.getDecoder().decode(x), Base64.getDecoder().decode(y));
        };
    }

    /** DynamoDB's size(): characters' bytes of a string, bytes of a binary, elements of a set, list or map. */
    static long size(JsonNode value) {
        String type = type(value);
        JsonNode inner = value.get(type);
        return switch (type) {
            case "S" -> inner.asText().getBytes(StandardCharsets.UTF_8).length;
            case "B" -> Base64.getDecoder().decode(inner.asText()).length;
            case "SS", "NS", "BS", "L", "M" -> inner.size();
            default -> throw Dynamo.validation("Invalid ConditionExpression: Incorrect operand type for operator or "
                    + "function; operator or function: size, operand type: " + type);
        };
    }

    /** An approximation of an item's stored size (names plus values), for TableSizeBytes. */
    static long itemSize(ObjectNode item) {
        return item.toString().getBytes(StandardCharsets.UTF_8).length;
    }

    /** A text that is equal for equal scalar key values (numbers by value): for hashing keys. */
    static String canonical(JsonNode value) {
        String type = type(value);
        String text = value.get(type).asText();
        return type + ":" + (type.equals("N") ? number(text).stripTrailingZeros().toPlainString() : text);
    }

    static ObjectNode of(String type, JsonNode inner) {
        ObjectNode value = NODES.objectNode();
        value.set(type, inner);
        return value;
    }

    static ObjectNode string(String text) {
        return of("S", NODES.textNode(text));
    }

    static ObjectNode number(BigDecimal number) {
        return of("N", NODES.textNode(canonicalNumber(number.toPlainString())));
    }

    static ArrayNode array() {
        return NODES.arrayNode();
    }
}
