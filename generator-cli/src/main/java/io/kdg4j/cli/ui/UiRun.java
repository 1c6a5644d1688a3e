package io.kdg4j.cli.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kdg4j.cli.RateWindow;
import io.kdg4j.core.rate.RateProfile;
import io.kdg4j.core.run.GeneratorRun;
import io.kdg4j.core.run.RecordSink;
import io.kdg4j.core.run.RunStats;
import io.kdg4j.core.run.RunSummary;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One run started from the page: its generator run, the sink it owns, and a bounded history of samples for the
 * live view. A page left open for hours costs a fixed amount: the history keeps the last {@value #HISTORY}
 * samples. Thread-safe.
 */
final class UiRun {
    /** Four samples a second: ten minutes of history. */
    static final int HISTORY = 2_400;
    private static final long WINDOW_NANOS = 5_000_000_000L;

    private final int id;
    private final String source;
    private final String target;
    private final RateProfile rate;
    private final GeneratorRun run;
    private final RecordSink sink;
    private final RateWindow window = new RateWindow(WINDOW_NANOS);
    private final ArrayDeque<double[]> history = new ArrayDeque<>();
    private final Supplier<JsonNode> perStream;
    private volatile RunSummary summary;
    private volatile boolean stopRequested;

    UiRun(int id, String source, String target, RateProfile rate, GeneratorRun run, RecordSink sink) {
        this(id, source, target, rate, run, sink, null);
    }

    /** {@code perStream}: a scenario's counts per stream, shown beside the run's (null for one destination). */
    UiRun(int id, String source, String target, RateProfile rate, GeneratorRun run, RecordSink sink,
            Supplier<JsonNode> perStream) {
        this.perStream = perStream;
        this.id = id;
        this.source = source;
        this.target = target;
        this.rate = rate;
        this.run = run;
        this.sink = sink;
        run.completion().whenComplete((done, failure) -> {
            summary = done != null ? done : run.summarySoFar("the run failed: " + failure);
            sink.close();
        });
    }

    int id() {
        return id;
    }

    boolean isDone() {
        return summary != null;
    }

    void stop() {
        stopRequested = true;
        run.stop();
    }

    /** Takes a sample of the counts: every 250 ms while the run goes on. */
    synchronized void sample() {
        RunStats stats = run.stats();
        window.add(System.nanoTime(), stats.acked(), stats.failed());
        double seconds = stats.elapsed().toNanos() / 1e9;
        double asked = rate instanceof RateProfile.Unlimited ? Double.NaN : rate.rateAt(seconds);
        history.addLast(new double[] {seconds, asked, window.ackedPerSecond(), stats.throttled()});
        while (history.size() > HISTORY) {
            history.removeFirst();
        }
    }

    synchronized int historySize() {
        return history.size();
    }

    /** The counts now, the latest rates, and the history since {@code sinceIndex} samples ago at most. */
    synchronized ObjectNode snapshot(boolean withHistory) {
        RunStats stats = run.stats();
        ObjectNode node = Exchanges.JSON.createObjectNode();
        node.put("id", id).put("source", source).put("target", target)
                .put("state", summary != null ? (stopRequested ? "stopped" : "done") : stopRequested ? "stopping"
                        : "running")
                .put("generated", stats.generated()).put("acked", stats.acked()).put("failed", stats.failed())
                .put("retried", stats.retried()).put("throttled", stats.throttled()).put("inFlight", stats.inFlight())
                .put("elapsedSeconds", stats.elapsed().toMillis() / 1000.0)
                .put("ackedPerSecond", Math.round(window.ackedPerSecond()))
                .put("failedPerSecond", Math.round(window.failedPerSecond()))
                .put("simulatedTime", run.simulatedNow().map(now -> now.truncatedTo(ChronoUnit.SECONDS).toString())
                        .orElse("real time"));
        if (rate instanceof RateProfile.Unlimited) {
            node.putNull("askedPerSecond");
        } else {
            node.put("askedPerSecond", Math.round(rate.rateAt(stats.elapsed().toNanos() / 1e9)));
        }
        ObjectNode byCode = node.putObject("failedByCode");
        for (Map.Entry<String, Long> entry : run.failedByCode().entrySet()) {
            byCode.put(entry.getKey(), entry.getValue());
        }
        if (perStream != null) {
            node.set("streams", perStream.get());
        }
        ArrayNode errors = node.putArray("firstErrors");
        run.firstErrors().forEach(errors::add);
        RunSummary done = summary;
        if (done != null) {
            node.put("error", done.error());
            node.set("summary", Exchanges.JSON.valueToTree(jsonSummary(done)));
        }
        if (withHistory) {
            ArrayNode points = node.putArray("history");
            for (double[] sample : history) {
                ArrayNode point = points.addArray();
                point.add(sample[0]);
                if (Double.isNaN(sample[1])) {
                    point.addNull();
                } else {
                    point.add(sample[1]);
                }
                point.add(sample[2]).add(sample[3]);
            }
        }
        return node;
    }

    private static Object jsonSummary(RunSummary summary) {
        try {
            return Exchanges.JSON.readTree(summary.toJson());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
