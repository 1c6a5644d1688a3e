package io.kdg4j.core.record;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte buffer that encoders write one record (or many) into, reused across records so that
 * encoding allocates nothing in the steady state.
 *
 * <p>Not thread-safe.
 */
public final class ByteOutput {
    private static final byte[] DIGIT_PAIRS = new byte[200];
    private static final byte[] MIN_LONG = Long.toString(Long.MIN_VALUE).getBytes(StandardCharsets.US_ASCII);

    static {
        for (int i = 0; i < 100; i++) {
            DIGIT_PAIRS[2 * i] = (byte) ('0' + i / 10);
            DIGIT_PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
        }
    }

    private byte[] buffer;
    private int size;

    public ByteOutput() {
        this(256);
    }

    public ByteOutput(int initialCapacity) {
        buffer = new byte[Math.max(16, initialCapacity)];
    }

    public int size() {
        return size;
    }

    public void reset() {
        size = 0;
    }

    /** Drops everything after the first {@code newSize} bytes. */
    public void truncate(int newSize) {
        if (newSize < 0 || newSize > size) {
            throw new IndexOutOfBoundsException("newSize must be in [0, " + size + "] but was " + newSize);
        }
        size = newSize;
    }

    public byte byteAt(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("index must be in [0, " + size + ") but was " + index);
        }
        return buffer[index];
    }

    public void write(byte b) {
        if (size == buffer.length) {
            grow(1);
        }
        buffer[size++] = b;
    }

    public void write(byte[] bytes, int offset, int length) {
        ensure(length);
        System.arraycopy(bytes, offset, buffer, size, length);
        size += length;
    }

    /** Appends another buffer's bytes. */
    public void write(ByteOutput other) {
        write(other.buffer, 0, other.size);
    }

    /** Writes chars known to be below 0x80 (names, digits, literals checked by the caller). */
    public void writeAscii(String ascii) {
        int length = ascii.length();
        ensure(length);
        for (int i = 0; i < length; i++) {
            buffer[size + i] = (byte) ascii.charAt(i);
        }
        size += length;
    }

    /** Writes any text as UTF-8; unpaired surrogates become U+FFFD like {@link String#getBytes}. */
    public void writeUtf8(CharSequence text) {
        writeUtf8(text, 0, text.length());
    }

    /** Writes chars [from, to) of {@code text} as UTF-8. */
    public void writeUtf8(CharSequence text, int from, int to) {
        int length = to;
        ensure(to - from);
        int i = from;
        for (; i < length; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                break;
            }
            buffer[size++] = (byte) c;
        }
        for (; i < length; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                write((byte) c);
            } else if (c < 0x800) {
                ensure(2);
                buffer[size++] = (byte) (0xc0 | (c >> 6));
                buffer[size++] = (byte) (0x80 | (c & 0x3f));
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, text.charAt(++i));
                ensure(4);
                buffer[size++] = (byte) (0xf0 | (cp >> 18));
                buffer[size++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
                buffer[size++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
                buffer[size++] = (byte) (0x80 | (cp & 0x3f));
            } else {
                char bmp = Character.isSurrogate(c) ? '\uFFFD' : c;
                ensure(3);
                buffer[size++] = (byte) (0xe0 | (bmp >> 12));
                buffer[size++] = (byte) (0x80 | ((bmp >> 6) & 0x3f));
                buffer[size++] = (byte) (0x80 | (bmp & 0x3f));
            }
        }
    }

    /** Writes a long in decimal, two digits a step, without going through a String. */
    public void writeLong(long value) {
        if (value == Long.MIN_VALUE) {
            write(MIN_LONG, 0, MIN_LONG.length);
            return;
        }
        ensure(20);
        if (value < 0) {
            buffer[size++] = '-';
            value = -value;
        }
        int digits = digitCount(value);
        int end = size + digits;
        int pos = end;
        while (value >= 100) {
            int pair = (int) (value % 100);
            value /= 100;
            buffer[--pos] = DIGIT_PAIRS[2 * pair + 1];
            buffer[--pos] = DIGIT_PAIRS[2 * pair];
        }
        if (value >= 10) {
            buffer[--pos] = DIGIT_PAIRS[2 * (int) value + 1];
            buffer[--pos] = DIGIT_PAIRS[2 * (int) value];
        } else {
            buffer[--pos] = (byte) ('0' + value);
        }
        size = end;
    }

    /** Writes unscaled / 10^scale with exactly {@code scale} decimals, e.g. (1230, 2) as {@code 12.30}. */
    public void writeDecimal(long unscaled, int scale) {
        if (scale <= 0) {
            writeLong(unscaled);
            return;
        }
        if (unscaled == Long.MIN_VALUE) {
            writeAscii(java.math.BigDecimal.valueOf(unscaled, scale).toPlainString());
            return;
        }
        if (unscaled < 0) {
            write((byte) '-');
            unscaled = -unscaled;
        }
        long divisor = POWERS_OF_TEN[scale];
        writeLong(unscaled / divisor);
        write((byte) '.');
        long fraction = unscaled % divisor;
        int start = size;
        ensure(scale);
        for (int i = scale - 1; i >= 0; i--) {
            buffer[start + i] = (byte) ('0' + fraction % 10);
            fraction /= 10;
        }
        size = start + scale;
    }

    static final long[] POWERS_OF_TEN = new long[19];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
    }

    private static int digitCount(long value) {
        int digits = 1;
        for (int i = 1; i < POWERS_OF_TEN.length && value >= POWERS_OF_TEN[i]; i++) {
            digits++;
        }
        return digits;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buffer, size);
    }

    public String toUtf8String() {
        return new String(buffer, 0, size, StandardCharsets.UTF_8);
    }

    /** A read-only view of the current bytes, valid until the next write or reset. */
    public ByteBuffer asByteBuffer() {
        return ByteBuffer.wrap(buffer, 0, size).asReadOnlyBuffer();
    }

    public void writeTo(OutputStream out) throws IOException {
        out.write(buffer, 0, size);
    }

    private void ensure(int extra) {
        if (size + extra > buffer.length) {
            grow(extra);
        }
    }

    private void grow(int extra) {
        long wanted = Math.max((long) buffer.length * 2, (long) size + extra);
        if (wanted > Integer.MAX_VALUE - 8) {
            throw new OutOfMemoryError("a ByteOutput cannot hold more than 2 GiB");
        }
        buffer = Arrays.copyOf(buffer, (int) wanted);
    }
}
