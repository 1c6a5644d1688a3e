package io.kdg4j.core.schema;

/**
 * Exponentially distributed non-negative numbers with the given mean (inter-arrival times, session lengths),
 * capped at {@code max} (infinite by default) and optionally rounded to {@code precision} decimals.
 */
public record ExponentialSpec(double mean, double max, int precision) implements ValueSpec {

    public ExponentialSpec max(double max) {
        return new ExponentialSpec(mean, max, precision);
    }

    public ExponentialSpec precision(int decimals) {
        return new ExponentialSpec(mean, max, decimals);
    }
}
