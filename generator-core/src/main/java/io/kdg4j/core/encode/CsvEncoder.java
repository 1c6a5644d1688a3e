package io.kdg4j.core.encode;

import io.kdg4j.core.record.ByteOutput;
import io.kdg4j.core.record.RecordTape;
import io.kdg4j.core.record.Token;
import java.util.List;

/**
 * CSV per RFC 4180: one line per record (without its line break), cells quoted when they hold a comma, quote,
 * CR or LF, quotes doubled. Nested objects are flattened into columns named by their dotted path; a null
 * object still fills its columns (empty), so every line has the header's width. Arrays and values that are not
 * plain fields of objects become one cell holding their JSON. Thread-safe.
 */
public final class CsvEncoder implements RecordEncoder {
    private final CsvLayout layout;
    private final boolean header;

    CsvEncoder(CsvLayout layout, boolean header) {
        this.layout = layout;
        this.header = header;
    }

    /** A copy that writes the header line (the column names) before the first record. */
    public CsvEncoder withHeader() {
        return new CsvEncoder(layout, true);
    }

    public List<String> columns() {
        return layout.columnNames();
    }

    @Override
    public void writeHeader(ByteOutput out) {
        if (!header) {
            return;
        }
        List<String> names = layout.columnNames();
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                out.write((byte) ',');
            }
            writeCell(names.get(i), out);
        }
    }

    /** True when {@link #writeHeader} writes anything. */
    public boolean hasHeader() {
        return header;
    }

    @Override
    public void encode(RecordTape record, ByteOutput out) {
        int[] cells = {0};
        write(layout, record, 0, out, cells);
    }

    private int write(CsvLayout layout, RecordTape record, int index, ByteOutput out, int[] cells) {
        if (layout.isObject()) {
            if (record.token(index) == Token.OBJECT_START) {
                int i = index + 1;
                for (CsvLayout child : layout.children()) {
                    // the tape holds the object's fields in declared order: NAME then value
                    i = write(child, record, i + 1, out, cells);
                }
                return i + 1; // OBJECT_END
            }
            for (int c = 0; c < layout.width(); c++) {
                separate(out, cells);
            }
            return record.skip(index);
        }
        separate(out, cells);
        Token token = record.token(index);
        switch (token) {
            case NULL -> {
            }
            case TEXT, STRING -> writeCell(record.stringAt(index), out);
            case OBJECT_START, ARRAY_START, PARTS_START -> writeCell(record.textAt(index), out);
            default -> out.writeAscii(record.textAt(index));
        }
        return record.skip(index);
    }

    private static void separate(ByteOutput out, int[] cells) {
        if (cells[0]++ > 0) {
            out.write((byte) ',');
        }
    }

    private static void writeCell(String text, ByteOutput out) {
        boolean quote = false;
        for (int i = 0; i < text.length() && !quote; i++) {
            char c = text.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote) {
            out.writeUtf8(text);
            return;
        }
        out.write((byte) '"');
        int runStart = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '"') {
                out.writeUtf8(text, runStart, i + 1);
                out.write((byte) '"');
                runStart = i + 1;
            }
        }
        out.writeUtf8(text, runStart, text.length());
        out.write((byte) '"');
    }

    @Override
    public String name() {
        return "csv";
    }
}
