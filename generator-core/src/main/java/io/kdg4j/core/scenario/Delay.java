package io.kdg4j.core.scenario;

import java.time.Duration;
import java.util.Objects;

/** A distribution of durations: how long an entity stays in a state, the gap between sessions, how late. */
public sealed interface Delay {

    static Delay fixed(Duration duration) {
        return new Fixed(duration);
    }

    /** Memoryless: mostly short, sometimes long; the mean is {@code mean}. */
    static Delay exponential(Duration mean) {
        return new Exponential(mean);
    }

    static Delay uniform(Duration min, Duration max) {
        return new Uniform(min, max);
    }

    record Fixed(Duration duration) implements Delay {
        public Fixed {
            requireNotNegative(duration, "duration");
        }
    }

    record Exponential(Duration mean) implements Delay {
        public Exponential {
            requireNotNegative(mean, "mean");
        }
    }

    record Uniform(Duration min, Duration max) implements Delay {
        public Uniform {
            requireNotNegative(min, "min");
            requireNotNegative(max, "max");
            if (max.compareTo(min) < 0) {
                throw new IllegalArgumentException("delay: max " + max + " is less than min " + min);
            }
        }
    }

    private static void requireNotNegative(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative()) {
            throw new IllegalArgumentException("delay: " + name + " must not be negative but was " + duration);
        }
    }
}
