package io.kdg4j.aws.internal;

import io.kdg4j.core.GeneratedRecord;
import io.kdg4j.core.run.DeliveryListener;
import java.util.ArrayDeque;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Keeps each shard under its write limits, as the KPL's per-shard rate limiting does: a token bucket per shard for
 * records and one for bytes, refilled continuously and holding at most one second's worth. A record whose shard
 * has no tokens waits in that shard's queue; a timer releases queued records as tokens come back. Buckets start
 * empty, so the producer never spends more than the service has refilled. Thread-safe.
 */
public final class ShardPacer {
    private static final long TICK_MILLIS = 5;

    /** Where released records go. */
    public interface Release {
        void send(GeneratedRecord record, DeliveryListener listener);
    }

    private record Held(GeneratedRecord record, DeliveryListener listener, int bytes) {
    }

    private final ShardMap shards;
    private final double recordsPerNano;
    private final double bytesPerNano;
    private final double recordCapacity;
    private final double byteCapacity;
    private final double[] records;
    private final double[] bytes;
    private final long[] refilledAt;
    private final ArrayDeque<Held>[] queues;
    private final Release release;
    private final ScheduledFuture<?> ticker;
    private int queued;

    @SuppressWarnings("unchecked")
    public ShardPacer(ShardMap shards, double recordsPerSecond, double bytesPerSecond, Release release,
                      ScheduledExecutorService timer) {
        this.shards = shards;
        this.recordsPerNano = recordsPerSecond / 1e9;
        this.bytesPerNano = bytesPerSecond / 1e9;
        this.recordCapacity = recordsPerSecond;
        this.byteCapacity = bytesPerSecond;
        int n = shards.shardCount();
        this.records = new double[n];
        this.bytes = new double[n];
        this.refilledAt = new long[n];
        long now = System.nanoTime();
        java.util.Arrays.fill(refilledAt, now);
        this.queues = new ArrayDeque[n];
        for (int i = 0; i < n; i++) {
            queues[i] = new ArrayDeque<>();
        }
        this.release = release;
        this.ticker = timer.scheduleWithFixedDelay(this::drain, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Sends the record now if its shard allows, else holds it until it does. */
    public void submit(GeneratedRecord record, DeliveryListener listener, int size) {
        int shard = shards.shardOf(record);
        boolean now;
        synchronized (this) {
            now = queues[shard].isEmpty() && take(shard, size, System.nanoTime());
            if (!now) {
                queues[shard].add(new Held(record, listener, size));
                queued++;
            }
        }
        if (now) {
            release.send(record, listener);
        }
    }

    /** Records waiting for their shard's tokens. */
    public synchronized int queued() {
        return queued;
    }

    public void stop() {
        ticker.cancel(false);
    }

    private boolean take(int shard, int size, long now) {
        long elapsed = now - refilledAt[shard];
        refilledAt[shard] = now;
        records[shard] = Math.min(recordCapacity, records[shard] + elapsed * recordsPerNano);
        bytes[shard] = Math.min(byteCapacity, bytes[shard] + elapsed * bytesPerNano);
        // a record larger than a second's bytes could never go: let it through once the bucket is full
        double needBytes = Math.min(size, byteCapacity);
        if (records[shard] >= 1 && bytes[shard] >= needBytes) {
            records[shard] -= 1;
            bytes[shard] -= needBytes;
            return true;
        }
        return false;
    }

    private void drain() {
        java.util.List<Held> ready = new java.util.ArrayList<>();
        synchronized (this) {
            long now = System.nanoTime();
            for (int shard = 0; shard < queues.length; shard++) {
                ArrayDeque<Held> queue = queues[shard];
                while (!queue.isEmpty() && take(shard, queue.peek().bytes(), now)) {
                    ready.add(queue.poll());
                    queued--;
                }
            }
        }
        for (Held held : ready) {
            release.send(held.record(), held.listener());
        }
    }
}
