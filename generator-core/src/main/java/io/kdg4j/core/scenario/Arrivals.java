package io.kdg4j.core.scenario;

import java.time.Duration;
import java.util.Objects;

/**
 * When a population's entities come into being in a scenario: {@code initial} of them at the start, then one
 * every {@code every} of event time. Nothing refers to an entity before it arrives.
 */
public record Arrivals(int initial, Duration every) {
    public Arrivals {
        Objects.requireNonNull(every, "every");
        if (initial < 0) {
            throw new IllegalArgumentException("arrivals: initial must be >= 0 but was " + initial);
        }
        if (every.isNegative()) {
            throw new IllegalArgumentException("arrivals: every must not be negative but was " + every);
        }
    }

    /** Every entity exists from the start. */
    public static Arrivals allAtStart() {
        return new Arrivals(Integer.MAX_VALUE, Duration.ZERO);
    }

    public static Arrivals of(int initial, Duration every) {
        return new Arrivals(initial, every);
    }

    /** Event time (millis after the start) at which entity {@code index} arrives. */
    public long arrivalMillis(int index) {
        return index < initial ? 0 : (index - (long) initial + 1) * every.toMillis();
    }

    /** How many of {@code size} entities have arrived by {@code millis} after the start. */
    public int arrivedBy(long millis, int size) {
        if (initial >= size) {
            return size;
        }
        long everyMillis = every.toMillis();
        long later = everyMillis == 0 ? size : millis / everyMillis;
        return (int) Math.min(size, initial + later);
    }
}
