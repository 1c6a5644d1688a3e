package io.kdg4j.core.kdg.helpers;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** How KDG (JavaScript's String()) prints a JSON value inside a record, and JSON text for objects. */
public final class JsText {
    private JsText() {
    }

    /**
     * Strings as they are, numbers without trailing zeros, arrays joined by commas (as JS does); objects,
     * which JS prints as "[object Object]", as their JSON.
     */
    public static String of(Object value) {
        if (value == null) {
            return "null";
        } else if (value instanceof String s) {
            return s;
        } else if (value instanceof BigDecimal d) {
            return number(d);
        } else if (value instanceof List<?> list) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    text.append(',');
                }
                Object element = list.get(i);
                text.append(element == null ? "" : of(element));
            }
            return text.toString();
        } else if (value instanceof Map<?, ?>) {
            return json(value);
        }
        return String.valueOf(value);
    }

    public static String number(BigDecimal d) {
        BigDecimal stripped = d.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0).toPlainString() : stripped.toPlainString();
    }

    public static String json(Object value) {
        StringBuilder out = new StringBuilder();
        writeJson(value, out);
        return out.toString();
    }

    private static void writeJson(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            out.append('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            out.append(String.format("\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            out.append('"');
        } else if (value instanceof BigDecimal d) {
            out.append(number(d));
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                writeJson(list.get(i), out);
            }
            out.append(']');
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                writeJson(String.valueOf(e.getKey()), out);
                out.append(':');
                writeJson(e.getValue(), out);
            }
            out.append('}');
        } else {
            out.append(value);
        }
    }
}
