package io.kdg4j.aws.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds one KPL aggregated record: the magic bytes F3 89 9A C2, an {@code AggregatedRecord} protobuf
 * (partition key table = 1, explicit hash key table = 2, records = 3; each record: partition key index = 1,
 * explicit hash key index = 2, data = 3), and the MD5 of the protobuf. Written by hand: three message types of
 * varints and length-delimited fields do not justify protobuf-java and generated code on every user's classpath,
 * and knowing the exact size as records are added lets the aggregate be written into one array. Not thread-safe.
 */
public final class AggregatedRecordWriter {
    static final byte[] MAGIC = {(byte) 0xF3, (byte) 0x89, (byte) 0x9A, (byte) 0xC2};
    static final int MD5_BYTES = 16;
    /** The bytes of an aggregate without records: magic and MD5. */
    public static final int OVERHEAD = MAGIC.length + MD5_BYTES;

    private final Map<String, Integer> keyIndexes = new HashMap<>();
    private final List<byte[]> keys = new ArrayList<>();
    private final Map<String, Integer> hashKeyIndexes = new HashMap<>();
    private final List<byte[]> hashKeys = new ArrayList<>();
    private int[] keyIndex = new int[64];
    private int[] hashIndex = new int[64];
    private ByteBuffer[] data = new ByteBuffer[64];
    private int count;
    private int protobufBytes;

    /**
     * Adds a record if the whole aggregate then stays within {@code maxBytes}; returns false, adding nothing,
     * otherwise. {@code bytes} is read when the aggregate is written and must not change until then.
     */
    public boolean tryAdd(String partitionKey, String explicitHashKey, ByteBuffer bytes, int maxBytes) {
        int added = 0;
        Integer key = keyIndexes.get(partitionKey);
        byte[] newKey = null;
        if (key == null) {
            newKey = partitionKey.getBytes(StandardCharsets.UTF_8);
            added += lengthDelimited(newKey.length);
        }
        int k = key != null ? key : keys.size();
        Integer hash = null;
        byte[] newHash = null;
        int h = -1;
        if (explicitHashKey != null) {
            hash = hashKeyIndexes.get(explicitHashKey);
            if (hash == null) {
                newHash = explicitHashKey.getBytes(StandardCharsets.US_ASCII);
                added += lengthDelimited(newHash.length);
            }
            h = hash != null ? hash : hashKeys.size();
        }
        added += lengthDelimited(recordBytes(k, h, bytes.remaining()));
        if (OVERHEAD + protobufBytes + added > maxBytes) {
            return false;
        }
        if (newKey != null) {
            keyIndexes.put(partitionKey, k);
            keys.add(newKey);
        }
        if (newHash != null) {
            hashKeyIndexes.put(explicitHashKey, h);
            hashKeys.add(newHash);
        }
        if (count == data.length) {
            keyIndex = Arrays.copyOf(keyIndex, count * 2);
            hashIndex = Arrays.copyOf(hashIndex, count * 2);
            data = Arrays.copyOf(data, count * 2);
        }
        keyIndex[count] = k;
        hashIndex[count] = h;
        data[count] = bytes;
        count++;
        protobufBytes += added;
        return true;
    }

    public int count() {
        return count;
    }

    /** The size of the aggregate as written now. */
    public int size() {
        return OVERHEAD + protobufBytes;
    }

    /** The aggregate's bytes. */
    public byte[] toBytes() {
        byte[] out = new byte[OVERHEAD + protobufBytes];
        System.arraycopy(MAGIC, 0, out, 0, MAGIC.length);
        int p = MAGIC.length;
        for (byte[] key : keys) {
            p = writeBytes(out, p, 1, key);
        }
        for (byte[] key : hashKeys) {
            p = writeBytes(out, p, 2, key);
        }
        for (int i = 0; i < count; i++) {
            ByteBuffer bytes = data[i].duplicate();
            out[p++] = (byte) ((3 << 3) | 2);
            p = writeVarint(out, p, recordBytes(keyIndex[i], hashIndex[i], bytes.remaining()));
            out[p++] = (byte) (1 << 3);
            p = writeVarint(out, p, keyIndex[i]);
            if (hashIndex[i] >= 0) {
                out[p++] = (byte) (2 << 3);
                p = writeVarint(out, p, hashIndex[i]);
            }
            out[p++] = (byte) ((3 << 3) | 2);
            p = writeVarint(out, p, bytes.remaining());
            int length = bytes.remaining();
            bytes.get(out, p, length);
            p += length;
        }
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            md5.update(out, MAGIC.length, protobufBytes);
            md5.digest(out, p, MD5_BYTES);
        } catch (NoSuchAlgorithmException | DigestException e) {
            throw new IllegalStateException("MD5 is required of every Java platform", e);
        }
        return out;
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

    static int varintLength(long value) {
        int length = 1;
        while ((value & ~0x7FL) != 0) {
            value >>>= 7;
            length++;
        }
        return length;
    }

    private static int writeBytes(byte[] out, int p, int field, byte[] bytes) {
        out[p++] = (byte) ((field << 3) | 2);
        p = writeVarint(out, p, bytes.length);
        System.arraycopy(bytes, 0, out, p, bytes.length);
        return p + bytes.length;
    }

    private static int writeVarint(byte[] out, int p, long value) {
        while ((value & ~0x7FL) != 0) {
            out[p++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        out[p++] = (byte) value;
        return p;
    }
}
