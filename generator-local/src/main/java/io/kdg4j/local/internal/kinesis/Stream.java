package io.kdg4j.local.internal.kinesis;

import java.math.BigInteger;
import java.util.Map;
import java.util.TreeMap;

/** A data stream: its shards (which never change: the emulator does not reshard), status, retention and tags. */
public final class Stream {
    static final BigInteger HASH_SPACE = BigInteger.ONE.shiftLeft(128);

    private static final java.util.concurrent.atomic.AtomicLong IDS = new java.util.concurrent.atomic.AtomicLong();
    /** Unique in this JVM, never reused: a stream deleted and created again under its name is another stream. */
    private final long id = IDS.incrementAndGet();
    private final String name;
    private final String arn;
    private final boolean onDemand;
    private final long createdMillis;
    private final long readyAtMillis;
    private final Shard[] shards;
    private final Map<String, String> tags = new TreeMap<>();
    private volatile int retentionHours = KinesisLimits.MIN_RETENTION_HOURS;

    Stream(String name, String arn, int shardCount, boolean onDemand, long createdMillis, long readyAtMillis,
           boolean limited, RecordArena arena) {
        this.name = name;
        this.arn = arn;
        this.onDemand = onDemand;
        this.createdMillis = createdMillis;
        this.readyAtMillis = readyAtMillis;
        this.shards = new Shard[shardCount];
        BigInteger count = BigInteger.valueOf(shardCount);
        for (int i = 0; i < shardCount; i++) {
            BigInteger start = HASH_SPACE.multiply(BigInteger.valueOf(i)).divide(count);
            BigInteger end = HASH_SPACE.multiply(BigInteger.valueOf(i + 1L)).divide(count).subtract(BigInteger.ONE);
            shards[i] = new Shard(i, start, end, limited, arena);
        }
    }

    public String name() {
        return name;
    }

    public String arn() {
        return arn;
    }

    boolean onDemand() {
        return onDemand;
    }

    long createdMillis() {
        return createdMillis;
    }

    long readyAtMillis() {
        return readyAtMillis;
    }

    public boolean isActive(long nowMillis) {
        return nowMillis >= readyAtMillis;
    }

    String status(long nowMillis) {
        return isActive(nowMillis) ? "ACTIVE" : "CREATING";
    }

    long id() {
        return id;
    }

    Shard[] shards() {
        return shards;
    }

    public int shardCount() {
        return shards.length;
    }

    Shard shard(String shardId) {
        for (Shard shard : shards) {
            if (shard.id().equals(shardId)) {
                return shard;
            }
        }
        return null;
    }

    /** The shard whose hash-key range holds {@code hashKey}. */
    Shard shardFor(HashKey hashKey) {
        int lo = 0;
        int hi = shards.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (shards[mid].start().compareTo(hashKey) <= 0) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return shards[lo];
    }

    int retentionHours() {
        return retentionHours;
    }

    void retentionHours(int hours) {
        retentionHours = hours;
    }

    Map<String, String> tags() {
        return tags;
    }
}
