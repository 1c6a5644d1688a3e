package io.kdg4j.cli;

import io.kdg4j.core.run.GeneratorRun;
import io.kdg4j.core.run.RunStats;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows a run's progress on stderr: a progress bar (the progressbar library) with the rate and the counts when
 * the console is a terminal, else a plain line every few seconds that reads well in CI logs.
 */
final class SendProgress implements AutoCloseable {
    private static final long LINE_MILLIS = 5_000;

    private final GeneratorRun run;
    private final ProgressBar bar;
    private final PrintWriter plain;
    private final Thread thread;
    private volatile boolean done;

    SendProgress(GeneratorRun run, long total, boolean terminal, PrintWriter err) {
        this.run = run;
        if (terminal) {
            this.bar = new ProgressBarBuilder().setTaskName("send").setInitialMax(total > 0 ? total : -1)
                    .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).setUnit(" rec", 1)
                    .showSpeed().setConsumer(new ConsoleProgressBarConsumer(new PrintStream(System.err, true)))
                    .build();
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
            if (bar != null) {
                bar.stepTo(stats.acked());
                bar.setExtraMessage(String.format(Locale.ROOT, "failed %,d, retried %,d, in flight %,d",
                        stats.failed(), stats.retried(), stats.inFlight()));
            } else if (System.currentTimeMillis() >= next) {
                plain.println(line(stats));
                plain.flush();
                next += LINE_MILLIS;
            }
            try {
                Thread.sleep(bar != null ? 250 : 100);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    static String line(RunStats stats) {
        return String.format(Locale.ROOT, "kdg send: %.0f s, acked %,d, failed %,d, retried %,d, in flight %,d, "
                + "%,.0f records/s", stats.elapsed().toMillis() / 1000.0, stats.acked(), stats.failed(),
                stats.retried(), stats.inFlight(), stats.ackedPerSecond());
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
            bar.stepTo(run.stats().acked());
            bar.close();
        }
    }
}
