package io.kdg4j.local.internal.kinesis;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The memory a store's records live in: 1 MiB blocks filled front to back, shared by all shards. A PutRecords body
 * in CBOR is read from the connection straight into a block, and its records are then kept where they lie in it,
 * so the bytes are written once, on arrival; before, each record was copied a second time into its shard's own
 * segment, into memory long out of cache, which was the largest part of a PutRecords call. Records that arrive
 * otherwise (JSON, PutRecord) are copied in.
 *
 * <p>A block is reused once nothing refers to it. It counts its references: one held by the arena while it is
 * being filled, one by each request whose body is in it until the request is handled, and one by each entry in a
 * shard's list of blocks (a shard refers to a block once however many of its records lie in it). A reference
 * that is never given back only keeps the block from being reused; the garbage collector still frees it.
 *
 * <p>A block lives as long as any record in it, so records that are few and far between (most of each request
 * throttled, say) can hold far more memory than their own bytes: the store bounds {@link #heldBytes()} as well as
 * the records' bytes. Thread-safe.
 */
final class RecordArena {
    static final int BLOCK_BYTES = SegmentPool.SEGMENT_BYTES;

    private final SegmentPool pool;
    private final AtomicLong heldBytes = new AtomicLong();
    private Block current;

    RecordArena(SegmentPool pool) {
        this.pool = pool;
    }

    /** The bytes of the blocks in use: what the records, and bodies being handled, hold in memory. */
    long heldBytes() {
        return heldBytes.get();
    }

    /**
     * Room for {@code length} bytes: a block holding one reference for the caller, who gives it back with
     * {@link Block#release()} when the bytes are stored or not needed. {@code offset[0]} gets where the room starts.
     */
    Block allocate(int length, int[] offset) {
        if (length > BLOCK_BYTES) {
            // a body larger than a block gets one of its own, which is never reused
            Block own = new Block(new byte[length], null, heldBytes);
            own.fill = length;
            offset[0] = 0;
            return own;
        }
        synchronized (this) {
            if (current == null || current.fill + length > BLOCK_BYTES) {
                if (current != null) {
                    current.release();
                }
                current = new Block(pool.take(BLOCK_BYTES), pool, heldBytes);
            }
            offset[0] = current.fill;
            current.fill += length;
            current.retain();
            return current;
        }
    }

    /** A block of record bytes; see {@link RecordArena}. */
    static final class Block {
        final byte[] bytes;
        private final SegmentPool pool;
        private final AtomicLong held;
        private final AtomicInteger references = new AtomicInteger(1);
        /** Guarded by the arena. */
        private int fill;

        private Block(byte[] bytes, SegmentPool pool, AtomicLong held) {
            this.bytes = bytes;
            this.pool = pool;
            this.held = held;
            held.addAndGet(bytes.length);
        }

        void retain() {
            references.incrementAndGet();
        }

        void release() {
            if (references.decrementAndGet() == 0) {
                held.addAndGet(-bytes.length);
                if (pool != null) {
                    pool.give(bytes);
                }
            }
        }
    }
}
