package io.kdg4j.core.internal;

import io.kdg4j.core.KdgException;
import io.kdg4j.core.record.PreparedText;
import io.kdg4j.core.record.RecordTape;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;

/** Plain Java values returned by user code (derived functions, faker calls) written onto a tape. */
final class JavaValues {
    private JavaValues() {
    }

    static void write(Object value, RecordTape tape, String path) {
        if (value == null) {
            tape.nullValue();
        } else if (value instanceof String s) {
            tape.string(s);
        } else if (value instanceof PreparedText t) {
            tape.text(t);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof Byte) {
            tape.longValue(((Number) value).longValue());
        } else if (value instanceof Double || value instanceof Float) {
            tape.doubleValue(((Number) value).doubleValue());
        } else if (value instanceof BigDecimal d) {
            writeDecimal(d, tape);
        } else if (value instanceof BigInteger i) {
            writeDecimal(new BigDecimal(i), tape);
        } else if (value instanceof Boolean b) {
            tape.booleanValue(b);
        } else if (value instanceof Map<?, ?> map) {
            tape.startObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                tape.name(PreparedText.of(String.valueOf(entry.getKey())));
                write(entry.getValue(), tape, path);
            }
            tape.endObject();
        } else if (value instanceof Collection<?> collection) {
            tape.startArray();
            for (Object element : collection) {
                write(element, tape, path);
            }
            tape.endArray();
        } else if (value instanceof CharSequence || value instanceof Character || value instanceof Enum<?>
                || value instanceof java.time.temporal.TemporalAccessor || value instanceof java.util.UUID) {
            tape.string(value.toString());
        } else {
            throw new KdgException("field '" + path + "': cannot write a value of type "
                    + value.getClass().getName() + " (" + value + "); return a String, Number, Boolean, Map, "
                    + "List or null");
        }
    }

    private static void writeDecimal(BigDecimal value, RecordTape tape) {
        BigDecimal normalized = value.scale() < 0 ? value.setScale(0) : value;
        if (normalized.scale() <= 18 && normalized.unscaledValue().bitLength() <= 63) {
            tape.decimal(normalized.unscaledValue().longValue(), normalized.scale());
        } else {
            tape.doubleValue(value.doubleValue());
        }
    }
}
