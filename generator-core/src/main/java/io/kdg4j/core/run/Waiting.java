package io.kdg4j.core.run;

import io.kdg4j.core.rate.Ticker;
import java.util.function.BooleanSupplier;

/** Waits on a ticker for a deadline, in slices short enough that a stop is seen at once. */
final class Waiting {
    private static final long MAX_SLEEP_NANOS = 20_000_000;

    private Waiting() {
    }

    /** True at {@code deadline} (ticker nanos), false as soon as {@code cancelled} says so. */
    static boolean until(Ticker ticker, long deadline, BooleanSupplier cancelled) throws InterruptedException {
        while (true) {
            if (cancelled.getAsBoolean()) {
                return false;
            }
            long left = deadline - ticker.nanoTime();
            if (left <= 0) {
                return true;
            }
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            ticker.sleep(Math.min(left, MAX_SLEEP_NANOS));
        }
    }
}
