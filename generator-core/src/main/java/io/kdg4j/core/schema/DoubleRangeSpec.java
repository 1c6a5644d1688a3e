package io.kdg4j.core.schema;

/**
 * Numbers uniform in [min, max]. With a precision (decimal places, 0 to 15) values are rounded to it, both
 * bounds can occur and the JSON has exactly that many decimals; without one ({@code precision == -1}) they are
 * full doubles in [min, max).
 */
public record DoubleRangeSpec(double min, double max, int precision) implements ValueSpec {
    public static final int FULL_PRECISION = -1;

    public DoubleRangeSpec precision(int decimals) {
        return new DoubleRangeSpec(min, max, decimals);
    }
}
