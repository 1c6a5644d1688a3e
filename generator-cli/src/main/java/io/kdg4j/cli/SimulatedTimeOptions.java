package io.kdg4j.cli;

import io.kdg4j.core.rate.RateSpecs;
import io.kdg4j.core.run.SimulatedTime;
import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * The {@code --sim-*} flags: KDG's periodic mode with "Lock to real time" off. {@link #simulatedTime()} reads them
 * into a {@link SimulatedTime}, or null when {@code --sim-time} is absent; a bad value is an
 * {@link IllegalArgumentException} that names the flag, the rule and the value.
 */
final class SimulatedTimeOptions {
    static final Duration KDG_TICK = Duration.ofSeconds(5);
    static final Duration KDG_WAIT = Duration.ofMillis(100);

    @Option(names = "--sim-time", paramLabel = "FROM..TO", description = "Simulated time: the clock of the records "
            + "and of the rate profile walks from FROM to TO (UTC unless an offset is given, e.g. "
            + "2026-01-01T00:00..2026-01-08T00:00), as fast as the endpoint takes records, and the run ends at TO.")
    String simTime;

    @Option(names = "--sim-speed", paramLabel = "Nx", description = "With --sim-time: N simulated seconds per second, "
            + "e.g. 3600x (an hour a second). With --scenario: its events are sent when due in its event time, "
            + "played N times as fast as real time (1x: real time).")
    String simSpeed;

    @Option(names = "--sim-tick", paramLabel = "D", description = "With --sim-time, KDG's way: D of simulated time at "
            + "once, then --sim-wait (default 5s).")
    String simTick;

    @Option(names = "--sim-wait", paramLabel = "D", description = "With --sim-time: the wait between ticks "
            + "(default 100ms; 0 for none).")
    String simWait;

    /** The simulated time the flags ask for, or null when there is no --sim-time. */
    SimulatedTime simulatedTime() {
        if (simTime == null) {
            if (simSpeed != null || simTick != null || simWait != null) {
                throw new IllegalArgumentException("--sim-speed, --sim-tick and --sim-wait need --sim-time FROM..TO");
            }
            return null;
        }
        SimulatedTime time;
        try {
            time = SimulatedTime.parse(simTime);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--sim-time: " + e.getMessage());
        }
        if (simSpeed != null && (simTick != null || simWait != null)) {
            throw new IllegalArgumentException("--sim-speed goes alone; --sim-tick and --sim-wait are the other way "
                    + "to pace simulated time");
        }
        if (simSpeed != null) {
            return time.speed(speed(simSpeed));
        }
        if (simTick != null || simWait != null) {
            Duration tick = simTick == null ? KDG_TICK : duration(simTick, "--sim-tick");
            Duration wait = simWait == null ? KDG_WAIT : simWait.trim().equals("0") ? Duration.ZERO
                    : duration(simWait, "--sim-wait");
            return time.ticks(tick, wait);
        }
        return time;
    }

    /**
     * For a scenario, which keeps its own event time: {@code --sim-speed Nx} plays it N times as fast as real time;
     * 0 without it.
     */
    double eventTimeSpeed() {
        if (simTime != null) {
            throw new IllegalArgumentException("--sim-time is for --template and --preset: a scenario keeps its own "
                    + "event time (--sim-speed Nx plays it at N times real time)");
        }
        if (simTick != null || simWait != null) {
            throw new IllegalArgumentException("--sim-tick and --sim-wait are for --sim-time: a scenario plays its "
                    + "event time with --sim-speed Nx");
        }
        return simSpeed == null ? 0 : speed(simSpeed);
    }

    private static double speed(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.endsWith("x")) {
            t = t.substring(0, t.length() - 1);
        }
        double factor;
        try {
            factor = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            factor = Double.NaN;
        }
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("--sim-speed must be a positive factor such as 3600x but was '" + text
                    + "'");
        }
        return factor;
    }

    private static Duration duration(String text, String flag) {
        try {
            return RateSpecs.duration(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(flag + ": " + e.getMessage());
        }
    }
}
