package io.kdg4j.local.internal.kinesis;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One shard: its hash-key range and its records in arrival order, indexed by a counter that never repeats (the
 * sequence number's last part). Record bytes (data, then the key's UTF-8) are copied into 1 MiB segments and
 * described by parallel primitive arrays, so a stream of millions of records is a few hundred objects for the
 * garbage collector rather than millions; trimming drops whole segments. Thread-safe.
 */
final class Shard {
    private static final int SEGMENT_BYTES = SegmentPool.SEGMENT_BYTES;

    private final int index;
    private final String id;
    private final byte[] idBytes;
    private final byte[] responseEntry;
    private final BigInteger startingHashKey;
    private final BigInteger endingHashKey;
    private final HashKey start;
    private final ThroughputBucket throughput;

    private long firstCounter;
    private int size;
    private int head;
    private long[] arrivals = new long[64];
    private int[] segmentOf = new int[64];
    private int[] offsets = new int[64];
    private int[] dataLengths = new int[64];
    private int[] keyLengths = new int[64];

    /** Segments by number; segments before {@code firstSegment} are released. */
    private final List<byte[]> segments = new ArrayList<>();
    private int firstSegment;
    private final SegmentPool pool;
    private int fill = SEGMENT_BYTES;

    Shard(int index, BigInteger startingHashKey, BigInteger endingHashKey, boolean limited, SegmentPool pool) {
        this.index = index;
        this.pool = pool;
        this.id = String.format("shardId-%012d", index);
        this.idBytes = id.getBytes(StandardCharsets.US_ASCII);
        this.responseEntry = PutRecordsResponseWriter.successEntry(idBytes);
        this.startingHashKey = startingHashKey;
        this.endingHashKey = endingHashKey;
        this.start = HashKey.of(startingHashKey);
        this.throughput = limited ? new ThroughputBucket(KinesisLimits.SHARD_RECORDS_PER_SECOND,
                KinesisLimits.SHARD_BYTES_PER_SECOND) : null;
    }

    String id() {
        return id;
    }

    byte[] idBytes() {
        return idBytes;
    }

    /** This shard's successful PutRecords entry in CBOR with zero digits (see {@link PutRecordsResponseWriter}). */
    byte[] responseEntry() {
        return responseEntry;
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

    HashKey start() {
        return start;
    }

    /** False when the shard's write limit is exhausted (only when limits are enforced). */
    boolean admit(int size) {
        return throughput == null || throughput.tryAcquire(size);
    }

    /** Appends a record and returns its counter. */
    synchronized long append(long arrivalMillis, String partitionKey, byte[] bytes) {
        byte[] key = partitionKey.getBytes(StandardCharsets.UTF_8);
        return appendUnlocked(arrivalMillis, key, 0, key.length, bytes, 0, bytes.length);
    }

    /**
     * Appends the records {@code indexes[from..from + count)} of a request under one lock; counters[index] gets
     * each one's.
     */
    synchronized void appendAll(long arrivalMillis, PutRecordsBody request, int[] indexes, int from, int count,
                                long[] counters) {
        for (int i = from; i < from + count; i++) {
            int r = indexes[i];
            counters[r] = appendUnlocked(arrivalMillis, request.keySource[r], request.keyOffset[r],
                    request.keyLength[r], request.dataSource[r], request.dataOffset[r], request.dataLength[r]);
        }
    }

    private long appendUnlocked(long arrivalMillis, byte[] key, int keyOffset, int keyLength, byte[] data,
                                int dataOffset, int dataLength) {
        if (head + size == arrivals.length) {
            grow();
        }
        int length = dataLength + keyLength;
        if (fill + length > SEGMENT_BYTES || segments.isEmpty()) {
            segments.add(pool.take(length));
            fill = 0;
        }
        int segment = segments.size() - 1;
        byte[] bytes = segments.get(segment);
        System.arraycopy(data, dataOffset, bytes, fill, dataLength);
        System.arraycopy(key, keyOffset, bytes, fill + dataLength, keyLength);
        int at = head + size;
        arrivals[at] = arrivalMillis;
        segmentOf[at] = segment;
        offsets[at] = fill;
        dataLengths[at] = dataLength;
        keyLengths[at] = keyLength;
        fill += length;
        size++;
        return firstCounter + size - 1;
    }

    private void grow() {
        if (head > arrivals.length / 2) {
            // most of the arrays is trimmed space: move the live part to the front
            System.arraycopy(arrivals, head, arrivals, 0, size);
            System.arraycopy(segmentOf, head, segmentOf, 0, size);
            System.arraycopy(offsets, head, offsets, 0, size);
            System.arraycopy(dataLengths, head, dataLengths, 0, size);
            System.arraycopy(keyLengths, head, keyLengths, 0, size);
            head = 0;
            return;
        }
        int capacity = arrivals.length * 2;
        arrivals = Arrays.copyOf(arrivals, capacity);
        segmentOf = Arrays.copyOf(segmentOf, capacity);
        offsets = Arrays.copyOf(offsets, capacity);
        dataLengths = Arrays.copyOf(dataLengths, capacity);
        keyLengths = Arrays.copyOf(keyLengths, capacity);
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
        long bytes = dataLengths[head] + keyLengths[head];
        head++;
        size--;
        firstCounter++;
        int live = size == 0 ? segments.size() - 1 : segmentOf[head];
        while (firstSegment < live) {
            pool.give(segments.set(firstSegment++, null));
        }
        if (size == 0) {
            head = 0;
        }
        return bytes;
    }

    /**
     * Drops oldest records, at most {@code maxRecords}, until at least {@code bytes} are freed; returns the bytes
     * freed (0 when empty). One lock for the lot: the store trims on every append once it is at its cap.
     */
    synchronized long trimOldest(long bytes, int maxRecords) {
        long freed = 0;
        for (int i = 0; i < maxRecords && freed < bytes; i++) {
            long one = trimOldest();
            if (one < 0) {
                break;
            }
            freed += one;
        }
        return freed;
    }

    /** The first counter whose arrival is >= {@code millis}. */
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
            long recordBytes = dataLengths[at] + keyLengths[at];
            if (count > 0 && bytes + recordBytes > maxBytes) {
                break;
            }
            bytes += recordBytes;
            count++;
        }
        long[] batchArrivals = new long[count];
        String[] batchKeys = new String[count];
        byte[][] batchData = new byte[count][];
        for (int i = 0; i < count; i++) {
            int at = head + start + i;
            byte[] segment = segments.get(segmentOf[at]);
            batchArrivals[i] = arrivals[at];
            batchData[i] = Arrays.copyOfRange(segment, offsets[at], offsets[at] + dataLengths[at]);
            batchKeys[i] = new String(segment, offsets[at] + dataLengths[at], keyLengths[at], StandardCharsets.UTF_8);
        }
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
