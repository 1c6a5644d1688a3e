package io.kdg4j.core.schema;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Exact decimals uniform over [min, max] in steps of 10^-scale, written with exactly {@code scale} decimals:
 * money, prices, measurements.
 */
public record DecimalRangeSpec(BigDecimal min, BigDecimal max, int scale) implements ValueSpec {
    public DecimalRangeSpec {
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
    }

    public DecimalRangeSpec scale(int decimals) {
        return new DecimalRangeSpec(min, max, decimals);
    }
}
