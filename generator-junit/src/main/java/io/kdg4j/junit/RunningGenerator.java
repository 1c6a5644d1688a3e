package io.kdg4j.junit;

import io.kdg4j.core.scenario.ScenarioTally;
import io.kdg4j.core.scenario.StreamCounts;
import java.util.Map;
import io.kdg4j.core.run.Generator;
import io.kdg4j.core.run.GeneratorRun;
import io.kdg4j.core.run.RunStats;
import io.kdg4j.core.run.RunSummary;
import io.kdg4j.core.run.RecordSink;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * A generator injected by {@link KinesisGenerator}: started before the test (or by {@link #start()} in manual
 * mode), stopped and its sink closed after the test by the extension. Thread-safe.
 */
public final class RunningGenerator {
    private final String name;
    private final long seed;
    private final Generator generator;
    private final RecordSink sink;
    private final ScenarioTally tally;
    private GeneratorRun run;

    RunningGenerator(String name, long seed, Generator generator, RecordSink sink) {
        this(name, seed, generator, sink, null);
    }

    /** A scenario's generator, counting its events per stream into {@code tally}. */
    RunningGenerator(String name, long seed, Generator generator, RecordSink sink, ScenarioTally tally) {
        this.name = name;
        this.seed = seed;
        this.generator = generator;
        this.sink = sink;
        this.tally = tally;
    }

    /** Starts sending; only needed in {@link StartMode#MANUAL}. Starting twice is an error. */
    public synchronized RunningGenerator start() {
        if (run != null) {
            throw new IllegalStateException("generator for " + name + " is already started");
        }
        run = generator.to(sink).start();
        return this;
    }

    /** Waits until every record has an outcome and returns the summary. */
    public RunSummary awaitCompletion(Duration timeout) throws InterruptedException, TimeoutException {
        return started().awaitCompletion(timeout);
    }

    /** Stops sending; records in flight still get their outcome. */
    public void stop() {
        GeneratorRun current = current();
        if (current != null) {
            current.stop();
        }
    }

    /** The counts now (all zero before the start). */
    public RunStats stats() {
        GeneratorRun current = current();
        return current != null ? current.stats() : new RunStats(0, 0, 0, 0, 0, 0, Duration.ZERO);
    }

    /**
     * A scenario's events so far per stream (those sent, how many late, how many copies); empty for records of one
     * destination.
     */
    public Map<String, StreamCounts> streamCounts() {
        return tally == null ? Map.of() : tally.counts();
    }

    /** The stream or delivery stream it sends to (for a scenario, {@code streams a, b, c}). */
    public String destination() {
        return name;
    }

    /** The seed of its records: pass it as {@code seed} to replay them. */
    public long seed() {
        return seed;
    }

    public synchronized boolean isStarted() {
        return run != null;
    }

    private synchronized GeneratorRun current() {
        return run;
    }

    private GeneratorRun started() {
        GeneratorRun current = current();
        if (current == null) {
            throw new IllegalStateException("generator for " + name + " was not started (startMode = MANUAL: call "
                    + "start())");
        }
        return current;
    }

    /** Stops the run, waits for its records' outcomes and closes the sink. */
    void close() throws InterruptedException {
        GeneratorRun current = current();
        if (current != null) {
            current.close();
        }
        sink.close();
    }
}
