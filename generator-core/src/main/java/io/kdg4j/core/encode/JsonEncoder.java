package io.kdg4j.core.encode;

import io.kdg4j.core.internal.JsonText;
import io.kdg4j.core.record.ByteOutput;
import io.kdg4j.core.record.RecordTape;

/**
 * Compact JSON (RFC 8259), optionally followed by a newline (JSON Lines). Non-finite doubles, which JSON
 * cannot hold, are written as null. Thread-safe.
 */
final class JsonEncoder implements RecordEncoder {
    private static final byte[] NULL = {'n', 'u', 'l', 'l'};
    private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};

    private final boolean newline;

    JsonEncoder(boolean newline) {
        this.newline = newline;
    }

    @Override
    public void encode(RecordTape record, ByteOutput out) {
        writeValues(record, 0, record.size(), out);
        if (newline) {
            out.write((byte) '\n');
        }
    }

    /** Writes the tape entries [from, to) as JSON. */
    static void writeValues(RecordTape record, int from, int to, ByteOutput out) {
        // A comma goes before any entry but a closing bracket, unless it follows an opening bracket or a name.
        boolean afterOpening = true;
        for (int i = from; i < to; i++) {
            int code = record.code(i);
            if (!afterOpening && code != RecordTape.OBJECT_END && code != RecordTape.ARRAY_END) {
                out.write((byte) ',');
            }
            afterOpening = false;
            switch (code) {
                case RecordTape.OBJECT_START -> {
                    out.write((byte) '{');
                    afterOpening = true;
                }
                case RecordTape.OBJECT_END -> out.write((byte) '}');
                case RecordTape.ARRAY_START -> {
                    out.write((byte) '[');
                    afterOpening = true;
                }
                case RecordTape.ARRAY_END -> out.write((byte) ']');
                case RecordTape.NAME -> {
                    record.preparedAt(i).writeJsonName(out);
                    afterOpening = true;
                }
                case RecordTape.TEXT -> record.preparedAt(i).writeJson(out);
                case RecordTape.STRING -> JsonText.writeQuoted(record.stringAt(i), out);
                case RecordTape.LONG -> out.writeLong(record.longAt(i));
                case RecordTape.DECIMAL -> out.writeDecimal(record.longAt(i), record.scaleAt(i));
                case RecordTape.DOUBLE -> writeDouble(record.doubleAt(i), out);
                case RecordTape.BOOLEAN -> {
                    byte[] literal = record.booleanAt(i) ? TRUE : FALSE;
                    out.write(literal, 0, literal.length);
                }
                case RecordTape.NULL -> out.write(NULL, 0, NULL.length);
                case RecordTape.PARTS_START -> i = writeParts(record, i, out);
                default -> throw new IllegalStateException("unknown token code " + code);
            }
        }
    }

    /** Writes the parts from PARTS_START at {@code start} as one JSON string; returns the PARTS_END index. */
    private static int writeParts(RecordTape record, int start, ByteOutput out) {
        out.write((byte) '"');
        int i = start + 1;
        for (int code = record.code(i); code != RecordTape.PARTS_END; code = record.code(++i)) {
            switch (code) {
                case RecordTape.TEXT -> record.preparedAt(i).writeJsonEscaped(out);
                case RecordTape.STRING -> JsonText.writeEscaped(record.stringAt(i), out);
                case RecordTape.LONG -> out.writeLong(record.longAt(i));
                case RecordTape.DECIMAL -> out.writeDecimal(record.longAt(i), record.scaleAt(i));
                default -> JsonText.writeEscaped(record.textAt(i), out);
            }
        }
        out.write((byte) '"');
        return i;
    }

    private static void writeDouble(double value, ByteOutput out) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            out.write(NULL, 0, NULL.length);
        } else if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            out.writeLong((long) value);
            out.write((byte) '.');
            out.write((byte) '0');
        } else {
            out.writeAscii(Double.toString(value));
        }
    }

    @Override
    public String name() {
        return newline ? "jsonl" : "json";
    }
}
