package io.kdg4j.core.schema;

/**
 * Normally distributed numbers, clamped to [min, max] (infinite by default) and optionally rounded to
 * {@code precision} decimals (-1 keeps full doubles, 0 gives whole numbers).
 */
public record NormalSpec(double mean, double standardDeviation, double min, double max, int precision)
        implements ValueSpec {

    public NormalSpec clamp(double min, double max) {
        return new NormalSpec(mean, standardDeviation, min, max, precision);
    }

    public NormalSpec precision(int decimals) {
        return new NormalSpec(mean, standardDeviation, min, max, decimals);
    }
}
