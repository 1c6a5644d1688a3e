package io.kdg4j.core.rate;

import java.util.concurrent.locks.LockSupport;

/**
 * The time source of rate control: a monotonic nanosecond reading and a way to wait. Tests pass a manual ticker
 * whose {@link #sleep(long)} advances its own time, so pacing is checked without real sleeps.
 */
public interface Ticker {
    /** A monotonic time in nanoseconds (only differences mean anything). */
    long nanoTime();

    /**
     * Waits about {@code nanos}; may return early (on {@link LockSupport#unpark(Thread)}), so callers read the
     * time again after waking.
     */
    void sleep(long nanos);

    /** {@link System#nanoTime()} and {@link LockSupport#parkNanos(long)}. */
    static Ticker system() {
        return SystemTicker.INSTANCE;
    }

    /** The real clock. */
    enum SystemTicker implements Ticker {
        INSTANCE;

        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleep(long nanos) {
            LockSupport.parkNanos(nanos);
        }
    }
}
