package io.kdg4j.formats;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kdg4j.formats.types.ValueType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a record's value reads back as from a binary format of its derived type: the tests' expectation. */
final class Decoded {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private Decoded() {
    }

    /** A JSON-typed value: equal to text that parses to the same JSON. */
    record Json(JsonNode tree) {
        @Override
        public boolean equals(Object o) {
            if (!(o instanceof CharSequence text)) {
                return o instanceof Json other && tree.equals(other.tree);
            }
            try {
                return JSON.readTree(text.toString()).equals((a, b) -> a.isNumber() && b.isNumber()
                        ? a.decimalValue().compareTo(b.decimalValue()) : a.equals(b) ? 0 : 1, tree);
            } catch (java.io.IOException e) {
                return false;
            }
        }

        @Override
        public int hashCode() {
            return 0;
        }
    }

    /**
     * {@code value} (as {@code RecordTape.valueAt} gives it) in the form a reader of {@code type} returns: numbers
     * widened to the type, text as text, JSON-typed values as their JSON text, objects as maps by field name.
     */
    static Object expected(ValueType type, Object value) {
        if (value == null) {
            return null;
        }
        if (type instanceof ValueType.Nullable nullable) {
            return expected(nullable.value(), value);
        }
        if (type instanceof ValueType.Struct struct) {
            Map<?, ?> map = (Map<?, ?>) value;
            Map<String, Object> fields = new LinkedHashMap<>();
            for (ValueType.Field field : struct.fields()) {
                fields.put(field.name(), expected(field.type(), map.get(field.name())));
            }
            return fields;
        }
        if (type instanceof ValueType.Array array) {
            List<Object> items = new ArrayList<>();
            for (Object item : (List<?>) value) {
                items.add(expected(array.element(), item));
            }
            return items;
        }
        if (type instanceof ValueType.Int64) {
            return ((Number) value).longValue();
        }
        if (type instanceof ValueType.Float64) {
            return ((Number) value).doubleValue();
        }
        if (type instanceof ValueType.Decimal decimal) {
            return (value instanceof BigDecimal d ? d : BigDecimal.valueOf(((Number) value).longValue()))
                    .setScale(decimal.scale());
        }
        if (type instanceof ValueType.Bool) {
            return value;
        }
        if (type instanceof ValueType.Json && (value instanceof Map || value instanceof List)) {
            return new Json(JSON.valueToTree(value));
        }
        return text(value);
    }

    /** A value as text: strings as they are, numbers as the tape writes them, objects and arrays as JSON. */
    static String text(Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        return String.valueOf(value);
    }
}
