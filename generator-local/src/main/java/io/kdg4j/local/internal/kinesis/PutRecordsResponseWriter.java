package io.kdg4j.local.internal.kinesis;

import io.kdg4j.local.internal.http.AwsResponse;
import io.kdg4j.local.internal.protocol.JsonProtocol;
import java.util.Arrays;
import java.nio.charset.StandardCharsets;

/**
 * Writes the PutRecords response by hand, in CBOR or JSON. This is the emulator's hottest output (two strings per
 * record, 500 records a call): the fixed parts are encoded once and the sequence numbers written as digits
 * straight into the buffer, which costs a small fraction of a generic generator's per-field work.
 */
final class PutRecordsResponseWriter {
    private static final byte[] SEQUENCE_NUMBER = "SequenceNumber".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHARD_ID = "ShardId".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FAILED_RECORD_COUNT = "FailedRecordCount".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] RECORDS = "Records".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ENCRYPTION_TYPE = "EncryptionType".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NONE = "NONE".getBytes(StandardCharsets.US_ASCII);
    /** Where the 28 digits start in {@link #successEntry}: map head, key head and key, text head (2 bytes). */
    static final int SEQUENCE_OFFSET = 1 + 1 + SEQUENCE_NUMBER.length + 2;

    /** A successful entry of {@code shard} in CBOR, its sequence-number digits zero, to copy per record. */
    static byte[] successEntry(byte[] shardId) {
        Buffer out = new Buffer(64);
        out.write(0xa2);
        cborText(out, SEQUENCE_NUMBER);
        cborText(out, new byte[SequenceNumbers.length()]);
        cborText(out, SHARD_ID);
        cborText(out, shardId);
        return out.toByteArray();
    }

    private PutRecordsResponseWriter() {
    }

    /**
     * errors[i] (with messages[i]) for failed entries, else the entry succeeded with counters[i] on shards[i];
     * errors and messages are null when every entry succeeded.
     */
    static AwsResponse write(JsonProtocol protocol, int failedCount, Shard[] shards, long[] counters, String[] errors,
                             String[] messages, int count) {
        boolean exact = errors == null && protocol == JsonProtocol.CBOR;
        Buffer out = new Buffer(exact ? successesSize(shards, count) : 64 + count * 72);
        if (protocol == JsonProtocol.CBOR) {
            cbor(out, failedCount, shards, counters, errors, messages, count);
        } else {
            json(out, failedCount, shards, counters, errors, messages, count);
        }
        return AwsResponse.of(200, protocol.contentType(), out.toByteArray());
    }

    /** The exact size of an all-success CBOR response, so that its buffer is the answer without a copy. */
    private static int successesSize(Shard[] shards, int count) {
        int size = 1 + 1 + FAILED_RECORD_COUNT.length + 1 + 1 + RECORDS.length + headSize(count)
                + 1 + ENCRYPTION_TYPE.length + 1 + NONE.length;
        for (int i = 0; i < count; i++) {
            size += shards[i].responseEntry().length;
        }
        return size;
    }

    private static int headSize(long value) {
        return value < 24 ? 1 : value < 256 ? 2 : value < 65536 ? 3 : 5;
    }

    private static void cbor(Buffer out, int failedCount, Shard[] shards, long[] counters,
                             String[] errors, String[] messages, int count) {
        out.write(0xa3);                                   // map of 3
        cborText(out, FAILED_RECORD_COUNT);
        cborHead(out, 0, failedCount);                     // unsigned int
        cborText(out, RECORDS);
        cborHead(out, 4, count);                           // array
        byte[] sequence = new byte[SequenceNumbers.length()];
        // per shard index: where its last success entry was written and with which counter
        int shardSlots = 0;
        for (int i = 0; i < count; i++) {
            shardSlots = Math.max(shardSlots, shards[i].index() + 1);
        }
        int[] lastAt = new int[shardSlots];
        long[] lastCounter = new long[shardSlots];
        java.util.Arrays.fill(lastAt, -1);
        for (int i = 0; i < count; i++) {
            if (errors == null || errors[i] == null) {
                // a success is a fixed template per shard with the digits written into place; a shard's records
                // in one request have consecutive counters, so most entries copy the shard's previous entry and
                // add one to its last digits instead of writing all twenty
                byte[] entry = shards[i].responseEntry();
                int slot = shards[i].index();
                int at = out.size();
                if (lastAt[slot] >= 0 && counters[i] == lastCounter[slot] + 1) {
                    out.write(out.array(), lastAt[slot], entry.length);
                    increment(out.array(), at + SEQUENCE_OFFSET + SequenceNumbers.length() - 1);
                } else {
                    out.write(entry, 0, entry.length);
                    SequenceNumbers.write(shards[i], counters[i], out.array(), at + SEQUENCE_OFFSET);
                }
                lastAt[slot] = at;
                lastCounter[slot] = counters[i];
                continue;
            }
            out.write(0xa2);                               // map of 2
            if (errors[i] != null) {
                cborText(out, "ErrorCode".getBytes(StandardCharsets.US_ASCII));
                cborText(out, errors[i].getBytes(StandardCharsets.UTF_8));
                cborText(out, "ErrorMessage".getBytes(StandardCharsets.US_ASCII));
                cborText(out, messages[i].getBytes(StandardCharsets.UTF_8));
            } else {
                cborText(out, SEQUENCE_NUMBER);
                digits(shards[i], counters[i], sequence);
                cborText(out, sequence);
                cborText(out, SHARD_ID);
                cborText(out, shards[i].idBytes());
            }
        }
        cborText(out, ENCRYPTION_TYPE);
        cborText(out, NONE);
    }

    /** Adds one to the decimal digits ending at {@code last} (the counter never overflows its 20 digits). */
    private static void increment(byte[] digits, int last) {
        int i = last;
        while (digits[i] == '9') {
            digits[i--] = '0';
        }
        digits[i]++;
    }

    private static void cborText(Buffer out, byte[] utf8) {
        cborHead(out, 3, utf8.length);
        out.write(utf8, 0, utf8.length);
    }

    private static void cborHead(Buffer out, int majorType, long value) {
        int major = majorType << 5;
        if (value < 24) {
            out.write(major | (int) value);
        } else if (value < 256) {
            out.write(major | 24);
            out.write((int) value);
        } else if (value < 65536) {
            out.write(major | 25);
            out.write((int) (value >> 8));
            out.write((int) value);
        } else {
            out.write(major | 26);
            out.write((int) (value >> 24));
            out.write((int) (value >> 16));
            out.write((int) (value >> 8));
            out.write((int) value);
        }
    }

    private static void json(Buffer out, int failedCount, Shard[] shards, long[] counters,
                             String[] errors, String[] messages, int count) {
        StringBuilder text = new StringBuilder(64 + count * 80);
        text.append("{\"FailedRecordCount\":").append(failedCount).append(",\"Records\":[");
        byte[] sequence = new byte[SequenceNumbers.length()];
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                text.append(',');
            }
            if (errors != null && errors[i] != null) {
                text.append("{\"ErrorCode\":\"").append(errors[i]).append("\",\"ErrorMessage\":\"")
                        .append(messages[i].replace("\\", "\\\\").replace("\"", "\\\"")).append("\"}");
            } else {
                digits(shards[i], counters[i], sequence);
                text.append("{\"SequenceNumber\":\"").append(new String(sequence, StandardCharsets.US_ASCII))
                        .append("\",\"ShardId\":\"").append(shards[i].id()).append("\"}");
            }
        }
        text.append("],\"EncryptionType\":\"NONE\"}");
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        out.write(bytes, 0, bytes.length);
    }

    private static void digits(Shard shard, long counter, byte[] out) {
        SequenceNumbers.write(shard, counter, out);
    }

    /**
     * A growable byte array without ByteArrayOutputStream's per-call locking: with ten writes per record that
     * locking cost more than the rest of the response.
     */
    static final class Buffer {
        private byte[] bytes;
        private int size;

        Buffer(int capacity) {
            bytes = new byte[capacity];
        }

        void write(int b) {
            if (size == bytes.length) {
                bytes = Arrays.copyOf(bytes, size * 2);
            }
            bytes[size++] = (byte) b;
        }

        void write(byte[] source, int offset, int length) {
            if (size + length > bytes.length) {
                // source may be this buffer's own array: it stays valid, as the copy below reads from it
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + length));
            }
            System.arraycopy(source, offset, bytes, size, length);
            size += length;
        }

        /** The bytes written: the backing array itself when it is exactly full. */
        byte[] toByteArray() {
            return size == bytes.length ? bytes : Arrays.copyOf(bytes, size);
        }

        int size() {
            return size;
        }

        /** The backing array, valid until the next write. */
        byte[] array() {
            return bytes;
        }
    }
}
