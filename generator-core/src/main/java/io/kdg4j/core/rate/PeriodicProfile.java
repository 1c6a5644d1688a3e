package io.kdg4j.core.rate;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The KDG's "periodic" mode: a mean and a spread of records per second for each hour of the week (7 x 24, Sunday
 * first, on the UTC wall clock from the run's start), each hour's values moving linearly towards the next hour's
 * within the hour (KDG's intra-hour smoothing, without its wrap-around bugs at 22:00 and on Saturday night), and
 * each second's rate drawn from normal(mean, spread), never below zero. The draws come from a seed, so a run can be
 * replayed. Thread-safe.
 */
final class PeriodicProfile implements RateProfile {
    private final double[] means;
    private final double[] spreads;
    private final long seed;
    private final long startSecondOfWeek;
    private final double startFraction;
    /** cumulative[s] = records due in the first s seconds, grown as later times are asked for. */
    private double[] cumulative = new double[1];
    private int known;

    PeriodicProfile(double[][] means, double[][] spreads, long seed, Clock clock) {
        this(flatten(means, "mean"), flatten(spreads, "spread"), seed, clock.instant());
    }

    private PeriodicProfile(double[] means, double[] spreads, long seed, Instant start) {
        this.means = means;
        this.spreads = spreads;
        this.seed = seed;
        ZonedDateTime utc = start.atZone(ZoneOffset.UTC);
        int day = utc.getDayOfWeek().getValue() % 7; // Sunday = 0, as KDG's Date.getDay()
        this.startSecondOfWeek = day * 86_400L + utc.toLocalTime().toSecondOfDay();
        this.startFraction = utc.getNano() / 1e9;
    }

    private static double[] flatten(double[][] grid, String what) {
        if (grid.length != 7) {
            throw new IllegalArgumentException("periodic " + what + "s need 7 days (Sunday first) but had "
                    + grid.length);
        }
        double[] flat = new double[168];
        for (int day = 0; day < 7; day++) {
            if (grid[day].length != 24) {
                throw new IllegalArgumentException("periodic " + what + "s need 24 hours a day but day " + day
                        + " had " + grid[day].length);
            }
            for (int hour = 0; hour < 24; hour++) {
                double value = grid[day][hour];
                if (!(value >= 0) || Double.isInfinite(value)) {
                    throw new IllegalArgumentException("periodic " + what + " for day " + day + ", hour " + hour
                            + " must be a finite number >= 0 but was " + value);
                }
                flat[day * 24 + hour] = value;
            }
        }
        return flat;
    }

    @Override
    public RateProfile startingAt(Instant start) {
        return new PeriodicProfile(means, spreads, seed, start);
    }

    @Override
    public double rateAt(double seconds) {
        return rateOfSecond((long) Math.floor(seconds));
    }

    @Override
    public synchronized double recordsBy(double seconds) {
        if (seconds <= 0) {
            return 0;
        }
        long whole = (long) Math.floor(seconds);
        if (whole > Integer.MAX_VALUE - 2) {
            throw new IllegalArgumentException("a periodic run is limited to " + Integer.MAX_VALUE + " seconds");
        }
        while (known < whole) {
            if (known + 1 >= cumulative.length) {
                cumulative = Arrays.copyOf(cumulative, Math.max(1024, cumulative.length * 2));
            }
            cumulative[known + 1] = cumulative[known] + rateOfSecond(known);
            known++;
        }
        return cumulative[(int) whole] + rateOfSecond(whole) * (seconds - whole);
    }

    /** The rate of the run's second {@code s}: normal(mean, spread) at that moment of the week, at least 0. */
    private double rateOfSecond(long s) {
        double weekSeconds = (startSecondOfWeek + startFraction + s) % (7 * 86_400);
        int hour = (int) (weekSeconds / 3600);
        int next = (hour + 1) % 168;
        double within = (weekSeconds - hour * 3600.0) / 3600;
        double mean = means[hour] + (means[next] - means[hour]) * within;
        double spread = spreads[hour] + (spreads[next] - spreads[hour]) * within;
        return Math.max(0, mean + spread * gaussian(s));
    }

    private double gaussian(long second) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + second);
        double u1 = random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }
}
