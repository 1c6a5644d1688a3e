package io.kdg4j.core.internal;

import io.kdg4j.core.KdgException;
import io.kdg4j.core.record.RecordTape;
import io.kdg4j.core.record.Token;
import io.kdg4j.core.schema.FieldValues;
import java.util.Map;

/** The values a derived field reads, found on the tape through the positions its sources were written at. */
final class TapeFieldValues implements FieldValues {
    private final GenContext ctx;
    private final Map<String, Integer> slotBySource;
    private final String path;

    TapeFieldValues(GenContext ctx, Map<String, Integer> slotBySource, String path) {
        this.ctx = ctx;
        this.slotBySource = slotBySource;
        this.path = path;
    }

    /** The tape index of a source's value, or -1 when it is absent from this record (inside a null object). */
    int position(String source) {
        Integer slot = slotBySource.get(source);
        if (slot == null) {
            throw new KdgException("field '" + path + "' read '" + source + "', which is not one of the sources "
                    + "it declared " + slotBySource.keySet() + "; declare every field a derived value reads");
        }
        return ctx.positions[slot];
    }

    @Override
    public Object get(String source) {
        int position = position(source);
        return position < 0 ? null : ctx.tape.valueAt(position);
    }

    @Override
    public String text(String source) {
        int position = position(source);
        return position < 0 ? "" : ctx.tape.textAt(position);
    }

    @Override
    public long asLong(String source) {
        int position = position(source);
        RecordTape tape = ctx.tape;
        if (position >= 0 && tape.token(position) == Token.LONG) {
            return tape.longAt(position);
        }
        Object value = get(source);
        if (value instanceof Number number) {
            return number.longValue();
        }
        throw new KdgException("field '" + path + "': source '" + source + "' is not a number but " + value);
    }

    @Override
    public double asDouble(String source) {
        Object value = get(source);
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        throw new KdgException("field '" + path + "': source '" + source + "' is not a number but " + value);
    }
}
