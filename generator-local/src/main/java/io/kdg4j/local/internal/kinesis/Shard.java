package io.kdg4j.local.internal.kinesis;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * One shard: its hash-key range and its records, kept in arrival order in growable arrays indexed by a counter
 * that never repeats (the sequence number's last part). Trimming drops from the front. Thread-safe.
 */
final class Shard {
    private final int index;
    private final String id;
    private final BigInteger startingHashKey;
    private final BigInteger endingHashKey;
    private final ThroughputBucket throughput;

    private long firstCounter;
    private int size;
    private int head;
    private long[] arrivals = new long[64];
    private String[] keys = new String[64];
    private byte[][] data = new byte[64][];

    Shard(int index, BigInteger startingHashKey, BigInteger endingHashKey, boolean limited) {
        this.index = index;
        this.id = String.format("shardId-%012d", index);
        this.startingHashKey = startingHashKey;
        this.endingHashKey = endingHashKey;
        this.throughput = limited ? new ThroughputBucket(KinesisLimits.SHARD_RECORDS_PER_SECOND,
                KinesisLimits.SHARD_BYTES_PER_SECOND) : null;
    }

    String id() {
        return id;
    }

    int index() {
        return index;
    }

    BigInteger startingHashKey() {
        return startingHashKey;
    }

    BigInteger endingHashKey() {
        return endingHashKey;
    }

    boolean contains(BigInteger hashKey) {
        return hashKey.compareTo(startingHashKey) >= 0 && hashKey.compareTo(endingHashKey) <= 0;
    }

    /** False when the shard's write limit is exhausted (only when limits are enforced). */
    boolean admit(int size) {
        return throughput == null || throughput.tryAcquire(size);
    }

    /** Appends a record and returns its counter. */
    synchronized long append(long arrivalMillis, String partitionKey, byte[] bytes) {
        if (head + size == arrivals.length) {
            grow();
        }
        int at = head + size;
        arrivals[at] = arrivalMillis;
        keys[at] = partitionKey;
        data[at] = bytes;
        size++;
        return firstCounter + size - 1;
    }

    private void grow() {
        if (head > arrivals.length / 2) {
            // compact: most of the array is trimmed space
            System.arraycopy(arrivals, head, arrivals, 0, size);
            System.arraycopy(keys, head, keys, 0, size);
            System.arraycopy(data, head, data, 0, size);
            Arrays.fill(keys, size, head + size, null);
            Arrays.fill(data, size, head + size, null);
            head = 0;
            return;
        }
        int capacity = arrivals.length * 2;
        arrivals = Arrays.copyOf(arrivals, capacity);
        keys = Arrays.copyOf(keys, capacity);
        data = Arrays.copyOf(data, capacity);
    }

    /** The counter the next record will get. */
    synchronized long nextCounter() {
        return firstCounter + size;
    }

    /** The oldest counter still held. */
    synchronized long firstCounter() {
        return firstCounter;
    }

    synchronized long oldestArrival() {
        return size == 0 ? Long.MAX_VALUE : arrivals[head];
    }

    /** Drops the oldest record; returns its size in bytes (data and key), or -1 when empty. */
    synchronized long trimOldest() {
        if (size == 0) {
            return -1;
        }
        long bytes = data[head].length + keys[head].length();
        keys[head] = null;
        data[head] = null;
        head++;
        size--;
        firstCounter++;
        return bytes;
    }

    /** The first counter at or after {@code counter} whose arrival is >= {@code millis}. */
    synchronized long firstAtOrAfter(long millis) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (arrivals[head + mid] < millis) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return firstCounter + lo;
    }

    /** Reads records from {@code counter} on, up to {@code limit} and about {@code maxBytes}. */
    synchronized Batch read(long counter, int limit, long maxBytes) {
        long from = Math.max(counter, firstCounter);
        int start = (int) Math.min(size, from - firstCounter);
        int count = 0;
        long bytes = 0;
        while (start + count < size && count < limit) {
            int at = head + start + count;
            long recordBytes = data[at].length + keys[at].length();
            if (count > 0 && bytes + recordBytes > maxBytes) {
                break;
            }
            bytes += recordBytes;
            count++;
        }
        long[] batchArrivals = Arrays.copyOfRange(arrivals, head + start, head + start + count);
        String[] batchKeys = Arrays.copyOfRange(keys, head + start, head + start + count);
        byte[][] batchData = Arrays.copyOfRange(data, head + start, head + start + count);
        int remaining = size - start - count;
        long nextArrival = remaining > 0 ? arrivals[head + start + count] : -1;
        return new Batch(firstCounter + start, batchArrivals, batchKeys, batchData, nextArrival);
    }

    /** Records read from a shard; {@code nextArrival} is the arrival of the first record not returned, or -1. */
    record Batch(long firstCounter, long[] arrivals, String[] keys, byte[][] data, long nextArrival) {
        int size() {
            return arrivals.length;
        }
    }
}
