package io.kdg4j.core;

import io.kdg4j.core.internal.CompiledSchema;
import io.kdg4j.core.internal.EventSlot;
import io.kdg4j.core.internal.GenContext;
import io.kdg4j.core.record.RecordTape;
import java.time.Clock;
import java.util.Objects;

/**
 * Makes records of one schema in one run: record n is a pure function of (schema, seed, n) when the clock is
 * fixed, whatever thread or process makes it and in whatever order.
 *
 * <p>The low-level, allocation-free entry point: {@link #generate(long)} fills and returns a tape that is reused
 * by the next call. Most code wants {@link Records} instead.
 *
 * <p>Not thread-safe: use one per thread (they are cheap; the schema is compiled once and shared).
 */
public final class RecordGenerator {
    private final CompiledSchema schema;
    private final long seed;
    private final RecordTape tape = new RecordTape();
    private final GenContext context;
    private long lastRecordSeed;
    private boolean generated;

    private RecordGenerator(RecordSchema schema, long seed, Clock clock) {
        this.schema = schema.compiled();
        this.seed = seed;
        this.context = this.schema.newContext(tape, Objects.requireNonNull(clock, "clock"));
        this.context.runSeed(seed);
    }

    /** A generator on the system UTC clock. */
    public static RecordGenerator of(RecordSchema schema, long seed) {
        return of(schema, seed, Clock.systemUTC());
    }

    /** A generator whose wall-clock fields (timestamps, ULIDs) read {@code clock}. */
    public static RecordGenerator of(RecordSchema schema, long seed, Clock clock) {
        return new RecordGenerator(Objects.requireNonNull(schema, "schema"), seed, clock);
    }

    /** Makes record {@code index} (>= 0) and returns the tape holding it, valid until the next call. */
    public RecordTape generate(long index) {
        if (index < 0) {
            throw new IllegalArgumentException("index must be >= 0 but was " + index);
        }
        lastRecordSeed = CompiledSchema.recordSeed(seed, index);
        schema.generate(context, lastRecordSeed, index);
        generated = true;
        return tape;
    }

    /**
     * Makes a record whose randomness comes from {@code recordSeed} rather than from its index: a scenario
     * seeds an event from what it is (entity, sequence), not from where it falls in the run.
     */
    public RecordTape generateSeeded(long recordSeed, long index) {
        lastRecordSeed = recordSeed;
        schema.generate(context, recordSeed, index);
        generated = true;
        return tape;
    }

    /** Makes every following record describe the event in {@code slot} (the scenario sets it before each). */
    public void describeEvents(EventSlot slot) {
        context.event(slot);
    }

    /** The partition key of the record last made by {@link #generate(long)}. */
    public String partitionKey() {
        if (!generated) {
            throw new IllegalStateException("no record has been generated yet");
        }
        return schema.partitionKey(context, lastRecordSeed);
    }

    public long seed() {
        return seed;
    }
}
