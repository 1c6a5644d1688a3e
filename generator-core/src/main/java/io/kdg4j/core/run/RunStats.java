package io.kdg4j.core.run;

import java.time.Duration;

/**
 * A snapshot of a running generator's counts. Always {@code generated = acked + failed + inFlight}.
 *
 * @param generated records handed to the sink
 * @param acked records the endpoint stored
 * @param failed records that will not be stored
 * @param retried retry attempts (a record retried twice counts twice)
 * @param throttled retry attempts caused by throttling
 * @param possibleDuplicates retries after an ambiguous answer: each may have stored a record twice
 * @param elapsed time since the run started
 */
public record RunStats(long generated, long acked, long failed, long retried, long throttled,
                       long possibleDuplicates, Duration elapsed) {
    /** Records handed to the sink whose outcome is not known yet. */
    public long inFlight() {
        return generated - acked - failed;
    }

    /** Acked records per second of elapsed time. */
    public double ackedPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds > 0 ? acked / seconds : 0;
    }
}
