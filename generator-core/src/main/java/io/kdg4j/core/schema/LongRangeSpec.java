package io.kdg4j.core.schema;

/** Whole numbers uniform over {min, min + step, ...} up to max inclusive. */
public record LongRangeSpec(long min, long max, long step) implements ValueSpec {

    /** The same range in steps of {@code step} (a positive whole number) from min. */
    public LongRangeSpec step(long step) {
        return new LongRangeSpec(min, max, step);
    }
}
