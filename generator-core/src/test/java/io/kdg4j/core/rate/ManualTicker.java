package io.kdg4j.core.rate;

/** A clock that moves only when someone sleeps on it (or advances it). */
public final class ManualTicker implements Ticker {
    private long now;
    private long sleeps;

    @Override
    public synchronized long nanoTime() {
        return now;
    }

    @Override
    public synchronized void sleep(long nanos) {
        sleeps++;
        now += nanos;
    }

    public synchronized void advance(long nanos) {
        now += nanos;
    }

    public synchronized long sleeps() {
        return sleeps;
    }
}
