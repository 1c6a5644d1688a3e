package io.kdg4j.core.run;

import io.kdg4j.core.InstanceShare;
import io.kdg4j.core.rate.RateProfile;
import io.kdg4j.core.rate.Ticker;
import java.time.Clock;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * Drives the simulated clock of one run: before each record of this instance's share it moves the clock to the
 * record's due instant and waits as long as the {@link SimulatedTime.Pace} says. The generating thread owns it;
 * {@link #now()} may be read from any thread.
 */
final class SimulatedRun {
    private final SimulatedTime time;
    private final SimulatedClock clock;
    private final SimulatedSchedule schedule;
    private final InstanceShare share;
    private final Ticker ticker;
    private final long fromEpochNanos;
    private long startNanos;
    private long globalIndex;
    private long currentTick;

    SimulatedRun(SimulatedTime time, RateProfile rate, InstanceShare share, Ticker ticker) {
        this.time = time;
        this.clock = new SimulatedClock(time.from());
        this.fromEpochNanos = SimulatedClock.epochNanos(time.from());
        double span = time.span().toNanos() / 1e9;
        this.schedule = new SimulatedSchedule(rate.startingAt(time.from()), span);
        this.share = share;
        this.ticker = ticker;
    }

    Clock clock() {
        return clock;
    }

    void startAt(long nanos) {
        startNanos = nanos;
    }

    /** The simulated instant of the latest record. */
    Instant now() {
        return clock.instant();
    }

    /**
     * Moves the clock to this share's next record and waits for it as the pace says; false at the end of the span
     * or as soon as {@code cancelled} says so.
     */
    boolean advance(BooleanSupplier cancelled) throws InterruptedException {
        double offset;
        do {
            offset = schedule.next();
            if (offset < 0) {
                return false;
            }
        } while (globalIndex++ % share.count() != share.instance());
        clock.setEpochNanos(fromEpochNanos + Math.round(offset * 1e9));
        SimulatedTime.Pace pace = time.pace();
        if (pace instanceof SimulatedTime.Pace.Speed speed) {
            return waitUntil(startNanos + Math.round(offset / speed.speedUp() * 1e9), cancelled);
        }
        if (pace instanceof SimulatedTime.Pace.Ticks ticks) {
            long tick = (long) Math.floor(offset * 1e9 / ticks.tick().toNanos());
            long crossed = tick - currentTick;
            currentTick = tick;
            if (crossed > 0) {
                return waitUntil(ticker.nanoTime() + crossed * ticks.pause().toNanos(), cancelled);
            }
        }
        return !cancelled.getAsBoolean();
    }

    private boolean waitUntil(long deadline, BooleanSupplier cancelled) throws InterruptedException {
        return Waiting.until(ticker, deadline, cancelled);
    }
}
