package io.kdg4j.aws.internal;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A 128-bit Kinesis hash key as two longs compared unsigned: the MD5 of a partition key, or an explicit hash key.
 * Two longs rather than a BigInteger because the sink places every record it sends.
 */
public record HashKey(long high, long low) implements Comparable<HashKey> {
    private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required of every Java platform", e);
        }
    });

    /** Where Kinesis puts a record with this partition key. */
    public static HashKey ofPartitionKey(String partitionKey) {
        byte[] digest = MD5.get().digest(partitionKey.getBytes(StandardCharsets.UTF_8));
        return new HashKey(longAt(digest, 0), longAt(digest, 8));
    }

    /** A decimal hash key, as ListShards and ExplicitHashKey write them. */
    public static HashKey parse(String decimal) {
        BigInteger value = new BigInteger(decimal);
        return new HashKey(value.shiftRight(64).longValue(), value.longValue());
    }

    public String toDecimal() {
        return new BigInteger(1, new byte[] {
            (byte) (high >>> 56), (byte) (high >>> 48), (byte) (high >>> 40), (byte) (high >>> 32),
            (byte) (high >>> 24), (byte) (high >>> 16), (byte) (high >>> 8), (byte) high,
            (byte) (low >>> 56), (byte) (low >>> 48), (byte) (low >>> 40), (byte) (low >>> 32),
            (byte) (low >>> 24), (byte) (low >>> 16), (byte) (low >>> 8), (byte) low}).toString();
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
