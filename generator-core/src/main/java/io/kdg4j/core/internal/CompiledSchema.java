package io.kdg4j.core.internal;

import io.kdg4j.core.record.RecordTape;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

/**
 * A schema compiled into a tree of nodes: everything that can be decided once (word lists, alias tables,
 * formatters, encoded names) is decided here. Immutable and thread-safe; each generator adds its own
 * {@link GenContext}.
 */
public final class CompiledSchema {
    private final Node root;
    private final PartitionKeyPlan partitionKey;
    private final int slotCount;
    private final int stateCount;
    private final List<Locale> locales;

    CompiledSchema(Node root, PartitionKeyPlan partitionKey, int slotCount, int stateCount, List<Locale> locales) {
        this.root = root;
        this.partitionKey = partitionKey;
        this.slotCount = slotCount;
        this.stateCount = stateCount;
        this.locales = locales;
    }

    public GenContext newContext(RecordTape tape, Clock clock) {
        return new GenContext(tape, clock, slotCount, stateCount, locales);
    }

    /** The root seed of record {@code index} in a run seeded with {@code runSeed}. */
    public static long recordSeed(long runSeed, long index) {
        return Rng.child(Rng.mix(runSeed), index);
    }

    /** Writes record {@code index} onto the context's tape, replacing what was there. */
    public void generate(GenContext ctx, long recordSeed, long index) {
        ctx.index = index;
        ctx.recordSeed = recordSeed;
        ctx.generation++;
        ctx.tape.reset();
        root.generate(ctx, recordSeed);
    }

    /** The partition key of the record last generated in {@code ctx}. */
    public String partitionKey(GenContext ctx, long recordSeed) {
        return partitionKey.key(ctx, recordSeed);
    }
}
