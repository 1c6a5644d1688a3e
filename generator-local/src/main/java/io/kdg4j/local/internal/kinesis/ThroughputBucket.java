package io.kdg4j.local.internal.kinesis;

/**
 * A shard's write allowance: two token buckets (records and bytes) that refill continuously at the shard's rate
 * and hold at most one second's worth, like the service's per-shard limits. Thread-safe.
 */
final class ThroughputBucket {
    private final double recordsPerNano;
    private final double bytesPerNano;
    private final double recordCapacity;
    private final double byteCapacity;
    private double records;
    private double bytes;
    private long lastNanos;

    ThroughputBucket(long recordsPerSecond, long bytesPerSecond) {
        this.recordsPerNano = recordsPerSecond / 1e9;
        this.bytesPerNano = bytesPerSecond / 1e9;
        this.recordCapacity = recordsPerSecond;
        this.byteCapacity = bytesPerSecond;
        this.records = recordsPerSecond;
        this.bytes = bytesPerSecond;
        this.lastNanos = System.nanoTime();
    }

    /** Takes one record of {@code size} bytes if both buckets allow it. */
    synchronized boolean tryAcquire(int size) {
        long now = System.nanoTime();
        long elapsed = now - lastNanos;
        lastNanos = now;
        records = Math.min(recordCapacity, records + elapsed * recordsPerNano);
        bytes = Math.min(byteCapacity, bytes + elapsed * bytesPerNano);
        if (records >= 1 && bytes >= size) {
            records -= 1;
            bytes -= size;
            return true;
        }
        return false;
    }
}
