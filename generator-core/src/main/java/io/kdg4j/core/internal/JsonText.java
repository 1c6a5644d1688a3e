package io.kdg4j.core.internal;

import io.kdg4j.core.record.ByteOutput;

/**
 * JSON string escaping straight into a {@link ByteOutput}, per RFC 8259: quote, backslash and control
 * characters escaped, everything else written as UTF-8. Unpaired surrogates, which UTF-8 cannot carry, are
 * written as {@code \\uXXXX} escapes so the output stays valid JSON and loses nothing. Own code rather than
 * Jackson's generator because the encoders write straight from the record tape with no per-record objects.
 */
public final class JsonText {
    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    /** For each ASCII char: 0 = write as is, else the letter after the backslash ('u' for \\u00XX). */
    private static final byte[] ESCAPES = new byte[128];

    static {
        for (int c = 0; c < 0x20; c++) {
            ESCAPES[c] = 'u';
        }
        ESCAPES['"'] = '"';
        ESCAPES['\\'] = '\\';
        ESCAPES['\n'] = 'n';
        ESCAPES['\r'] = 'r';
        ESCAPES['\t'] = 't';
        ESCAPES['\b'] = 'b';
        ESCAPES['\f'] = 'f';
    }

    private JsonText() {
    }

    public static void writeQuoted(CharSequence text, ByteOutput out) {
        out.write((byte) '"');
        writeEscaped(text, out);
        out.write((byte) '"');
    }

    public static void writeEscaped(CharSequence text, ByteOutput out) {
        int length = text.length();
        int runStart = 0;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                if (ESCAPES[c] == 0) {
                    continue;
                }
                flush(text, runStart, i, out);
                writeEscape(c, out);
                runStart = i + 1;
            } else if (Character.isSurrogate(c)) {
                boolean paired = Character.isHighSurrogate(c) && i + 1 < length
                        && Character.isLowSurrogate(text.charAt(i + 1));
                if (paired) {
                    i++;
                    continue;
                }
                flush(text, runStart, i, out);
                writeUnicodeEscape(c, out);
                runStart = i + 1;
            }
        }
        flush(text, runStart, length, out);
    }

    private static void flush(CharSequence text, int from, int to, ByteOutput out) {
        if (from < to) {
            out.writeUtf8(text, from, to);
        }
    }

    private static void writeEscape(char c, ByteOutput out) {
        byte letter = ESCAPES[c];
        if (letter == 'u') {
            writeUnicodeEscape(c, out);
        } else {
            out.write((byte) '\\');
            out.write(letter);
        }
    }

    private static void writeUnicodeEscape(char c, ByteOutput out) {
        out.write((byte) '\\');
        out.write((byte) 'u');
        out.write(HEX[(c >> 12) & 0xf]);
        out.write(HEX[(c >> 8) & 0xf]);
        out.write(HEX[(c >> 4) & 0xf]);
        out.write(HEX[c & 0xf]);
    }
}
