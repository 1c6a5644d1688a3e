package io.kdg4j.local;

import java.time.Duration;
import java.util.Objects;

/**
 * Failures a {@link LocalEmulator} injects on purpose, drawn from a seeded random stream so a failing test can
 * be replayed with the same seed.
 *
 * @param entryFailureRate per record of PutRecords / PutRecordBatch: the share answered with InternalFailure
 *     (Kinesis) or ServiceUnavailableException (Firehose) while the others succeed
 * @param serverErrorRate per request: the share answered with HTTP 500 InternalFailure or 503
 *     ServiceUnavailable, alternately, without doing anything
 * @param droppedConnectionRate per request: the share whose connection is closed without an answer after the
 *     request was carried out (the client cannot know whether it was)
 * @param latency added before every answer
 * @param seed the seed of the stream the failures are drawn from
 */
public record Faults(double entryFailureRate, double serverErrorRate, double droppedConnectionRate,
                     Duration latency, long seed) {
    public static final Faults NONE = new Faults(0, 0, 0, Duration.ZERO, 0);

    public Faults {
        requireRate(entryFailureRate, "entryFailureRate");
        requireRate(serverErrorRate, "serverErrorRate");
        requireRate(droppedConnectionRate, "droppedConnectionRate");
        Objects.requireNonNull(latency, "latency");
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative but was " + latency);
        }
    }

    private static void requireRate(double rate, String name) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1] but was " + rate);
        }
    }

    public Faults withEntryFailureRate(double rate) {
        return new Faults(rate, serverErrorRate, droppedConnectionRate, latency, seed);
    }

    public Faults withServerErrorRate(double rate) {
        return new Faults(entryFailureRate, rate, droppedConnectionRate, latency, seed);
    }

    public Faults withDroppedConnectionRate(double rate) {
        return new Faults(entryFailureRate, serverErrorRate, rate, latency, seed);
    }

    public Faults withLatency(Duration latency) {
        return new Faults(entryFailureRate, serverErrorRate, droppedConnectionRate, latency, seed);
    }

    public Faults withSeed(long seed) {
        return new Faults(entryFailureRate, serverErrorRate, droppedConnectionRate, latency, seed);
    }

    boolean any() {
        return entryFailureRate > 0 || serverErrorRate > 0 || droppedConnectionRate > 0 || !latency.isZero();
    }
}
