package io.kdg4j.local.internal;

import java.util.SplittableRandom;

/**
 * Draws the injected faults from one seeded stream. Thread-safe; under concurrency the order in which requests
 * draw is the order they arrive, so a replay with the same seed and the same single-threaded client repeats.
 */
public final class FaultInjector {
    /** What happens to a whole request. */
    public enum Outcome { SERVE, SERVER_ERROR_500, SERVER_ERROR_503, DROP_AFTER_SERVING }

    private final double entryFailureRate;
    private final double serverErrorRate;
    private final double dropRate;
    private final SplittableRandom random;
    private boolean nextIs503;

    public FaultInjector(double entryFailureRate, double serverErrorRate, double dropRate, long seed) {
        this.entryFailureRate = entryFailureRate;
        this.serverErrorRate = serverErrorRate;
        this.dropRate = dropRate;
        this.random = new SplittableRandom(seed);
    }

    public synchronized Outcome request() {
        if (serverErrorRate > 0 && random.nextDouble() < serverErrorRate) {
            nextIs503 = !nextIs503;
            return nextIs503 ? Outcome.SERVER_ERROR_503 : Outcome.SERVER_ERROR_500;
        }
        if (dropRate > 0 && random.nextDouble() < dropRate) {
            return Outcome.DROP_AFTER_SERVING;
        }
        return Outcome.SERVE;
    }

    /** Whether one record of a batch fails with an internal error. */
    public boolean failEntry() {
        if (entryFailureRate <= 0) {
            return false;
        }
        synchronized (this) {
            return random.nextDouble() < entryFailureRate;
        }
    }
}
