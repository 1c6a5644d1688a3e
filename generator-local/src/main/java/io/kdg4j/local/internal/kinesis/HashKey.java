package io.kdg4j.local.internal.kinesis;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A 128-bit hash key as two longs compared unsigned: the MD5 of a partition key, or an explicit hash key. Kept
 * out of BigInteger because PutRecords hashes and places every record, and BigInteger arithmetic per record cost
 * more than the rest of the request.
 */
record HashKey(long high, long low) implements Comparable<HashKey> {
    private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required of every Java platform", e);
        }
    });

    /**
     * Recent keys and their hashes, per thread, direct-mapped by the key's hash code. Producers often repeat keys
     * (device ids, user ids, a template's few values): a hit costs an array read and an equals instead of an MD5.
     */
    private static final int CACHE_SIZE = 16384;
    private static final ThreadLocal<Object[]> RECENT = ThreadLocal.withInitial(() -> new Object[CACHE_SIZE * 2]);

    static HashKey md5(String partitionKey) {
        Object[] recent = RECENT.get();
        int h = partitionKey.hashCode();
        int slot = ((h ^ (h >>> 14)) & (CACHE_SIZE - 1)) << 1;
        if (partitionKey.equals(recent[slot])) {
            return (HashKey) recent[slot + 1];
        }
        byte[] digest = MD5.get().digest(partitionKey.getBytes(StandardCharsets.UTF_8));
        HashKey hash = new HashKey(longAt(digest, 0), longAt(digest, 8));
        recent[slot] = partitionKey;
        recent[slot + 1] = hash;
        return hash;
    }

    static HashKey of(BigInteger value) {
        return new HashKey(value.shiftRight(64).longValue(), value.longValue());
    }

    private static long longAt(byte[] bytes, int offset) {
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | (bytes[offset + i] & 0xff);
        }
        return value;
    }

    @Override
    public int compareTo(HashKey other) {
        int high = Long.compareUnsigned(this.high, other.high);
        return high != 0 ? high : Long.compareUnsigned(low, other.low);
    }
}
