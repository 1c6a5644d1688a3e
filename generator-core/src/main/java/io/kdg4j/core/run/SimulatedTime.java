package io.kdg4j.core.run;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * A run on a simulated clock, as the KDG's periodic mode with "Lock to real time" off: time walks from {@code from}
 * to {@code to}, the rate profile is evaluated at the simulated instant, and every wall-clock timestamp a record
 * carries ({@code Fields.now()}, {@code date.now}, {@code date.utc}, {@code date.simTime}) is the simulated
 * instant at which the record is due. The run ends at {@code to}. Immutable.
 *
 * <pre>{@code
 * SimulatedTime week = SimulatedTime.between(Instant.parse("2026-01-01T00:00:00Z"),
 *         Instant.parse("2026-01-08T00:00:00Z"));           // as fast as the sink takes records
 * week.speed(3600);                                         // an hour of simulated time per second
 * week.ticks(Duration.ofSeconds(5), Duration.ofMillis(100)); // KDG: 5 s of data per tick, 100 ms between ticks
 * }</pre>
 *
 * <p>Records are due in simulated time as the rate profile says (its integral, second by second, with the
 * records of each second spread evenly within it), so the same profile, seed and span give the same records
 * with the same timestamps however fast they are sent.
 */
public record SimulatedTime(Instant from, Instant to, Pace pace) {
    /** The span a simulated clock can show (nanoseconds since the epoch in a long). */
    public static final Instant EARLIEST = Instant.parse("1700-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("2260-01-01T00:00:00Z");

    public SimulatedTime {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(pace, "pace");
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("simulated time must end after it starts, but " + from + ".." + to
                    + " does not");
        }
        if (from.isBefore(EARLIEST) || to.isAfter(LATEST)) {
            throw new IllegalArgumentException("simulated time must lie between " + EARLIEST + " and " + LATEST
                    + " but was " + from + ".." + to);
        }
    }

    /**
     * Reads {@code FROM..TO}, each a date ({@code 2026-01-01}, midnight) or a date-time ({@code 2026-01-01T06:00}),
     * in UTC unless it carries an offset ({@code 2026-01-01T06:00+01:00}); as fast as possible.
     */
    public static SimulatedTime parse(String range) {
        int dots = range.indexOf("..");
        if (dots < 0) {
            throw new IllegalArgumentException("simulated time must be FROM..TO, e.g. 2026-01-01T00:00..2026-01-08T00:00,"
                    + " but was '" + range + "'");
        }
        return between(parseInstant(range.substring(0, dots), "FROM"), parseInstant(range.substring(dots + 2), "TO"));
    }

    /** A date or date-time as {@link #parse} reads them; {@code what} names it in the error. */
    public static Instant parseInstant(String text, String what) {
        String t = text.trim();
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            // try without an offset
        }
        try {
            return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            // try a date
        }
        try {
            return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(what + " must be a date or date-time such as 2026-01-01, "
                    + "2026-01-01T00:00 or 2026-01-01T00:00:00+01:00, but was '" + t + "'");
        }
    }

    /** From {@code from} to {@code to}, as fast as the sink takes records. */
    public static SimulatedTime between(Instant from, Instant to) {
        return new SimulatedTime(from, to, new Pace.AsFastAsPossible());
    }

    /** The same span, {@code speedUp} simulated seconds per wall second (3600: an hour a second). */
    public SimulatedTime speed(double speedUp) {
        return new SimulatedTime(from, to, new Pace.Speed(speedUp));
    }

    /** The same span in KDG's way: {@code tick} of simulated time at once, then {@code wait} of wall time. */
    public SimulatedTime ticks(Duration tick, Duration wait) {
        return new SimulatedTime(from, to, new Pace.Ticks(tick, wait));
    }

    /** The simulated span. */
    public Duration span() {
        return Duration.between(from, to);
    }

    /** How fast simulated time goes by in wall time. */
    public sealed interface Pace {
        /** No waiting: only the sink, the byte cap and maxInFlight hold the run back. */
        record AsFastAsPossible() implements Pace {
            @Override
            public String toString() {
                return "as fast as possible";
            }
        }

        /** {@code speedUp} simulated seconds per wall second. */
        record Speed(double speedUp) implements Pace {
            public Speed {
                if (!(speedUp > 0) || Double.isInfinite(speedUp)) {
                    throw new IllegalArgumentException("simulated speed must be a positive factor such as 3600 but "
                            + "was " + speedUp);
                }
            }

            @Override
            public String toString() {
                return (speedUp == Math.rint(speedUp) ? String.valueOf((long) speedUp) : String.valueOf(speedUp))
                        + " simulated seconds per second";
            }
        }

        /** {@code tick} of simulated time as fast as possible, then {@code pause} of wall time, as KDG does. */
        record Ticks(Duration tick, Duration pause) implements Pace {
            public Ticks {
                Objects.requireNonNull(tick, "tick");
                Objects.requireNonNull(pause, "pause");
                if (tick.isNegative() || tick.isZero()) {
                    throw new IllegalArgumentException("a simulated tick must be positive but was " + tick);
                }
                if (pause.isNegative()) {
                    throw new IllegalArgumentException("the wait between simulated ticks must not be negative but "
                            + "was " + pause);
                }
            }

            @Override
            public String toString() {
                return tick.toMillis() / 1000.0 + " simulated seconds per tick, " + pause.toMillis() + " ms between "
                        + "ticks";
            }
        }
    }
}
