package io.kdg4j.local.internal.kinesis;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * A 128-bit hash key as two longs compared unsigned: the MD5 of a partition key, or an explicit hash key. Kept
 * out of BigInteger because PutRecords hashes and places every record, and BigInteger arithmetic per record cost
 * more than the rest of the request.
 */
record HashKey(long high, long low) implements Comparable<HashKey> {
    private static final ThreadLocal<Recent> RECENT = ThreadLocal.withInitial(Recent::new);

    static HashKey md5(String partitionKey) {
        byte[] utf8 = partitionKey.getBytes(StandardCharsets.UTF_8);
        return recent().md5(utf8, 0, utf8.length);
    }

    /** This thread's cache of recent keys: fetch it once per request, not once per record. */
    static Recent recent() {
        return RECENT.get();
    }

    /**
     * Recent keys (UTF-8) and their hashes, direct-mapped by a hash of the bytes. Producers often repeat keys
     * (device ids, user ids, a template's few values): a hit costs a short loop and a compare instead of an MD5,
     * and the key is read where it lies in the request, without making a String. One per thread.
     */
    static final class Recent {
        private static final int SIZE = 16384;
        private final byte[][] keys = new byte[SIZE][];
        // each slot's 32-bit hash of its key's bytes, compared first: with keys that do not repeat, reading the
        // cached key itself would cost a cache miss of the CPU's on almost every lookup
        private final int[] fingerprints = new int[SIZE];
        private final HashKey[] hashes = new HashKey[SIZE];
        // the shard each key last went to, and in which stream (by id: holding the stream itself would keep a
        // deleted stream's records alive); a stream never changes its shards
        private final long[] streamIds = new long[SIZE];
        private final int[] shardIndexes = new int[SIZE];
        private final MessageDigest md5;
        private final byte[] digest = new byte[16];
        private static final int WINDOW = 4096;
        private static final int SAMPLE = 16;
        private int lookups;
        private int hits;
        private boolean keepAll = true;
        /** The hash of the last key {@link #slot} hashed without keeping it. */
        private HashKey missed;

        private Recent() {
            try {
                md5 = MessageDigest.getInstance("MD5");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("MD5 is required of every Java platform", e);
            }
        }

        /** The MD5 of the {@code length} bytes of a UTF-8 partition key at {@code offset} in {@code source}. */
        HashKey md5(byte[] source, int offset, int length) {
            int slot = slot(source, offset, length);
            return slot >= 0 ? hashes[slot] : missed;
        }

        /** The shard of {@code stream} that the partition key's MD5 falls in. */
        Shard shard(Stream stream, byte[] source, int offset, int length) {
            int slot = slot(source, offset, length);
            if (slot < 0) {
                return stream.shardFor(missed);
            }
            if (streamIds[slot] != stream.id()) {
                shardIndexes[slot] = stream.shardFor(hashes[slot]).index();
                streamIds[slot] = stream.id();
            }
            return stream.shards()[shardIndexes[slot]];
        }

        /**
         * The cache slot that holds the key, hashing it with MD5 when it was not there; or -1, with the hash in
         * {@link #missed}, when the key was hashed but not kept. Keys that never repeat (random keys, KDG's and
         * the generator's default) would only churn the cache: after a window of lookups with almost no hits,
         * only one miss in {@value #SAMPLE} is kept, enough to notice when keys start repeating again.
         */
        private int slot(byte[] source, int offset, int length) {
            int h = 1;
            for (int i = offset, end = offset + length; i < end; i++) {
                h = 31 * h + source[i];
            }
            int slot = (h ^ (h >>> 14)) & (SIZE - 1);
            byte[] cached = keys[slot];
            if (++lookups == WINDOW) {
                keepAll = hits * 20 >= WINDOW; // at least 5% hits
                lookups = 0;
                hits = 0;
            }
            if (fingerprints[slot] == h && cached != null && sameBytes(cached, source, offset, length)) {
                hits++;
                return slot;
            }
            md5.update(source, offset, length);
            try {
                md5.digest(digest, 0, 16);
            } catch (java.security.DigestException e) {
                throw new IllegalStateException("an MD5 digest is 16 bytes", e);
            }
            // the JDK's MD5 is a HotSpot intrinsic: a one-block MD5 written out in Java took 190 ns a key against its
            // 137, and two keys hashed interleaved 126 ns a key, too little for the code; only the digest array is
            // spared
            HashKey hash = new HashKey(longAt(digest, 0), longAt(digest, 8));
            if (!keepAll && (lookups & (SAMPLE - 1)) != 0) {
                missed = hash;
                return -1;
            }
            hashes[slot] = hash;
            fingerprints[slot] = h;
            keys[slot] = Arrays.copyOfRange(source, offset, offset + length);
            streamIds[slot] = 0;
            return slot;
        }

        // keys are short: a plain loop beats Arrays.equals' set-up for a range
        private static boolean sameBytes(byte[] cached, byte[] source, int offset, int length) {
            if (cached.length != length) {
                return false;
            }
            for (int i = 0; i < length; i++) {
                if (cached[i] != source[offset + i]) {
                    return false;
                }
            }
            return true;
        }
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
