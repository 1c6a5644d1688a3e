package io.kdg4j.local.internal.kinesis;

import io.kdg4j.local.internal.protocol.AwsException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * All streams and the bytes they hold. Keeps memory bounded: records older than their stream's retention, and
 * the oldest records beyond the configured byte cap, are trimmed like Kinesis trims expired records.
 * Thread-safe.
 */
public final class KinesisStore {
    private final ConcurrentSkipListMap<String, Stream> streams = new ConcurrentSkipListMap<>();
    private final AtomicLong storedBytes = new AtomicLong();
    private final Clock clock;
    private final String region;
    private final long creationDelayMillis;
    private final long maxStoredBytes;
    private final long maxRetentionMillis;
    private final boolean limited;
    /** Blocks the records may hold beyond the cap: those being filled and those of requests being handled. */
    private static final int HELD_SLACK_BLOCKS = 16;
    private final SegmentPool segments = new SegmentPool();
    private final RecordArena arena = new RecordArena(segments);

    public KinesisStore(Clock clock, String region, long creationDelayMillis, long maxStoredBytes,
                        long maxRetentionMillis, boolean limited) {
        this.clock = clock;
        this.region = region;
        this.creationDelayMillis = creationDelayMillis;
        this.maxStoredBytes = maxStoredBytes;
        this.maxRetentionMillis = maxRetentionMillis;
        this.limited = limited;
    }

    SegmentPool segments() {
        return segments;
    }

    /** The memory the records' blocks hold (see {@link RecordArena}). */
    long heldBytes() {
        return arena.heldBytes();
    }

    /** Room for a PutRecords body of {@code length} bytes, whose records can then stay where they are. */
    RecordArena.Block bodyBlock(int length, int[] offset) {
        return arena.allocate(length, offset);
    }

    long now() {
        return clock.millis();
    }

    String arnOf(String name) {
        return "arn:aws:kinesis:" + region + ":" + KinesisLimits.ACCOUNT + ":stream/" + name;
    }

    synchronized Stream create(String name, int shardCount, boolean onDemand) {
        if (streams.containsKey(name)) {
            throw AwsException.inUse("Stream " + name + " under account " + KinesisLimits.ACCOUNT
                    + " already exists.");
        }
        int total = shardCount;
        for (Stream stream : streams.values()) {
            total += stream.shardCount();
        }
        if (total > KinesisLimits.MAX_SHARDS) {
            throw AwsException.limitExceeded("This request would exceed the shard limit for the account "
                    + KinesisLimits.ACCOUNT + " in " + region + ". Current shard count for the account: "
                    + (total - shardCount) + ". Limit: " + KinesisLimits.MAX_SHARDS + ". Number of additional shards "
                    + "that would have resulted from this request: " + shardCount + ".");
        }
        long now = now();
        Stream stream = new Stream(name, arnOf(name), shardCount, onDemand, now, now + creationDelayMillis, limited,
                arena);
        streams.put(name, stream);
        return stream;
    }

    long creationDelayMillis() {
        return creationDelayMillis;
    }

    /** The stream by name or ARN; ResourceNotFoundException when it does not exist. */
    public Stream find(String nameOrArn) {
        String name = nameOrArn.startsWith("arn:") ? nameOrArn.substring(nameOrArn.lastIndexOf('/') + 1) : nameOrArn;
        Stream stream = streams.get(name);
        if (stream == null) {
            throw AwsException.notFound("Stream " + name + " under account " + KinesisLimits.ACCOUNT
                    + " not found.");
        }
        return stream;
    }

    /**
     * Like {@link #find} but the stream must also be ACTIVE to take writes and reads: ResourceInUseException
     * otherwise, as AWS documents for a stream that is not ACTIVE.
     */
    Stream findActive(String nameOrArn) {
        Stream stream = find(nameOrArn);
        if (!stream.isActive(now())) {
            throw AwsException.inUse("Stream " + stream.arn() + " is not currently ACTIVE or UPDATING.");
        }
        return stream;
    }

    synchronized void delete(String nameOrArn) {
        Stream stream = find(nameOrArn);
        streams.remove(stream.name());
        for (Shard shard : stream.shards()) {
            storedBytes.addAndGet(-shard.clear());
        }
    }

    List<Stream> list() {
        return new ArrayList<>(streams.values());
    }

