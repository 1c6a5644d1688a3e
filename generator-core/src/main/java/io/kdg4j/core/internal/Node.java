package io.kdg4j.core.internal;

/**
 * One compiled piece of a schema. {@code generate} appends exactly one value to the context's tape, drawing
 * randomness only from the stream seeded with {@code seed}. Nodes are immutable and shared by every generator
 * of a schema; all mutable state lives in the {@link GenContext}.
 */
abstract class Node {

    abstract void generate(GenContext ctx, long seed);

    /** True when the value never depends on its seed, so callers need not derive one. */
    boolean ignoresSeed() {
        return false;
    }
}
