package io.kdg4j.core.record;

import io.kdg4j.core.internal.JsonText;
import java.nio.charset.StandardCharsets;

/**
 * A string whose UTF-8 and JSON forms are computed once, for values that repeat across records (choices,
 * dictionary words, field names, timestamps cached per clock tick): encoding one costs a copy, not a scan.
 *
 * <p>Immutable and thread-safe.
 */
public final class PreparedText {
    private final String text;
    private final byte[] utf8;
    private final byte[] jsonQuoted;
    private final byte[] jsonName;

    private PreparedText(String text) {
        this.text = text;
        this.utf8 = text.getBytes(StandardCharsets.UTF_8);
        ByteOutput quoted = new ByteOutput(utf8.length + 8);
        JsonText.writeQuoted(text, quoted);
        this.jsonQuoted = quoted.toByteArray();
        quoted.write((byte) ':');
        this.jsonName = quoted.toByteArray();
    }

    public static PreparedText of(String text) {
        if (text == null) {
            throw new NullPointerException("text");
        }
        return new PreparedText(text);
    }

    public String text() {
        return text;
    }

    /** Writes the text as UTF-8, unquoted. */
    public void writeUtf8(ByteOutput out) {
        out.write(utf8, 0, utf8.length);
    }

    /** Writes the text as a quoted, escaped JSON string. */
    public void writeJson(ByteOutput out) {
        out.write(jsonQuoted, 0, jsonQuoted.length);
    }

    /** Writes the text escaped for the inside of a JSON string, without quotes. */
    public void writeJsonEscaped(ByteOutput out) {
        out.write(jsonQuoted, 1, jsonQuoted.length - 2);
    }

    /** Writes the text as a JSON object key followed by a colon. */
    public void writeJsonName(ByteOutput out) {
        out.write(jsonName, 0, jsonName.length);
    }

    public int utf8Length() {
        return utf8.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PreparedText other && other.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
