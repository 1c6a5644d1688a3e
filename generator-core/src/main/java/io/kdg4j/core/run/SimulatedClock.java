package io.kdg4j.core.run;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The clock records read in a simulated run: the generating thread sets it to each record's due instant before
 * making the record. One volatile long (nanoseconds since the epoch, so years 1678 to 2261), so a reader on
 * another thread (progress) always sees a whole instant.
 */
final class SimulatedClock extends Clock {
    private volatile long epochNanos;

    SimulatedClock(Instant start) {
        set(start);
    }

    void set(Instant instant) {
        epochNanos = epochNanos(instant);
    }

    void setEpochNanos(long nanos) {
        epochNanos = nanos;
    }

    static long epochNanos(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
    }

    @Override
    public Instant instant() {
        long now = epochNanos;
        return Instant.ofEpochSecond(Math.floorDiv(now, 1_000_000_000L), Math.floorMod(now, 1_000_000_000L));
    }

    @Override
    public long millis() {
        return Math.floorDiv(epochNanos, 1_000_000L);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a simulated clock is in UTC");
    }
}
