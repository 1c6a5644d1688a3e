package io.kdg4j.local.internal.kinesis;

import java.util.ArrayDeque;

/**
 * The memory of {@link RecordArena} blocks nothing refers to any more, kept for the arena's next block. A fresh
 * segment is a humongous allocation for G1 (a mebibyte and its header span two regions) and is zeroed before use;
 * at the byte cap the store frees a block about as often as it fills one, so recycling them removes both costs
 * from PutRecords. A recycled segment still holds old bytes, but records are only read from ranges written for
 * them. Thread-safe; keeps at most {@value #MAX_KEPT} segments.
 */
final class SegmentPool {
    static final int SEGMENT_BYTES = 1 << 20;
    private static final int MAX_KEPT = 16;

    private final ArrayDeque<byte[]> free = new ArrayDeque<>();
    private int allocated;

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
        synchronized (this) {
            allocated++;
        }
        return new byte[Math.max(SEGMENT_BYTES, bytes)];
    }

    /** How many segments were allocated rather than reused (for tests). */
    synchronized int allocated() {
        return allocated;
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
