package io.kdg4j.core.record;

import io.kdg4j.core.internal.JsonText;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Plain Java values (as {@link RecordTape#valueAt} gives them) written as compact JSON; off the hot path. */
final class JsonValues {
    private JsonValues() {
    }

    static String toJson(Object value) {
        ByteOutput out = new ByteOutput();
        write(value, out);
        return out.toUtf8String();
    }

    private static void write(Object value, ByteOutput out) {
        if (value == null) {
            out.writeAscii("null");
        } else if (value instanceof String s) {
            JsonText.writeQuoted(s, out);
        } else if (value instanceof BigDecimal d) {
            out.writeAscii(d.toPlainString());
        } else if (value instanceof Double d) {
            out.writeAscii(d.isNaN() || d.isInfinite() ? "null" : d.toString());
        } else if (value instanceof Number || value instanceof Boolean) {
            out.writeAscii(value.toString());
        } else if (value instanceof Map<?, ?> map) {
            out.write((byte) '{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!first) {
                    out.write((byte) ',');
                }
                first = false;
                JsonText.writeQuoted(String.valueOf(e.getKey()), out);
                out.write((byte) ':');
                write(e.getValue(), out);
            }
            out.write((byte) '}');
        } else if (value instanceof List<?> list) {
            out.write((byte) '[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.write((byte) ',');
                }
                write(list.get(i), out);
            }
            out.write((byte) ']');
        } else {
            JsonText.writeQuoted(value.toString(), out);
        }
    }
}
