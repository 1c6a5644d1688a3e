package io.kdg4j.core.rate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

/**
 * How many records per second a run sends at each moment since it started. Immutable and thread-safe.
 *
 * <pre>{@code
 * RateProfile.constant(1_000)
 * RateProfile.ramp(100, 5_000, Duration.ofMinutes(1))          // then holds 5,000
 * RateProfile.parse("steps:1000/30s,5000/30s,2000")             // the last step holds
 * RateProfile.parse("sine:mean=1000,amplitude=500,period=10m")
 * RateProfile.parse("bursts:base=100,peak=5000,every=60s,for=5s")
 * }</pre>
 *
 * <p>Each profile knows its integral, {@link #recordsBy(double)}, in closed form: the limiter paces against the
 * integral, so no rounding error builds up over a long run.
 */
public sealed interface RateProfile permits RateProfile.Unlimited, RateProfile.Constant, RateProfile.Ramp,
        RateProfile.Steps, RateProfile.Sine, RateProfile.Diurnal, RateProfile.Bursts, RateProfile.Scaled,
        RateProfile.Compressed, PeriodicProfile {
    /** Records per second at {@code seconds} after the start. */
    double rateAt(double seconds);

    /** How many records are due in the first {@code seconds} of the run: the integral of {@link #rateAt}. */
    double recordsBy(double seconds);

    /** The same shape at {@code factor} times the rate (e.g. 1/N for one of N instances). */
    default RateProfile scaled(double factor) {
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("rate factor must be positive and finite but was " + factor);
        }
        return this instanceof Unlimited ? this : new Scaled(this, factor);
    }

    /**
     * The same rates in fast motion: what this profile does over {@code span} happens over {@code into}, e.g. a
     * day's diurnal shape in a minute for a test. Rates keep their values; only the time between them shrinks.
     */
    default RateProfile compressed(Duration span, Duration into) {
        double speedUp = seconds(span, "span") / seconds(into, "compressed span");
        if (speedUp == 1 || this instanceof Unlimited || this instanceof Constant) {
            return this;
        }
        return new Compressed(this, speedUp);
    }

    /**
     * This profile for a run whose first second is at {@code start} on the wall clock. Profiles tied to the time of
     * day or week ({@link #diurnal}, {@link #periodic}) then follow {@code start}'s day and hour; the others do not
     * depend on it and return themselves. Simulated time uses it to evaluate a profile at simulated instants.
     */
    default RateProfile startingAt(Instant start) {
        return this;
    }

    /** No pacing at all: as fast as the sink takes records. */
    static RateProfile unlimited() {
        return Unlimited.INSTANCE;
    }

    static RateProfile constant(double recordsPerSecond) {
        return new Constant(requireRate(recordsPerSecond, "rate"));
    }

    /** From {@code from} to {@code to} records/s linearly over {@code over}, then {@code to} for ever. */
    static RateProfile ramp(double from, double to, Duration over) {
        return new Ramp(requireRate(from, "ramp start"), requireRate(to, "ramp end"), seconds(over, "ramp length"));
    }

    /** Each step's rate for its duration, in order; the last step holds for ever. */
    static RateProfile steps(List<Step> steps) {
        return new Steps(steps);
    }

    /** {@code mean ± amplitude} records/s as a sine wave of the given period, starting at the mean, rising. */
    static RateProfile sine(double mean, double amplitude, Duration period) {
        return new Sine(requireRate(mean, "sine mean"), requireAmplitude(mean, amplitude), seconds(period, "period"),
                0);
    }

    /**
     * A day's traffic: a sine of period 24 h between {@code min} and {@code max} records/s, lowest at 02:00 and
     * highest at 14:00 UTC on {@code clock}'s wall clock, from wherever the day is when the run starts.
     */
    static RateProfile diurnal(double min, double max, Clock clock) {
        requireRate(min, "diurnal minimum");
        requireRate(max, "diurnal maximum");
        if (max < min) {
            throw new IllegalArgumentException("diurnal maximum must be >= minimum but was " + max + " < " + min);
        }
        return new Diurnal(min, max, Diurnal.secondOfDay(clock.instant()));
    }

    /**
     * The KDG's periodic mode: {@code means[day][hour]} and {@code spreads[day][hour]} records/s (7 x 24, Sunday
     * first, UTC) from {@code clock}'s wall clock at the start, smoothed within each hour towards the next, each
     * second's rate drawn from normal(mean, spread) with {@code seed}.
     */
    static RateProfile periodic(double[][] means, double[][] spreads, long seed, Clock clock) {
        return new PeriodicProfile(means, spreads, seed, clock);
    }

    /** {@link #periodic} with the same mean and spread for every hour of the week. */
    static RateProfile periodic(double mean, double spread, long seed, Clock clock) {
        double[][] means = new double[7][24];
        double[][] spreads = new double[7][24];
        for (int day = 0; day < 7; day++) {
            java.util.Arrays.fill(means[day], mean);
            java.util.Arrays.fill(spreads[day], spread);
        }
        return periodic(means, spreads, seed, clock);
    }

    /** {@code base} records/s with {@code peak} for the last {@code lasting} of every {@code every}. */
    static RateProfile bursts(double base, double peak, Duration every, Duration lasting) {
        double period = seconds(every, "burst period");
        double length = seconds(lasting, "burst length");
        if (length > period) {
            throw new IllegalArgumentException("burst length must be <= its period but was " + lasting + " > "
                    + every);
        }
        return new Bursts(requireRate(base, "burst base"), requireRate(peak, "burst peak"), period, length);
    }

    /**
     * Parses a profile as the command line writes it: a number ({@code 1000}), or {@code constant:R},
     * {@code ramp:FROM..TO/DURATION}, {@code steps:R/D,R/D,...,R}, {@code sine:mean=M,amplitude=A,period=D},
     * {@code diurnal:min=A,max=B}, {@code bursts:base=B,peak=P,every=D,for=D}, {@code periodic:mean=M,spread=S} or
     * {@code periodic:file=GRID.csv} (7 lines, Sunday first, of 24 {@code mean:spread} cells). Durations as in
     * {@link RateSpecs#duration(String)}: 10s, 5m, 1h, 250ms or ISO-8601.
     */
    static RateProfile parse(String spec) {
        return RateSpecs.profile(spec);
    }

    private static double requireRate(double rate, String what) {
        if (!(rate >= 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException(what + " must be a finite number of records/s >= 0 but was " + rate);
        }
        return rate;
    }

    private static double requireAmplitude(double mean, double amplitude) {
        if (!(amplitude >= 0) || amplitude > mean) {
            throw new IllegalArgumentException("sine amplitude must be in [0, mean] (" + mean + ") but was "
                    + amplitude);
        }
        return amplitude;
    }

    private static double seconds(Duration duration, String what) {
        Objects.requireNonNull(duration, what);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(what + " must be positive but was " + duration);
        }
        return duration.toNanos() / 1e9;
    }

    /** One step of {@link #steps(List)}: {@code recordsPerSecond} for {@code duration}. */
    record Step(double recordsPerSecond, Duration duration) {
        public Step {
            requireRate(recordsPerSecond, "step rate");
            seconds(duration, "step duration");
        }
    }

    /** No limit. */
    enum Unlimited implements RateProfile {
        INSTANCE;

        @Override
        public double rateAt(double seconds) {
            return Double.POSITIVE_INFINITY;
        }

        @Override
        public double recordsBy(double seconds) {
            return Double.POSITIVE_INFINITY;
        }

        @Override
        public String toString() {
            return "unlimited";
        }
    }

    /** A fixed rate. */
    record Constant(double recordsPerSecond) implements RateProfile {
        @Override
        public double rateAt(double seconds) {
            return recordsPerSecond;
        }

        @Override
        public double recordsBy(double seconds) {
            return recordsPerSecond * seconds;
        }
    }

    /** A linear ramp that then holds its end rate. */
    record Ramp(double from, double to, double rampSeconds) implements RateProfile {
        @Override
        public double rateAt(double seconds) {
            return seconds >= rampSeconds ? to : from + (to - from) * seconds / rampSeconds;
        }

        @Override
        public double recordsBy(double seconds) {
            if (seconds >= rampSeconds) {
                return (from + to) / 2 * rampSeconds + to * (seconds - rampSeconds);
            }
            return from * seconds + (to - from) * seconds * seconds / (2 * rampSeconds);
        }
    }

    /** Rates one after another; the last holds. */
    record Steps(List<Step> steps) implements RateProfile {
        public Steps {
            steps = List.copyOf(steps);
            if (steps.isEmpty()) {
                throw new IllegalArgumentException("steps must not be empty");
            }
        }

        @Override
        public double rateAt(double seconds) {
            double start = 0;
            for (int i = 0; i < steps.size() - 1; i++) {
                start += steps.get(i).duration().toNanos() / 1e9;
                if (seconds < start) {
                    return steps.get(i).recordsPerSecond();
                }
            }
            return steps.get(steps.size() - 1).recordsPerSecond();
        }

        @Override
        public double recordsBy(double seconds) {
            double start = 0;
            double records = 0;
            for (int i = 0; i < steps.size(); i++) {
                Step step = steps.get(i);
                double length = i == steps.size() - 1 ? Double.POSITIVE_INFINITY : step.duration().toNanos() / 1e9;
                if (seconds < start + length) {
                    return records + step.recordsPerSecond() * (seconds - start);
                }
                records += step.recordsPerSecond() * length;
                start += length;
            }
            return records;
        }
    }

    /** mean + amplitude * sin(2 pi (t + phase) / period). */
    record Sine(double mean, double amplitude, double periodSeconds, double phaseSeconds) implements RateProfile {
        @Override
        public double rateAt(double seconds) {
            return mean + amplitude * Math.sin(2 * Math.PI * (seconds + phaseSeconds) / periodSeconds);
        }

        @Override
        public double recordsBy(double seconds) {
            double w = 2 * Math.PI / periodSeconds;
            return mean * seconds + amplitude / w * (Math.cos(w * phaseSeconds) - Math.cos(w * (seconds
                    + phaseSeconds)));
        }
    }

    /** A sine of period 24 h between min and max, lowest at 02:00 and highest at 14:00 UTC. */
    record Diurnal(double min, double max, double startSecondOfDay) implements RateProfile {
        private static double secondOfDay(Instant instant) {
            LocalTime time = LocalTime.ofInstant(instant, ZoneOffset.UTC);
            return time.toSecondOfDay() + time.getNano() / 1e9;
        }

        private Sine sine() {
            // the sine is at its mean, rising, at 08:00
            return new Sine((min + max) / 2, (max - min) / 2, 24 * 3600, startSecondOfDay - 8 * 3600);
        }

        @Override
        public double rateAt(double seconds) {
            return sine().rateAt(seconds);
        }

        @Override
        public double recordsBy(double seconds) {
            return sine().recordsBy(seconds);
        }

        @Override
        public RateProfile startingAt(Instant start) {
            return new Diurnal(min, max, secondOfDay(start));
        }
    }

    /** A base rate with a burst at the end of every period. */
    record Bursts(double base, double peak, double periodSeconds, double burstSeconds) implements RateProfile {
        @Override
        public double rateAt(double seconds) {
            return seconds % periodSeconds >= periodSeconds - burstSeconds ? peak : base;
        }

        @Override
        public double recordsBy(double seconds) {
            double periods = Math.floor(seconds / periodSeconds);
            double quiet = periodSeconds - burstSeconds;
            double x = seconds - periods * periodSeconds;
            return periods * (base * quiet + peak * burstSeconds) + base * Math.min(x, quiet)
                    + peak * Math.max(0, x - quiet);
        }
    }

    /** Another profile times a factor. */
    record Scaled(RateProfile profile, double factor) implements RateProfile {
        @Override
        public double rateAt(double seconds) {
            return profile.rateAt(seconds) * factor;
        }

        @Override
        public double recordsBy(double seconds) {
            return profile.recordsBy(seconds) * factor;
        }

        @Override
        public RateProfile startingAt(Instant start) {
            return new Scaled(profile.startingAt(start), factor);
        }
    }

    /** Another profile in fast motion: its second {@code s * speedUp} at second {@code s}. */
    record Compressed(RateProfile profile, double speedUp) implements RateProfile {
        @Override
        public double rateAt(double seconds) {
            return profile.rateAt(seconds * speedUp);
        }

        @Override
        public double recordsBy(double seconds) {
            return profile.recordsBy(seconds * speedUp) / speedUp;
        }

        @Override
        public RateProfile startingAt(Instant start) {
            return new Compressed(profile.startingAt(start), speedUp);
        }
    }
}