    /** Appends to a shard and keeps the byte cap. */
    long append(Shard shard, long arrival, String key, byte[] data) {
        long counter = shard.append(arrival, key, data);
        storedBytes.addAndGet(data.length + key.length());
        keepCap();
        return counter;
    }

    /** Appends records to one shard under one lock; the caller then calls {@link #keepCap()}. */
    void appendAll(Shard shard, long arrival, PutRecordsBody request, int[] indexes, int from, int count,
                   long[] counters) {
        shard.appendAll(arrival, request, indexes, from, count, counters);
        long bytes = 0;
        for (int i = from; i < from + count; i++) {
            bytes += request.dataLength[indexes[i]] + request.keyLength[indexes[i]];
        }
        storedBytes.addAndGet(bytes);
    }

    /**
     * Trims the oldest records of any stream when the store holds more than its cap, down to a sixty-fourth below
     * it, so that a store at its cap trims every few requests rather than on each one.
     */
    void keepCap() {
        if (storedBytes.get() > maxStoredBytes || arena.heldBytes() > maxHeldBytes()) {
            trimToCap();
        }
    }

    /**
     * The memory the records' blocks may hold: the cap, and room for the blocks being filled and for those of
     * requests being handled, which trimming cannot free.
     */
    private long maxHeldBytes() {
        return maxStoredBytes + HELD_SLACK_BLOCKS * (long) RecordArena.BLOCK_BYTES;
    }

    /** Drops expired records and, while over the cap, the oldest records of any stream. */
    public void sweep() {
        long now = now();
        for (Stream stream : streams.values()) {
            long cutoff = now - Math.min(maxRetentionMillis, stream.retentionHours() * 3_600_000L);
            for (Shard shard : stream.shards()) {
                while (shard.oldestArrival() < cutoff) {
                    long bytes = shard.trimOldest();
                    if (bytes < 0) {
                        break;
                    }
                    storedBytes.addAndGet(-bytes);
                }
            }
        }
        trimToCap();
    }

    private void trimToCap() {
        long target = maxStoredBytes - maxStoredBytes / 64;
        long maxHeld = maxHeldBytes();
        while (storedBytes.get() > target || arena.heldBytes() > maxHeld) {
            Shard oldest = null;
            long oldestArrival = Long.MAX_VALUE;
            for (Stream stream : streams.values()) {
                for (Shard shard : stream.shards()) {
                    long arrival = shard.oldestArrival();
                    if (arrival < oldestArrival) {
                        oldestArrival = arrival;
                        oldest = shard;
                    }
                }
            }
            if (oldest == null) {
                return;
            }
            // trim a slice at a time so the scan is not repeated per record; blocks are freed as the oldest
            // records of every shard in them go
            long excess = storedBytes.get() - target;
            long freed = oldest.trimOldest(excess > 0 ? excess : Long.MAX_VALUE, 1024);
            if (freed == 0) {
                return;
            }
            storedBytes.addAndGet(-freed);
        }
    }

    /** Positions just past each shard's newest record: where a reader that starts LATEST begins. */
    public long[] latestPositions(Stream stream) {
        long[] positions = new long[stream.shardCount()];
        for (int i = 0; i < positions.length; i++) {
            positions[i] = stream.shards()[i].nextCounter();
        }
        return positions;
    }

    /** Hands every record after {@code positions} to {@code sink} (arrival, data) and advances the positions. */
    public int drain(Stream stream, long[] positions, java.util.function.ObjLongConsumer<byte[]> sink) {
        int count = 0;
        for (int i = 0; i < positions.length; i++) {
            Shard shard = stream.shards()[i];
            Shard.Batch batch = shard.read(positions[i], KinesisLimits.MAX_GET_RECORDS,
                    KinesisLimits.MAX_GET_RECORDS_BYTES);
            for (int r = 0; r < batch.size(); r++) {
                sink.accept(batch.data()[r], batch.arrivals()[r]);
            }
            positions[i] = batch.firstCounter() + batch.size();
            count += batch.size();
        }
        return count;
    }

    /** The stream if it exists, else null. */
    public Stream get(String nameOrArn) {
        String name = nameOrArn.startsWith("arn:") ? nameOrArn.substring(nameOrArn.lastIndexOf('/') + 1) : nameOrArn;
        return streams.get(name);
    }

    public long storedBytes() {
        return storedBytes.get();
    }
}
