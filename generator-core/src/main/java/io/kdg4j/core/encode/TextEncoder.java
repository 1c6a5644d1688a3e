package io.kdg4j.core.encode;

import io.kdg4j.core.record.ByteOutput;
import io.kdg4j.core.record.RecordTape;
import io.kdg4j.core.record.Token;

/**
 * Raw text: a string record as its UTF-8 bytes (log lines, free text), any other scalar as its JSON text, and
 * objects or arrays as compact JSON. Thread-safe.
 */
final class TextEncoder implements RecordEncoder {

    @Override
    public void encode(RecordTape record, ByteOutput out) {
        if (record.size() == 0) {
            return;
        }
        Token token = record.token(0);
        if (token == Token.PARTS_START) {
            writeParts(record, out);
        } else if (token == Token.TEXT) {
            record.preparedAt(0).writeUtf8(out);
        } else if (token == Token.STRING) {
            out.writeUtf8(record.stringAt(0));
        } else if (token == Token.NULL) {
            return;
        } else {
            JsonEncoder.writeValues(record, 0, record.size(), out);
        }
    }

    /** Each part's plain text, one after the other: a rendered template costs copies, not string building. */
    private static void writeParts(RecordTape record, ByteOutput out) {
        for (int i = 1; ; i++) {
            switch (record.code(i)) {
                case RecordTape.PARTS_END -> {
                    return;
                }
                case RecordTape.TEXT -> record.preparedAt(i).writeUtf8(out);
                case RecordTape.STRING -> out.writeUtf8(record.stringAt(i));
                case RecordTape.LONG -> out.writeLong(record.longAt(i));
                case RecordTape.DECIMAL -> out.writeDecimal(record.longAt(i), record.scaleAt(i));
                case RecordTape.NULL -> {
                }
                default -> out.writeUtf8(record.textAt(i));
            }
        }
    }

    @Override
    public String name() {
        return "text";
    }
}
