package io.kdg4j.core.record;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One generated record as a flat sequence of tokens, the way a streaming JSON parser would see it:
 * {@code OBJECT_START NAME "film_id" LONG 598 ... OBJECT_END}.
 *
 * <p>Generation writes a tape and encoders read it, so a record is built once and can then be encoded as JSON,
 * CSV or text. A tape is reused from record to record: numbers stay unboxed and nothing is allocated per
 * record beyond the strings the record really contains.
 *
 * <p>Not thread-safe: each generator owns one.
 */
public final class RecordTape {
    private static final Token[] TOKENS = Token.values();

    /** {@link Token} ordinals as constants, for encoders that switch on {@link #code(int)}. */
    public static final int OBJECT_START = 0;
    public static final int OBJECT_END = 1;
    public static final int ARRAY_START = 2;
    public static final int ARRAY_END = 3;
    public static final int NAME = 4;
    public static final int STRING = 5;
    public static final int TEXT = 6;
    public static final int LONG = 7;
    public static final int DECIMAL = 8;
    public static final int DOUBLE = 9;
    public static final int BOOLEAN = 10;
    public static final int NULL = 11;
    public static final int PARTS_START = 12;
    public static final int PARTS_END = 13;

    private byte[] tokens = new byte[32];
    private long[] numbers = new long[32];
    private Object[] references = new Object[32];
    private int size;

    public void reset() {
        // References are overwritten by the next record; clearing them would cost a pass per record.
        size = 0;
    }

    public int size() {
        return size;
    }

    /** Drops the entries from {@code newSize} on (a value generated only to be read as text). */
    public void truncate(int newSize) {
        if (newSize < 0 || newSize > size) {
            throw new IndexOutOfBoundsException("newSize must be in [0, " + size + "] but was " + newSize);
        }
        size = newSize;
    }

    public Token token(int index) {
        return TOKENS[tokens[check(index)]];
    }

    /** The entry's token as one of the int constants of this class (its {@link Token} ordinal). */
    public int code(int index) {
        return tokens[check(index)];
    }

    // ----- writing -----

    public void startObject() {
        push(OBJECT_START, 0, null);
    }

    public void endObject() {
        push(OBJECT_END, 0, null);
    }

    public void startArray() {
        push(ARRAY_START, 0, null);
    }

    public void endArray() {
        push(ARRAY_END, 0, null);
    }

    public void name(PreparedText name) {
        push(NAME, 0, name);
    }

    public void string(String value) {
        push(STRING, 0, value);
    }

    public void text(PreparedText value) {
        push(TEXT, 0, value);
    }

    public void longValue(long value) {
        push(LONG, value, null);
    }

    public void decimal(long unscaled, int scale) {
        push(DECIMAL, unscaled, SCALES[scale]);
    }

    public void doubleValue(double value) {
        push(DOUBLE, Double.doubleToRawLongBits(value), null);
    }

    public void booleanValue(boolean value) {
        push(BOOLEAN, value ? 1 : 0, null);
    }

    public void nullValue() {
        push(NULL, 0, null);
    }

    /** Starts a string value made of the scalar entries up to {@link #endParts()}. */
    public void startParts() {
        push(PARTS_START, 0, null);
    }

    public void endParts() {
        push(PARTS_END, 0, null);
    }

    private static final Integer[] SCALES = new Integer[19];

    static {
        for (int i = 0; i < SCALES.length; i++) {
            SCALES[i] = i;
        }
    }

    private void push(int token, long number, Object reference) {
        int at = size;
        if (at == tokens.length) {
            grow();
        }
        tokens[at] = (byte) token;
        numbers[at] = number;
        references[at] = reference;
        size = at + 1;
    }

    private void grow() {
        int capacity = tokens.length * 2;
        tokens = Arrays.copyOf(tokens, capacity);
        numbers = Arrays.copyOf(numbers, capacity);
        references = Arrays.copyOf(references, capacity);
    }

