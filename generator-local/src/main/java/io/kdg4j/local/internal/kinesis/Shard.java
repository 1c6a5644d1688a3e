package io.kdg4j.local.internal.kinesis;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One shard: its hash-key range and its records in arrival order, indexed by a counter that never repeats (the
 * sequence number's last part). Record bytes (data and the key's UTF-8) lie in the store's {@link RecordArena}
 * blocks and are described by parallel primitive arrays, so a stream of millions of records is a few hundred
 * objects for the garbage collector rather than millions; a block is given back when the shard trims past it.
 * Thread-safe.
 */
final class Shard {
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
    private int[] blockOf = new int[64];
    private int[] dataOffsets = new int[64];
    private int[] dataLengths = new int[64];
    private int[] keyOffsets = new int[64];
    private int[] keyLengths = new int[64];

    /**
     * The blocks this shard's records lie in, in the order the shard first used them (a block may appear more than
     * once when requests interleave); each entry holds one reference, given back when the shard trims past it.
     * Entries before {@code firstBlock} are given back.
     */
    private final List<RecordArena.Block> blocks = new ArrayList<>();
    private int firstBlock;
    private final RecordArena arena;
    private final int[] copiedAt = new int[1];

    Shard(int index, BigInteger startingHashKey, BigInteger endingHashKey, boolean limited, RecordArena arena) {
        this.index = index;
        this.arena = arena;
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

    /** Appends a record (copied into the arena) and returns its counter. */
    synchronized long append(long arrivalMillis, String partitionKey, byte[] bytes) {
        byte[] key = partitionKey.getBytes(StandardCharsets.UTF_8);
        return appendCopy(arrivalMillis, key, 0, key.length, bytes, 0, bytes.length);
    }

    /**
     * Appends the records {@code indexes[from..from + count)} of a request under one lock; counters[index] gets
     * each one's. Records in the request's body block stay where they are; others are copied into the arena.
     */
    synchronized void appendAll(long arrivalMillis, PutRecordsBody request, int[] indexes, int from, int count,
                                long[] counters) {
        while (head + size + count > arrivals.length) {
            grow();
        }
        RecordArena.Block body = request.block;
        byte[] inPlace = body == null ? null : body.bytes;
        int bodyIndex = -1;
        for (int i = from; i < from + count; i++) {
            int r = indexes[i];
            if (request.dataSource[r] == inPlace && request.keySource[r] == inPlace) {
                if (bodyIndex < 0) {
                    bodyIndex = listed(body);
                }
                // appendUnlocked inlined by hand: this loop runs for every record PutRecords stores
                int at = head + size;
                arrivals[at] = arrivalMillis;
                blockOf[at] = bodyIndex;
                dataOffsets[at] = request.dataOffset[r];
                dataLengths[at] = request.dataLength[r];
                keyOffsets[at] = request.keyOffset[r];
                keyLengths[at] = request.keyLength[r];
                counters[r] = firstCounter + size;
                size++;
            } else {
                counters[r] = appendCopy(arrivalMillis, request.keySource[r], request.keyOffset[r],
                        request.keyLength[r], request.dataSource[r], request.dataOffset[r], request.dataLength[r]);
                bodyIndex = -1;
            }
        }
    }

    /** The index of {@code block} in this shard's list, listing it (with a reference) unless it is the last. */
    private int listed(RecordArena.Block block) {
        int last = blocks.size() - 1;
        if (last < firstBlock || blocks.get(last) != block) {
            block.retain();
            blocks.add(block);
            last++;
        }
        return last;
    }

    private long appendCopy(long arrivalMillis, byte[] key, int keyOffset, int keyLength, byte[] data,
                            int dataOffset, int dataLength) {
        RecordArena.Block block = arena.allocate(dataLength + keyLength, copiedAt);
        int at = copiedAt[0];
        System.arraycopy(data, dataOffset, block.bytes, at, dataLength);
        System.arraycopy(key, keyOffset, block.bytes, at + dataLength, keyLength);
        try {
            return appendUnlocked(arrivalMillis, block, at, dataLength, at + dataLength, keyLength);
        } finally {
            block.release();
        }
    }

    private long appendUnlocked(long arrivalMillis, RecordArena.Block block, int dataOffset, int dataLength,
                                int keyOffset, int keyLength) {
        if (head + size == arrivals.length) {
            grow();
        }
        int last = listed(block);
        int at = head + size;
        arrivals[at] = arrivalMillis;
        blockOf[at] = last;
        dataOffsets[at] = dataOffset;
        dataLengths[at] = dataLength;
        keyOffsets[at] = keyOffset;
        keyLengths[at] = keyLength;
        size++;
        return firstCounter + size - 1;
    }

    private void grow() {
        if (head > arrivals.length / 2) {
            // most of the arrays is trimmed space: move the live part to the front
            System.arraycopy(arrivals, head, arrivals, 0, size);
            System.arraycopy(blockOf, head, blockOf, 0, size);
            System.arraycopy(dataOffsets, head, dataOffsets, 0, size);
            System.arraycopy(dataLengths, head, dataLengths, 0, size);
            System.arraycopy(keyOffsets, head, keyOffsets, 0, size);
            System.arraycopy(keyLengths, head, keyLengths, 0, size);
            head = 0;
            return;
        }
        int capacity = arrivals.length * 2;
        arrivals = Arrays.copyOf(arrivals, capacity);
        blockOf = Arrays.copyOf(blockOf, capacity);
        dataOffsets = Arrays.copyOf(dataOffsets, capacity);
        dataLengths = Arrays.copyOf(dataLengths, capacity);
        keyOffsets = Arrays.copyOf(keyOffsets, capacity);
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
        return size == 0 ? -1 : dropOldest(1);
    }

    /** Drops every record and gives back every block: the shard's stream is deleted. */
    synchronized long clear() {
        long bytes = 0;
        long one;
        while ((one = trimOldest()) >= 0) {
            bytes += one;
        }
        while (firstBlock < blocks.size()) {
            blocks.set(firstBlock++, null).release();
        }
        return bytes;
    }

    /**
     * Drops oldest records, at most {@code maxRecords}, until at least {@code bytes} are freed; returns the bytes
     * freed (0 when empty). One lock for the lot: the store trims on every append once it is at its cap.
     */
    synchronized long trimOldest(long bytes, int maxRecords) {
        long freed = 0;
        int count = 0;
        int limit = Math.min(maxRecords, size);
        while (count < limit && freed < bytes) {
            freed += dataLengths[head + count] + keyLengths[head + count];
            count++;
        }
        if (count > 0) {
            dropOldest(count);
        }
        return freed;
    }

    /** Drops the {@code count} oldest records (there are as many) and gives back the blocks only they used. */
    private long dropOldest(int count) {
        long bytes = 0;
        for (int i = head; i < head + count; i++) {
            bytes += dataLengths[i] + keyLengths[i];
        }
        head += count;
        size -= count;
        firstCounter += count;
        // an empty shard keeps its last block listed, so that the next record in it is not counted again
        int live = size == 0 ? blocks.size() - 1 : blockOf[head];
        while (firstBlock < live) {
            blocks.set(firstBlock++, null).release();
        }
        if (firstBlock >= 1024 && firstBlock > blocks.size() / 2) {
            // drop the given-back entries, now most of the list, and renumber the records' blocks
            blocks.subList(0, firstBlock).clear();
            for (int i = head; i < head + size; i++) {
                blockOf[i] -= firstBlock;
            }
            firstBlock = 0;
        }
        if (size == 0) {
            head = 0;
        }
        return bytes;
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
            byte[] block = blocks.get(blockOf[at]).bytes;
            batchArrivals[i] = arrivals[at];
            batchData[i] = Arrays.copyOfRange(block, dataOffsets[at], dataOffsets[at] + dataLengths[at]);
            batchKeys[i] = new String(block, keyOffsets[at], keyLengths[at], StandardCharsets.UTF_8);
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
