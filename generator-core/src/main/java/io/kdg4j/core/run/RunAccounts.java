package io.kdg4j.core.run;

import io.kdg4j.core.GeneratedRecord;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.LongAdder;

/**
 * The counts of one run, and its bound on records in flight: a permit is taken before a record is handed to the
 * sink and given back with its outcome. Thread-safe.
 */
final class RunAccounts implements DeliveryListener {
    private final LongAdder generated = new LongAdder();
    private final LongAdder acked = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder retried = new LongAdder();
    private final LongAdder throttled = new LongAdder();
    private final LongAdder possibleDuplicates = new LongAdder();
    private final Map<String, LongAdder> failedByCode = new ConcurrentHashMap<>();
    /** The first failures' messages in full, for people watching the run; a few, so memory stays bounded. */
    private final java.util.List<String> firstErrors = new java.util.concurrent.CopyOnWriteArrayList<>();
    static final int FIRST_ERRORS = 5;
    private final Semaphore inFlight;
    private final int maxInFlight;

    RunAccounts(int maxInFlight) {
        this.maxInFlight = maxInFlight;
        this.inFlight = new Semaphore(maxInFlight);
    }

    boolean tryReserve(long timeoutMillis) throws InterruptedException {
        return inFlight.tryAcquire(timeoutMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    void unreserve() {
        inFlight.release();
    }

    /** Waits until every record handed out has an outcome. */
    boolean awaitNoneInFlight(long timeoutMillis) throws InterruptedException {
        if (inFlight.tryAcquire(maxInFlight, timeoutMillis, java.util.concurrent.TimeUnit.MILLISECONDS)) {
            inFlight.release(maxInFlight);
            return true;
        }
        return false;
    }

    void generated() {
        generated.increment();
    }

    @Override
    public void acked(GeneratedRecord record) {
        acked.increment();
        inFlight.release();
    }

    @Override
    public void failed(GeneratedRecord record, String errorCode, String message) {
        failedByCode.computeIfAbsent(errorCode, code -> new LongAdder()).increment();
        if (firstErrors.size() < FIRST_ERRORS) {
            synchronized (firstErrors) {
                if (firstErrors.size() < FIRST_ERRORS) {
                    firstErrors.add(errorCode + ": " + message);
                }
            }
        }
        failed.increment();
        inFlight.release();
    }

    @Override
    public void retrying(GeneratedRecord record, String errorCode, boolean wasThrottled, boolean ambiguous) {
        retried.increment();
        if (wasThrottled) {
            throttled.increment();
        }
        if (ambiguous) {
            possibleDuplicates.increment();
        }
    }

    Map<String, Long> failedByCode() {
        Map<String, Long> byCode = new TreeMap<>();
        failedByCode.forEach((code, count) -> byCode.put(code, count.sum()));
        return byCode;
    }

    java.util.List<String> firstErrors() {
        return java.util.List.copyOf(firstErrors);
    }

    RunStats stats(Duration elapsed) {
        // read outcomes before generated, so that in flight is never negative
        long a = acked.sum();
        long f = failed.sum();
        return new RunStats(Math.max(generated.sum(), a + f), a, f, retried.sum(), throttled.sum(),
                possibleDuplicates.sum(), elapsed);
    }

    RunSummary summary(Duration elapsed, String error) {
        RunStats s = stats(elapsed);
        Map<String, Long> byCode = failedByCode();
        double seconds = elapsed.toNanos() / 1e9;
        return new RunSummary(s.generated(), s.acked(), s.failed(), s.inFlight(), byCode, s.retried(), s.throttled(),
                s.possibleDuplicates(), seconds, seconds > 0 ? s.acked() / seconds : 0, error);
    }
}
