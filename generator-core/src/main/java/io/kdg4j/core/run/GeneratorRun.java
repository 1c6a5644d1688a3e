package io.kdg4j.core.run;

import io.kdg4j.core.GeneratedRecord;
import io.kdg4j.core.rate.RateLimiter;
import io.kdg4j.core.rate.RateProfile;
import io.kdg4j.core.rate.Ticker;
import io.kdg4j.core.scenario.ScenarioRecords;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.function.LongFunction;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

/**
 * A started run: live {@link #stats()}, {@link #stop()}, and the final {@link RunSummary} once every record has
 * an outcome. Thread-safe. Closing it stops the run and waits for the summary.
 *
 * <p>One thread generates, paces and hands records to the sink; it waits whenever
 * {@link Generator#maxInFlight(int)} records are without an outcome, so it never runs further ahead of the sink.
 * Stopping (or reaching a limit) ends generation; the sink is then flushed and the run completes when the last
 * record in flight is acked or failed.
 */
public final class GeneratorRun implements AutoCloseable {
    private static final long POLL_MILLIS = 20;

    private final LongFunction<Iterator<GeneratedRecord>> source;
    private final long count;
    private final Duration durationLimit;
    private final Ticker ticker;
    private final RecordSink sink;
    private final RateLimiter limiter;
    private final RunAccounts accounts;
    private final CompletableFuture<RunSummary> completion = new CompletableFuture<>();
    private final Thread thread;
    private final SimulatedRun simulated;
    /** Null unless a scenario run is paced by its event time. */
    private final EventTimePace pace;
    private volatile boolean stopRequested;
    private volatile long startNanos;
    private volatile long endNanos = -1;

    private GeneratorRun(LongFunction<Iterator<GeneratedRecord>> source, RateProfile rate, double bytesPerSecond, long count, Duration durationLimit,
                         int maxInFlight, Ticker ticker, RecordSink sink, SimulatedRun simulated, EventTimePace pace) {
        this.source = source;
        this.simulated = simulated;
        this.pace = pace;
        this.count = count;
        this.durationLimit = durationLimit;
        this.ticker = ticker;
        this.sink = sink;
        this.limiter = RateLimiter.of(rate, bytesPerSecond, ticker);
        this.accounts = new RunAccounts(maxInFlight);
        this.thread = new Thread(this::run, "kdg-generator");
        this.thread.setDaemon(true);
    }

    /** {@code source} gives an iterator over this process's records among the first {@code count}. */
    static GeneratorRun start(LongFunction<Iterator<GeneratedRecord>> source, RateProfile rate, double bytesPerSecond, long count,
                              Duration durationLimit, int maxInFlight, Ticker ticker, RecordSink sink,
                              SimulatedRun simulated) {
        return start(source, rate, bytesPerSecond, count, durationLimit, maxInFlight, ticker, sink, simulated, null);
    }

    /**
     * The same, each of a scenario's records handed on when {@code pace} says it is due (the source's are
     * {@link ScenarioRecords}).
     */
    static GeneratorRun start(LongFunction<Iterator<GeneratedRecord>> source, RateProfile rate, double bytesPerSecond,
                              long count, Duration durationLimit, int maxInFlight, Ticker ticker, RecordSink sink,
                              SimulatedRun simulated, EventTimePace pace) {
        GeneratorRun run = new GeneratorRun(source, rate, bytesPerSecond, count, durationLimit, maxInFlight, ticker,
                sink, simulated, pace);
        run.startNanos = ticker.nanoTime();
        run.limiter.startAt(run.startNanos);
        if (simulated != null) {
            simulated.startAt(run.startNanos);
        }

        run.thread.start();
        return run;
    }

    /** The counts now. */
    public RunStats stats() {
        long end = endNanos;
        return accounts.stats(Duration.ofNanos((end >= 0 ? end : ticker.nanoTime()) - startNanos));
    }

