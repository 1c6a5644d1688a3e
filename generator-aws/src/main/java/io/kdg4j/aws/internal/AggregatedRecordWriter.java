package io.kdg4j.aws.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds one KPL aggregated record: the magic bytes F3 89 9A C2, an {@code AggregatedRecord} protobuf
 * (partition key table = 1, explicit hash key table = 2, records = 3; each record: partition key index = 1,
 * explicit hash key index = 2, data = 3), and the MD5 of the protobuf. Written by hand: three message types of
 * varints and length-delimited fields do not justify protobuf-java and generated code on every user's classpath.
 * Keeps its exact encoded size as records are added. Not thread-safe.
 */
public final class AggregatedRecordWriter {
    static final byte[] MAGIC = {(byte) 0xF3, (byte) 0x89, (byte) 0x9A, (byte) 0xC2};
    static final int MD5_BYTES = 16;

    private final Map<String, Integer> keys = new LinkedHashMap<>();
    private final Map<String, Integer> explicitHashKeys = new LinkedHashMap<>();
    private final List<long[]> indexes = new ArrayList<>();
    private final List<byte[]> data = new ArrayList<>();
    private int protobufBytes;

    /** The encoded size of the whole aggregate (magic, protobuf and MD5) if {@code record} were added. */
    public int sizeWith(String partitionKey, String explicitHashKey, int dataBytes) {
        int added = 0;
        int keyIndex = keys.getOrDefault(partitionKey, keys.size());
        if (!keys.containsKey(partitionKey)) {
            added += lengthDelimited(utf8Length(partitionKey));
        }
        int hashIndex = -1;
        if (explicitHashKey != null) {
            hashIndex = explicitHashKeys.getOrDefault(explicitHashKey, explicitHashKeys.size());
            if (!explicitHashKeys.containsKey(explicitHashKey)) {
                added += lengthDelimited(explicitHashKey.length());
            }
        }
        added += lengthDelimited(recordBytes(keyIndex, hashIndex, dataBytes));
        return MAGIC.length + protobufBytes + added + MD5_BYTES;
    }

    public void add(String partitionKey, String explicitHashKey, byte[] bytes) {
        int size = sizeWith(partitionKey, explicitHashKey, bytes.length) - MAGIC.length - MD5_BYTES;
        int keyIndex = keys.computeIfAbsent(partitionKey, k -> keys.size());
        int hashIndex = explicitHashKey == null ? -1
                : explicitHashKeys.computeIfAbsent(explicitHashKey, k -> explicitHashKeys.size());
        indexes.add(new long[] {keyIndex, hashIndex});
        data.add(bytes);
        protobufBytes = size;
    }

    public int count() {
        return data.size();
    }

    /** The aggregate's bytes. */
    public byte[] toBytes() {
        ByteArrayOutputStream protobuf = new ByteArrayOutputStream(protobufBytes);
        for (String key : keys.keySet()) {
            writeBytes(protobuf, 1, key.getBytes(StandardCharsets.UTF_8));
        }
        for (String key : explicitHashKeys.keySet()) {
            writeBytes(protobuf, 2, key.getBytes(StandardCharsets.UTF_8));
        }
        for (int i = 0; i < data.size(); i++) {
            long[] index = indexes.get(i);
            byte[] bytes = data.get(i);
            ByteArrayOutputStream record = new ByteArrayOutputStream(bytes.length + 16);
            writeTag(record, 1, 0);
            writeVarint(record, index[0]);
            if (index[1] >= 0) {
                writeTag(record, 2, 0);
                writeVarint(record, index[1]);
            }
            writeBytes(record, 3, bytes);
            writeBytes(protobuf, 3, record.toByteArray());
        }
        byte[] body = protobuf.toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + MAGIC.length + MD5_BYTES);
        out.writeBytes(MAGIC);
        out.writeBytes(body);
        out.writeBytes(md5(body));
        return out.toByteArray();
    }

    private static int recordBytes(int keyIndex, int hashIndex, int dataBytes) {
        int bytes = 1 + varintLength(keyIndex) + lengthDelimited(dataBytes);
        if (hashIndex >= 0) {
            bytes += 1 + varintLength(hashIndex);
        }
        return bytes;
    }

    /** A tag of one byte (field numbers below 16), the length as a varint, and the bytes. */
    private static int lengthDelimited(int length) {
        return 1 + varintLength(length) + length;
    }

    private static int utf8Length(String text) {
        return text.chars().allMatch(c -> c < 0x80) ? text.length() : text.getBytes(StandardCharsets.UTF_8).length;
    }

    static int varintLength(long value) {
        int length = 1;
        while ((value & ~0x7FL) != 0) {
            value >>>= 7;
            length++;
        }
        return length;
    }

    private static void writeTag(ByteArrayOutputStream out, int field, int wireType) {
        out.write((field << 3) | wireType);
    }

    private static void writeBytes(ByteArrayOutputStream out, int field, byte[] bytes) {
        writeTag(out, field, 2);
        writeVarint(out, bytes.length);
        out.writeBytes(bytes);
    }

    private static void writeVarint(ByteArrayOutputStream out, long value) {
        while ((value & ~0x7FL) != 0) {
            out.write((int) ((value & 0x7F) | 0x80));
            value >>>= 7;
        }
        out.write((int) value);
    }

    private static byte[] md5(byte[] bytes) {
        try {
            return MessageDigest.getInstance("MD5").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required of every Java platform", e);
        }
    }
}
