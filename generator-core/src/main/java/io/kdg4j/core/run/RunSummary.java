package io.kdg4j.core.run;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The account of a run: every generated record was acked, failed, or (only when the run was abandoned before its
 * drain finished, as {@code kdg send} does after a second Ctrl-C or its drain timeout) still in flight.
 *
 * @param generated records handed to the sink
 * @param acked records the endpoint stored
 * @param failed records that were not stored
 * @param inFlight records still without an outcome when the summary was taken: 0 for a run that completed
 * @param failedByCode the failed records by error code (the service's, or kdg4j's such as RecordTooLarge)
 * @param retried retry attempts
 * @param throttled retry attempts caused by throttling
 * @param possibleDuplicates retries after an ambiguous answer (a dropped connection, a timeout): each may have
 *     stored a record twice; no other duplicates can occur
 * @param elapsedSeconds from the start until the last outcome
 * @param recordsPerSecond acked records per elapsed second
 * @param error why the run stopped early, or empty when it ran to its limit or was stopped on purpose
 */
public record RunSummary(long generated, long acked, long failed, long inFlight, Map<String, Long> failedByCode,
                         long retried,
                         long throttled, long possibleDuplicates, double elapsedSeconds, double recordsPerSecond,
                         String error) {
    public RunSummary {
        failedByCode = Map.copyOf(failedByCode);
        if (inFlight < 0 || generated != acked + failed + inFlight) {
            throw new IllegalArgumentException("a summary must account for every record, but generated was "
                    + generated + " and acked + failed + in flight was " + (acked + failed + inFlight));
        }
    }

    /** True when every generated record was acked and nothing went wrong. */
    public boolean allAcked() {
        return failed == 0 && inFlight == 0 && error.isEmpty();
    }

    /**
     * The summary as JSON with exactly the keys generated, acked, failed, inFlight, retried, throttled,
     * elapsedSeconds and recordsPerSecond (the {@code kdg send --summary-json} format).
     */
    public String toJson() {
        return String.format(Locale.ROOT, "{\"generated\":%d,\"acked\":%d,\"failed\":%d,\"inFlight\":%d,"
                        + "\"retried\":%d,\"throttled\":%d,\"elapsedSeconds\":%.3f,\"recordsPerSecond\":%.1f}",
                generated, acked, failed, inFlight, retried, throttled, elapsedSeconds, recordsPerSecond);
    }

    /** A few lines for people: counts, failures by code, rate. */
    public String describe() {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "generated %,d, acked %,d, failed %,d, retried %,d (throttled %,d) in %.1f s: %,.0f records/s",
                generated, acked, failed, retried, throttled, elapsedSeconds, recordsPerSecond));
        if (inFlight > 0) {
            text.append(String.format(Locale.ROOT, "%n  %,d still in flight: sent, but no answer came before kdg "
                    + "stopped waiting; each may or may not be stored", inFlight));
        }
        new TreeMap<>(failedByCode).forEach((code, count) -> text.append(String.format(Locale.ROOT,
                "%n  failed %,d: %s", count, code)));
        if (possibleDuplicates > 0) {
            text.append(String.format(Locale.ROOT, "%n  %,d retries followed a lost answer: up to that many records"
                    + " may be stored twice", possibleDuplicates));
        }
        if (!error.isEmpty()) {
            text.append(System.lineSeparator()).append("  stopped early: ").append(error);
        }
        return text.toString();
    }
}
