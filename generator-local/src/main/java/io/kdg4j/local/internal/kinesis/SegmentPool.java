package io.kdg4j.local.internal.kinesis;

import java.util.ArrayDeque;

/**
 * Segments that trimming released, kept for the next shard that needs one. A fresh segment is a humongous
 * allocation for G1 (a mebibyte and its header span two regions) and is zeroed before use; at the byte cap the
 * store releases a segment about as often as it fills one, so recycling them removes both costs from PutRecords.
 * A recycled segment still holds old bytes, but a shard only reads the ranges it has written. Thread-safe; keeps
 * at most {@value #MAX_KEPT} segments.
 */
final class SegmentPool {
    static final int SEGMENT_BYTES = 1 << 20;
    private static final int MAX_KEPT = 16;

    private final ArrayDeque<byte[]> free = new ArrayDeque<>();

    /** A segment of at least {@code bytes} (a record bigger than a segment gets one of its own size). */
    byte[] take(int bytes) {
        if (bytes <= SEGMENT_BYTES) {
            synchronized (this) {
                byte[] segment = free.poll();
                if (segment != null) {
                    return segment;
                }
            }
        }
        return new byte[Math.max(SEGMENT_BYTES, bytes)];
    }

    /** Gives back a segment that no record uses any more. */
    void give(byte[] segment) {
        if (segment.length == SEGMENT_BYTES) {
            synchronized (this) {
                if (free.size() < MAX_KEPT) {
                    free.push(segment);
                }
            }
        }
    }
}
