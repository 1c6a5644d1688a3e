package io.kdg4j.local.internal.protocol;

import java.nio.charset.StandardCharsets;

/**
 * A forward-only reader of CBOR (RFC 8949) over a byte array, for the one request body that is read at
 * hundreds of thousands of records a second: PutRecords. Jackson's CBOR parser checks a synchronized
 * {@code java.util.Stack} of string references on every property name, which cost more than all the
 * emulator's other work on the request. Handles definite and indefinite lengths, tags and every simple value;
 * anything malformed raises {@link AwsException#serialization}. Not thread-safe.
 */
public final class CborReader {
    /** Returned by the length readers for an indefinite-length item. */
    public static final long INDEFINITE = -1;
    private static final int BREAK = 0xff;
    private static final int MAX_DEPTH = 64;

    private final byte[] in;
    private final int limit;
    private int position;
    private int sliceOffset;
    private int sliceLength;

    public CborReader(byte[] in) {
        this(in, 0, in.length);
    }

    /** Reads {@code length} bytes of {@code in} from {@code offset}; positions stay those of {@code in}. */
    public CborReader(byte[] in, int offset, int length) {
        this.in = in;
        this.position = offset;
        this.limit = offset + length;
    }

    /** Where the next item starts in the input. */
    public int position() {
        return position;
    }

    /** Moves to {@code position}, where the caller has read past an item on its own. */
    public void seek(int position) {
        this.position = checkedPosition(position);
    }

    public boolean atEnd() {
        return position >= limit;
    }

    /** The major type (0..7) of the next item, after any tags. */
    public int peekMajor() {
        skipTags();
        return (peekByte() & 0xff) >>> 5;
    }

    /** True (and consumed) when the next byte ends an indefinite-length item. */
    public boolean readBreak() {
        if ((peekByte() & 0xff) == BREAK) {
            position++;
            return true;
        }
        return false;
    }

    /** True (and consumed) when the next item is null or undefined. */
    public boolean readNull() {
        skipTags();
        int b = peekByte() & 0xff;
        if (b == 0xf6 || b == 0xf7) {
            position++;
            return true;
        }
        return false;
    }

    /** Starts a map: its number of pairs, or {@link #INDEFINITE}. */
    public long readMapStart(String what) {
        return readLength(5, what, " must be a map");
    }

    /** Starts an array: its number of items, or {@link #INDEFINITE}. */
    public long readArrayStart(String what) {
        return readLength(4, what, " must be an array");
    }

    /** A text string (definite or chunked). */
    public String readText(String what) {
        skipTags();
        int initial = peekByte() & 0xff;
        int info = initial & 0x1f;
        if (initial >>> 5 == 3 && info != 31) {
            // definite length: decode in place, without copying the bytes out first
            position++;
            long length = argument(info);
            int end = checkedPosition(position + length);
            String text = new String(in, position, end - position, StandardCharsets.UTF_8);
            position = end;
            return text;
        }
        return new String(readString(3, what, " must be a string"), StandardCharsets.UTF_8);
    }

    /**
     * A map key: the index of the one of {@code names} (ASCII) it equals, or -1 for any other text. Compares bytes
     * in place, without making a String per field of every record.
     */
    public int readName(byte[][] names) {
        skipTags();
        int initial = peekByte() & 0xff;
        int info = initial & 0x1f;
        if (initial >>> 5 == 3 && info < 24) {
            int end = checkedPosition(position + 1L + info);
            for (int n = 0; n < names.length; n++) {
                if (names[n].length == info
                        && java.util.Arrays.equals(in, position + 1, end, names[n], 0, info)) {
                    position = end;
                    return n;
                }
            }
        }
        readText("a field name");
        return -1;
    }

    /**
     * Reads a definite-length string of {@code major} type (2 bytes, 3 text) without copying it: true, with
     * {@link #sliceOffset()} and {@link #sliceLength()} saying where it lies in the input. False, reading nothing,
     * for anything else (a chunked string, another type): read that with {@link #readBytes} or {@link #readText}.
     */
    public boolean readSlice(int major) {
        skipTags();
        int initial = peekByte() & 0xff;
        int info = initial & 0x1f;
        if (initial >>> 5 != major || info == 31) {
            return false;
        }
        position++;
        long length = argument(info);
        int end = checkedPosition(position + length);
        sliceOffset = position;
        sliceLength = end - position;
        position = end;
        return true;
    }

