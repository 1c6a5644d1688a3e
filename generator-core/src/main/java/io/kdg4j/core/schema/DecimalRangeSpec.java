package io.kdg4j.core.schema;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Exact decimals uniform over the multiples of {@code step} in [min, max], written with as many decimals as
 * the step has: money ({@code step 0.01}), prices in quarters ({@code 0.25}), measurements.
 */
public record DecimalRangeSpec(BigDecimal min, BigDecimal max, BigDecimal step) implements ValueSpec {
    public DecimalRangeSpec {
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        Objects.requireNonNull(step, "step");
    }

    /** Steps of 10^-decimals: {@code scale(2)} gives cents. */
    public DecimalRangeSpec scale(int decimals) {
        return new DecimalRangeSpec(min, max, BigDecimal.ONE.movePointLeft(decimals));
    }

    /** Multiples of {@code step} (a positive decimal such as "0.25" or "5"). */
    public DecimalRangeSpec step(String step) {
        return new DecimalRangeSpec(min, max, new BigDecimal(step));
    }
}
