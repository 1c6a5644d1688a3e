package io.kdg4j.cli;

import java.util.ArrayDeque;

/**
 * Acked and failed records per second over the last few seconds, from samples of the running totals: the rate a
 * person watching wants (what is happening now), not the average since the start. Not thread-safe: one reporter
 * thread owns it.
 */
public final class RateWindow {
    private final long windowNanos;
    private final ArrayDeque<long[]> samples = new ArrayDeque<>();

    public RateWindow(long windowNanos) {
        this.windowNanos = windowNanos;
    }

    /** Records the totals at {@code nanos}. */
    public void add(long nanos, long acked, long failed) {
        samples.addLast(new long[] {nanos, acked, failed});
        while (samples.size() > 2 && nanos - samples.peekFirst()[0] > windowNanos) {
            samples.removeFirst();
        }
    }

    public double ackedPerSecond() {
        return perSecond(1);
    }

    public double failedPerSecond() {
        return perSecond(2);
    }

    private double perSecond(int column) {
        if (samples.size() < 2) {
            return 0;
        }
        long[] first = samples.peekFirst();
        long[] last = samples.peekLast();
        long nanos = last[0] - first[0];
        return nanos > 0 ? (last[column] - first[column]) * 1e9 / nanos : 0;
    }
}