    /**
     * Moves the entries [from, size) so that the segments, given by their start offsets in generation order,
     * appear in the order {@code order} lists them. Used when a field is generated before fields declared
     * ahead of it (it is derived from them) but must still be emitted where it was declared.
     */
    public void reorderSegments(int from, int[] segmentStarts, int[] order) {
        int length = size - from;
        byte[] movedTokens = Arrays.copyOfRange(tokens, from, size);
        long[] movedNumbers = Arrays.copyOfRange(numbers, from, size);
        Object[] movedReferences = Arrays.copyOfRange(references, from, size);
        int at = from;
        for (int segment : order) {
            int start = segmentStarts[segment] - from;
            int end = segment + 1 < segmentStarts.length ? segmentStarts[segment + 1] - from : length;
            int count = end - start;
            System.arraycopy(movedTokens, start, tokens, at, count);
            System.arraycopy(movedNumbers, start, numbers, at, count);
            System.arraycopy(movedReferences, start, references, at, count);
            at += count;
        }
    }

    // ----- reading -----

    public long longAt(int index) {
        return numbers[check(index)];
    }

    public double doubleAt(int index) {
        return Double.longBitsToDouble(numbers[check(index)]);
    }

    public boolean booleanAt(int index) {
        return numbers[check(index)] != 0;
    }

    public int scaleAt(int index) {
        return (Integer) references[check(index)];
    }

    /** The text of a NAME, STRING or TEXT entry. */
    public String stringAt(int index) {
        Object reference = references[check(index)];
        return reference instanceof PreparedText prepared ? prepared.text() : (String) reference;
    }

    /** The prepared text of a NAME or TEXT entry. */
    public PreparedText preparedAt(int index) {
        return (PreparedText) references[check(index)];
    }

    /** The index just past the value that starts at {@code index} (a scalar, or a whole object or array). */
    public int skip(int index) {
        int code = code(index);
        if (code != OBJECT_START && code != ARRAY_START && code != PARTS_START) {
            return index + 1;
        }
        int depth = 0;
        int i = index;
        do {
            int c = tokens[i];
            if (c == OBJECT_START || c == ARRAY_START || c == PARTS_START) {
                depth++;
            } else if (c == OBJECT_END || c == ARRAY_END || c == PARTS_END) {
                depth--;
            }
            i++;
        } while (depth > 0);
        return i;
    }

    /**
     * The value starting at {@code index} as plain Java: String, Long, BigDecimal, Double, Boolean, null,
     * {@code Map<String, Object>} (in field order) or {@code List<Object>}.
     */
    public Object valueAt(int index) {
        switch (token(index)) {
            case STRING:
            case TEXT:
                return stringAt(index);
            case PARTS_START:
                return partsText(index);
            case LONG:
                return numbers[index];
            case DECIMAL:
                return BigDecimal.valueOf(numbers[index], scaleAt(index));
            case DOUBLE:
                return doubleAt(index);
            case BOOLEAN:
                return booleanAt(index);
            case NULL:
                return null;
            case OBJECT_START: {
                Map<String, Object> map = new LinkedHashMap<>();
                int i = index + 1;
                while (token(i) == Token.NAME) {
                    map.put(stringAt(i), valueAt(i + 1));
                    i = skip(i + 1);
                }
                return map;
            }
            case ARRAY_START: {
                List<Object> list = new ArrayList<>();
                int i = index + 1;
                while (token(i) != Token.ARRAY_END) {
                    list.add(valueAt(i));
                    i = skip(i);
                }
                return list;
            }
            default:
                throw new IllegalArgumentException("no value starts at index " + index + " (" + token(index) + ")");
        }
    }

    /**
     * The value starting at {@code index} as text: strings as they are, numbers as written in JSON, booleans as
     * true/false, null as the empty string, objects and arrays as JSON. Used for partition keys and templates.
     */
    public String textAt(int index) {
        switch (token(index)) {
            case STRING:
            case TEXT:
                return stringAt(index);
            case PARTS_START:
                return partsText(index);
            case LONG:
                return Long.toString(numbers[index]);
            case DECIMAL:
                return BigDecimal.valueOf(numbers[index], scaleAt(index)).toPlainString();
            case DOUBLE:
                return Double.toString(doubleAt(index));
            case BOOLEAN:
                return Boolean.toString(booleanAt(index));
            case NULL:
                return "";
            default:
                return JsonValues.toJson(valueAt(index));
        }
    }

    private String partsText(int index) {
        StringBuilder text = new StringBuilder();
        for (int i = index + 1; code(i) != PARTS_END; i = skip(i)) {
            text.append(textAt(i));
        }
        return text.toString();
    }

    /** The whole record as plain Java values (see {@link #valueAt(int)}); for tests and debugging. */
    public Object toValue() {
        return size == 0 ? null : valueAt(0);
    }

    private int check(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("index must be in [0, " + size + ") but was " + index);
        }
        return index;
    }
}