    /** The simulated instant of the latest record, in a run on {@link Generator#simulatedTime simulated time}. */
    public Optional<Instant> simulatedNow() {
        return simulated == null ? Optional.empty() : Optional.of(simulated.now());
    }

    /** The failed records so far, by error code (the service's, or kdg4j's such as RecordTooLarge). */
    public java.util.Map<String, Long> failedByCode() {
        return accounts.failedByCode();
    }

    /** The messages of the run's first few failures, in full, as "ErrorCode: message". */
    public java.util.List<String> firstErrors() {
        return accounts.firstErrors();
    }

    /** Stops generating; records in flight still get their outcome. Returns at once. */
    public void stop() {
        stopRequested = true;
        LockSupport.unpark(thread);
    }

    /** True once every record has an outcome and the summary is ready. */
    public boolean isDone() {
        return completion.isDone();
    }

    /** Completes with the summary when the run is over (exceptionally only if the engine itself broke). */
    public CompletableFuture<RunSummary> completion() {
        return completion.copy();
    }

    /**
     * Waits for the end of the run and returns its summary.
     *
     * @throws TimeoutException if the run is not over within {@code timeout} (it goes on)
     */
    public RunSummary awaitCompletion(Duration timeout) throws InterruptedException, TimeoutException {
        try {
            return completion.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the run failed: " + e.getCause(), e.getCause());
        }
    }

    /**
     * The account as it stands, for a caller that stops waiting for the drain (a second Ctrl-C, a drain timeout):
     * the final summary if the run is over, else one whose records without an outcome are counted as in flight and
     * whose error is {@code reason}. The run itself goes on until its records have their outcome or the sink is
     * closed.
     */
    public RunSummary summarySoFar(String reason) {
        if (completion.isDone() && !completion.isCompletedExceptionally()) {
            return completion.join();
        }
        long end = ticker.nanoTime();
        return accounts.summary(Duration.ofNanos(end - startNanos), reason);
    }

    /** Stops the run and waits for its summary. */
    @Override
    public void close() throws InterruptedException {
        stop();
        try {
            completion.get();
        } catch (ExecutionException e) {
            // reported by completion() and awaitCompletion()
        }
    }

    private boolean stopping() {
        return stopRequested || (durationLimit != null && ticker.nanoTime() - startNanos >= durationLimit.toNanos());
    }

    private void run() {
        String error = "";
        try {
            error = generate();
            sink.flush();
            while (!accounts.awaitNoneInFlight(POLL_MILLIS)) {
                // every record in flight gets its outcome from the sink
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        } catch (RuntimeException | Error e) {
            completion.completeExceptionally(e);
            return;
        }
        endNanos = ticker.nanoTime();
        completion.complete(accounts.summary(Duration.ofNanos(endNanos - startNanos), error));
    }

    /** Hands records to the sink until a limit or a stop; returns why it stopped early, or "". */
    private String generate() throws InterruptedException {
        Iterator<GeneratedRecord> records = source.apply(count);
        if (pace != null) {
            // event time zero is when the records are made (a scenario without a start begins then), or later
            pace.startAt(ticker.nanoTime());
        }
        while (!stopping()) {
            if (!accounts.tryReserve(POLL_MILLIS)) {
                continue;
            }
            if (simulated != null && !simulated.advance(this::stopping)) {
                accounts.unreserve();
                return "";
            }
            GeneratedRecord record;
            try {
                if (!records.hasNext()) {
                    accounts.unreserve();
                    return "";
                }
                record = records.next();
            } catch (RuntimeException e) {
                accounts.unreserve();
                return "generating a record failed: " + e;
            }
            if (pace != null && !pace.await((ScenarioRecords) records, this::stopping)) {
                accounts.unreserve();
                return "";
            }
            if (!limiter.acquire(record.size(), this::stopping)) {
                accounts.unreserve();
                return "";
            }
            accounts.generated();
            try {
                sink.send(record, accounts);
            } catch (RuntimeException e) {
                accounts.failed(record, e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
                return "the sink failed: " + e;
            }
        }
        return "";
    }
}
