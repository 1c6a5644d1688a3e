package io.kdg4j.core.schema;

/**
 * start + step * (record index), restarting from start after {@code wrapAfter} values when wrapAfter is
 * positive (0 never wraps). Derived from the record index, so it holds when a run is split across processes.
 */
public record SequenceSpec(long start, long step, long wrapAfter) implements ValueSpec {

    /** A copy that cycles through {@code count} values (a positive number). */
    public SequenceSpec wrapAfter(long count) {
        return new SequenceSpec(start, step, count);
    }
}
