package io.kdg4j.cli;

import io.kdg4j.core.run.GeneratorRun;
import io.kdg4j.core.run.RunStats;
import io.kdg4j.core.run.SimulatedTime;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows a run's progress on stderr: a progress bar (the progressbar library) when the console is a terminal, else
 * a plain line every few seconds that reads well in CI logs. Rates are over the last {@value #WINDOW_SECONDS}
 * seconds, acked and failed apart; the percentage is of the records asked for, or of the time with a duration.
 */
final class SendProgress implements AutoCloseable {
    static final int WINDOW_SECONDS = 5;
    private static final long LINE_MILLIS = 5_000;
    private static final long SAMPLE_MILLIS = 250;

    /** What the run is heading for: a number of records, a time, the end of simulated time, or none of these. */
    record Goal(long records, Duration duration, SimulatedTime simulated) {
        static Goal records(long records) {
            return new Goal(records, null, null);
        }

        static Goal duration(Duration duration) {
            return new Goal(-1, duration, null);
        }

        static Goal simulated(SimulatedTime time) {
            return new Goal(-1, null, time);
        }

        static Goal none() {
            return new Goal(-1, null, null);
        }

        /** Done so far, in [0, 100], or -1 when there is no goal. */
        double percent(RunStats stats, Instant simulatedNow) {
            if (simulated != null) {
                return simulatedNow == null ? 0 : Math.min(100, 100.0 * simulatedMillis(simulatedNow)
                        / Math.max(1, simulated.span().toMillis()));
            }
            if (duration != null) {
                return Math.min(100, 100.0 * stats.elapsed().toNanos() / Math.max(1, duration.toNanos()));
            }
            if (records > 0) {
                return Math.min(100, 100.0 * (stats.acked() + stats.failed()) / records);
            }
            return -1;
        }

        long simulatedMillis(Instant simulatedNow) {
            return Math.max(0, Duration.between(simulated.from(), simulatedNow).toMillis());
        }

        String describe() {
            if (simulated != null) {
                return "simulated " + simulated.from() + ".." + simulated.to();
            }
            if (duration != null) {
                return Durations.describe(duration);
            }
            return String.format(Locale.ROOT, "%,d records", records);
        }
    }

    private final GeneratorRun run;
    private final Goal goal;
    private final String task;
    private final ProgressBar bar;
    private final PrintWriter plain;
    private final RateWindow window = new RateWindow(WINDOW_SECONDS * 1_000_000_000L);
    private final Thread thread;
    private volatile boolean done;

    SendProgress(GeneratorRun run, Goal goal, boolean terminal, PrintWriter err, String task) {
        this.run = run;
        this.goal = goal;
        this.task = task;
        if (terminal) {
            ProgressBarBuilder builder = new ProgressBarBuilder().setTaskName(task)
                    .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis((int) SAMPLE_MILLIS)
                    .setConsumer(new ConsoleProgressBarConsumer(new PrintStream(System.err, true)));
            if (goal.simulated() != null) {
                builder.setInitialMax(goal.simulated().span().toMillis()).setUnit(" simulated s", 1000);
            } else if (goal.duration() != null) {
                builder.setInitialMax(goal.duration().toMillis()).setUnit(" s", 1000);
            } else {
                builder.setInitialMax(goal.records() > 0 ? goal.records() : -1).setUnit(" rec", 1);
            }
            this.bar = builder.build();
            this.plain = null;
        } else {
            this.bar = null;
            this.plain = err;
        }
        this.thread = new Thread(this::report, "kdg-progress");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void report() {
        long next = System.currentTimeMillis() + LINE_MILLIS;
        while (!done) {
            RunStats stats = run.stats();
            window.add(System.nanoTime(), stats.acked(), stats.failed());
            if (bar != null) {
                bar.stepTo(barPosition(stats));
                bar.setExtraMessage(counts(stats, window));
            } else if (System.currentTimeMillis() >= next) {
                plain.println(line(task, stats, window, goal, run.simulatedNow().orElse(null)));
                plain.flush();
                next += LINE_MILLIS;
            }
            try {
                Thread.sleep(SAMPLE_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    static String counts(RunStats stats, RateWindow window) {
        return String.format(Locale.ROOT, "acked %,d (%,.0f/s), failed %,d (%,.0f/s), retried %,d, in flight %,d",
                stats.acked(), window.ackedPerSecond(), stats.failed(), window.failedPerSecond(), stats.retried(),
                stats.inFlight());
    }

    static String line(String task, RunStats stats, RateWindow window, Goal goal, Instant simulatedNow) {
        double percent = goal.percent(stats, simulatedNow);
        return String.format(Locale.ROOT, "kdg %s: %.0f s%s%s, %s", task, stats.elapsed().toMillis() / 1000.0,
                percent < 0 ? "" : String.format(Locale.ROOT, ", %.0f%% of %s", percent, goal.describe()),
                simulatedNow == null ? "" : " (at " + simulatedNow.truncatedTo(ChronoUnit.SECONDS) + ")",
                counts(stats, window));
    }

    private long barPosition(RunStats stats) {
        if (goal.simulated() != null) {
            return run.simulatedNow().map(goal::simulatedMillis).orElse(0L);
        }
        return goal.duration() != null ? Math.min(stats.elapsed().toMillis(), bar.getMax())
                : stats.acked() + stats.failed();
    }

    @Override
    public void close() {
        done = true;
        thread.interrupt();
        try {
            thread.join(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (bar != null) {
            bar.stepTo(barPosition(run.stats()));
            bar.close();
        }
    }
}
