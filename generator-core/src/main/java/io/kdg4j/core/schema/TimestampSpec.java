package io.kdg4j.core.schema;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A point in time from the wall clock (the generator's {@link java.time.Clock}) or from an event-time clock
 * (start + index * step, with optional jitter and late, out-of-order records), rendered as ISO-8601
 * ({@code 2026-11-22T10:27:21.123Z}), epoch milliseconds, epoch seconds, or a {@link
 * java.time.format.DateTimeFormatter} pattern, in a zone (UTC by default).
 */
public record TimestampSpec(TimeSource source, TimeFormat format, String pattern, ZoneId zone) implements ValueSpec {

    public TimestampSpec {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(zone, "zone");
    }

    /** Where the instants come from. */
    public sealed interface TimeSource permits WallClock, EventTime {
    }

    /**
     * The generator's clock at the moment the record is made, moved by a uniform random offset in
     * [minOffset, maxOffset] (both zero by default): {@code (-365 days, 0)} is "some time in the past year".
     */
    public record WallClock(Duration minOffset, Duration maxOffset) implements TimeSource {
        public WallClock {
            Objects.requireNonNull(minOffset, "minOffset");
            Objects.requireNonNull(maxOffset, "maxOffset");
        }
    }

    /**
     * Event time: record n is at start + n * step, moved by a uniform jitter in [-jitter, +jitter], and, for
     * a fraction of records, made late by up to maxLateness (out of order).
     */
    public record EventTime(Instant start, Duration step, Duration jitter, double outOfOrderFraction,
                            Duration maxLateness) implements TimeSource {
        public EventTime {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(step, "step");
            Objects.requireNonNull(jitter, "jitter");
            Objects.requireNonNull(maxLateness, "maxLateness");
        }
    }

    /**
     * ISO-8601 with milliseconds; epoch numbers; a {@link java.time.format.DateTimeFormatter} pattern; or a
     * moment.js format (as KDG templates write them: {@code YYYY-MM-DD HH:mm:ss}, {@code x}, {@code X}...).
     */
    public enum TimeFormat { ISO, EPOCH_MILLIS, EPOCH_SECONDS, PATTERN, MOMENT }

    public static TimestampSpec wallClock() {
        return new TimestampSpec(new WallClock(Duration.ZERO, Duration.ZERO), TimeFormat.ISO, null, ZoneOffset.UTC);
    }

    public static TimestampSpec eventTime(Instant start, Duration step) {
        return new TimestampSpec(new EventTime(start, step, Duration.ZERO, 0, Duration.ZERO), TimeFormat.ISO, null,
                ZoneOffset.UTC);
    }

    public TimestampSpec iso() {
        return new TimestampSpec(source, TimeFormat.ISO, null, zone);
    }

    public TimestampSpec epochMillis() {
        return new TimestampSpec(source, TimeFormat.EPOCH_MILLIS, null, zone);
    }

    public TimestampSpec epochSeconds() {
        return new TimestampSpec(source, TimeFormat.EPOCH_SECONDS, null, zone);
    }

    /** A {@link java.time.format.DateTimeFormatter} pattern such as {@code yyyy-MM-dd HH:mm:ss}. */
    public TimestampSpec pattern(String pattern) {
        return new TimestampSpec(source, TimeFormat.PATTERN, Objects.requireNonNull(pattern, "pattern"), zone);
    }

    /** A moment.js format string, e.g. {@code DD/MMM/YYYY:HH:mm:ss ZZ}; {@code x} and {@code X} are epochs. */
    public TimestampSpec momentPattern(String momentFormat) {
        return new TimestampSpec(source, TimeFormat.MOMENT, Objects.requireNonNull(momentFormat, "momentFormat"),
                zone);
    }

    /**
     * Wall clock only: each instant is the clock's time plus a uniform offset in [minOffset, maxOffset], e.g.
     * {@code now().shifted(Duration.ofDays(-365), Duration.ZERO)} for a time in the past year.
     */
    public TimestampSpec shifted(Duration minOffset, Duration maxOffset) {
        if (!(source instanceof WallClock)) {
            throw new IllegalStateException("shifted applies to wall-clock timestamps (Fields.now), not to event "
                    + "time");
        }
        return withSource(new WallClock(minOffset, maxOffset));
    }

    public TimestampSpec zone(ZoneId zone) {
        return new TimestampSpec(source, format, pattern, zone);
    }

    public TimestampSpec zone(String zoneId) {
        return zone(ZoneId.of(zoneId));
    }

    /** Event time only: each instant moves by a uniform offset in [-jitter, +jitter]. */
    public TimestampSpec jitter(Duration jitter) {
        EventTime e = requireEventTime("jitter");
        return withSource(new EventTime(e.start(), e.step(), jitter, e.outOfOrderFraction(), e.maxLateness()));
    }

    /** Event time only: a {@code fraction} of records arrive late by a uniform delay in (0, maxLateness]. */
    public TimestampSpec outOfOrder(double fraction, Duration maxLateness) {
        EventTime e = requireEventTime("outOfOrder");
        return withSource(new EventTime(e.start(), e.step(), e.jitter(), fraction, maxLateness));
    }

    private TimestampSpec withSource(TimeSource newSource) {
        return new TimestampSpec(newSource, format, pattern, zone);
    }

    private EventTime requireEventTime(String option) {
        if (source instanceof EventTime e) {
            return e;
        }
        throw new IllegalStateException(option + " applies to event-time timestamps (Fields.eventTime), "
                + "not to the wall clock");
    }
}
