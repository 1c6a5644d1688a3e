package io.kdg4j.core.kdg;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The arguments of one helper call, decoded the way KDG does (JSON, else the raw text) plus what authors mean
 * where KDG renders garbage: positional lists ({@code random.number(1,5)}), escaped quotes
 * ({@code {\"weights\":...}}), single quotes and unquoted keys. Values are plain Java: String, BigDecimal,
 * Boolean, null, {@code List<Object>}, {@code Map<String, Object>}.
 */
final class Arguments {
    private static final JsonFactory STRICT = JsonFactory.builder().build();
    private static final JsonFactory LENIENT = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private final List<Object> values;
    private final String raw;
    private final boolean bareText;

    private Arguments(List<Object> values, String raw, boolean bareText) {
        this.values = values;
        this.raw = raw;
        this.bareText = bareText;
    }

    static Arguments decode(String text) {
        if (text == null || text.isBlank()) {
            return new Arguments(List.of(), text, false);
        }
        String trimmed = text.trim();
        Object single = parse(STRICT, trimmed);
        if (single != FAILED) {
            return new Arguments(listOf(single), text, false);
        }
        if (trimmed.contains("\\\"")) {
            Object unescaped = parse(STRICT, trimmed.replace("\\\"", "\""));
            if (unescaped != FAILED) {
                return new Arguments(listOf(unescaped), text, false);
            }
        }
        Object lenient = parse(LENIENT, trimmed);
        if (lenient != FAILED) {
            return new Arguments(listOf(lenient), text, false);
        }
        Object positional = parse(LENIENT, "[" + trimmed + "]");
        if (positional instanceof List<?> list && list.size() > 1) {
            return new Arguments(new ArrayList<>(list), text, false);
        }
        return new Arguments(List.of(trimmed), text, true);
    }

    private static List<Object> listOf(Object value) {
        List<Object> list = new ArrayList<>(1);
        list.add(value);
        return list;
    }

    /** How many arguments there are (0 when the call had none). */
    int size() {
        return values.size();
    }

    boolean isEmpty() {
        return values.isEmpty();
    }

    /** Argument i, or null when absent. */
    Object get(int i) {
        return i < values.size() ? values.get(i) : null;
    }

    /** True when the argument was not JSON at all and is passed as its raw text (e.g. YYYY-MM-DD). */
    boolean isBareText() {
        return bareText;
    }

    /** The argument text as written. */
    String raw() {
        return raw == null ? "" : raw.trim();
    }

    private static final Object FAILED = new Object();

    private static Object parse(JsonFactory factory, String text) {
        try (JsonParser parser = factory.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return FAILED;
            }
            Object value = read(parser, first);
            return parser.nextToken() == null ? value : FAILED;
        } catch (IOException | RuntimeException e) {
            // Malformed, too deep or too long for Jackson's limits: not JSON; the caller tries other readings.
            return FAILED;
        }
    }

    private static Object read(JsonParser parser, JsonToken token) throws IOException {
        switch (token) {
            case START_OBJECT: {
                Map<String, Object> map = new LinkedHashMap<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
                    String name = parser.currentName();
                    map.put(name, read(parser, parser.nextToken()));
                }
                return map;
            }
            case START_ARRAY: {
                List<Object> list = new ArrayList<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    list.add(read(parser, t));
                }
                return list;
            }
            case VALUE_STRING:
                return parser.getText();
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                if (parser.isNaN()) {
                    throw new IOException("not a finite number");
                }
                return new BigDecimal(parser.getText());
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new IOException("unexpected " + token);
        }
    }
}