    /** Where the string {@link #readSlice} read starts in the input. */
    public int sliceOffset() {
        return sliceOffset;
    }

    /** The length in bytes of the string {@link #readSlice} read. */
    public int sliceLength() {
        return sliceLength;
    }

    /** A byte string (definite or chunked). */
    public byte[] readBytes(String what) {
        return readString(2, what, " must be a blob");
    }

    /** Skips one whole item, nested items included (at most {@value #MAX_DEPTH} deep). */
    public void skip() {
        skip(0);
    }

    private void skip(int depth) {
        if (depth > MAX_DEPTH) {
            throw malformed("items nested more than " + MAX_DEPTH + " deep");
        }
        skipTags();
        int initial = readByte() & 0xff;
        int major = initial >>> 5;
        int info = initial & 0x1f;
        if (major == 7) {
            position = checkedPosition(position + switch (info) {
                case 24 -> 1;
                case 25 -> 2;
                case 26 -> 4;
                case 27 -> 8;
                default -> 0;
            });
            return;
        }
        long length = argument(info);
        switch (major) {
            case 0, 1 -> {
                // the argument was the value
            }
            case 2, 3 -> {
                if (length == INDEFINITE) {
                    while (!readBreak()) {
                        skip(depth + 1);
                    }
                } else {
                    position = checkedPosition(position + length);
                }
            }
            case 4, 5 -> {
                long items = major == 5 && length != INDEFINITE ? length * 2 : length;
                if (items == INDEFINITE) {
                    while (!readBreak()) {
                        skip(depth + 1);
                    }
                } else {
                    for (long i = 0; i < items; i++) {
                        skip(depth + 1);
                    }
                }
            }
            default -> throw malformed("unexpected CBOR item");
        }
    }

    // the message is built only on failure: this runs for every field of every record
    private byte[] readString(int major, String what, String rule) {
        skipTags();
        int initial = readByte() & 0xff;
        if (initial >>> 5 != major) {
            throw AwsException.serialization(what + rule);
        }
        long length = argument(initial & 0x1f);
        if (length != INDEFINITE) {
            int end = checkedPosition(position + length);
            byte[] bytes = java.util.Arrays.copyOfRange(in, position, end);
            position = end;
            return bytes;
        }
        java.io.ByteArrayOutputStream chunks = new java.io.ByteArrayOutputStream();
        while (!readBreak()) {
            chunks.writeBytes(readString(major, what, rule));
        }
        return chunks.toByteArray();
    }

    private long readLength(int major, String what, String rule) {
        skipTags();
        int initial = readByte() & 0xff;
        if (initial >>> 5 != major) {
            throw AwsException.serialization(what + rule);
        }
        return argument(initial & 0x1f);
    }

    private long argument(int info) {
        if (info < 24) {
            return info;
        }
        int bytes = switch (info) {
            case 24 -> 1;
            case 25 -> 2;
            case 26 -> 4;
            case 27 -> 8;
            case 31 -> 0;
            default -> throw malformed("reserved CBOR length");
        };
        if (bytes == 0) {
            return INDEFINITE;
        }
        long value = 0;
        for (int i = 0; i < bytes; i++) {
            value = (value << 8) | (readByte() & 0xff);
        }
        if (value < 0) {
            throw malformed("CBOR length out of range");
        }
        return value;
    }

    private void skipTags() {
        while (position < limit && (in[position] & 0xff) >>> 5 == 6) {
            int initial = readByte() & 0xff;
            argument(initial & 0x1f);
        }
    }

    private byte peekByte() {
        if (position >= limit) {
            throw malformed("the body ends in the middle of a CBOR item");
        }
        return in[position];
    }

    private byte readByte() {
        byte b = peekByte();
        position++;
        return b;
    }

    private int checkedPosition(long end) {
        if (end > limit || end < 0) {
            throw malformed("the body ends in the middle of a CBOR item");
        }
        return (int) end;
    }

    private static AwsException malformed(String message) {
        return AwsException.serialization("the request body is not valid CBOR: " + message);
    }
}
