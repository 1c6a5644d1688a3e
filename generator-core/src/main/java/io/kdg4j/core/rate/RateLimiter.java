package io.kdg4j.core.rate;

import java.time.Duration;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * Paces a producer to a {@link RateProfile} of records per second and, optionally, a constant cap in bytes per
 * second. Thread-safe (calls are serialised); a run has one.
 *
 * <p>The algorithm keeps an absolute schedule instead of refilling a bucket tick by tick. Record k (counting
 * from 0) may go once the profile's integral since the first call, {@code recordsBy(t)}, has reached k; the byte
 * cap likewise lets a record go once {@code bytesPerSecond * t} has reached the bytes already granted. Between
 * records the caller sleeps for the time the schedule says is missing (at most {@value #MAX_SLEEP_MILLIS} ms, so
 * profile changes and cancellation are noticed), and a wake-up that comes late lets every record that fell due
 * meanwhile go at once. Because nothing is rounded per step, no error builds up: after any run length the count
 * sent stays within one record of {@code recordsBy(t)}, and the records are spread evenly inside each second
 * rather than sent in one burst per second as the KDG does.
 *
 * <p>A schedule that the consumer cannot keep (backpressure from a slow sink) would otherwise pile up credit and
 * release it as one long burst when the sink recovers. As in Guava's SmoothBursty, at most {@code maxBurst} worth
 * of records (at the current rate) may be owed; anything beyond is forgiven.
 */
public final class RateLimiter {
    static final long MAX_SLEEP_MILLIS = 20;
    private static final double MAX_SLEEP_SECONDS = MAX_SLEEP_MILLIS / 1000.0;

    private final RateProfile profile;
    private final double bytesPerSecond;
    private final double maxBurstSeconds;
    private final Ticker ticker;

    private long startNanos;
    private boolean started;
    private long granted;
    private double grantedBytes;
    private double forgivenRecords;
    private double forgivenBytes;

    private RateLimiter(RateProfile profile, double bytesPerSecond, Duration maxBurst, Ticker ticker) {
        this.profile = Objects.requireNonNull(profile, "profile");
        if (!(bytesPerSecond >= 0) || Double.isInfinite(bytesPerSecond)) {
            throw new IllegalArgumentException("bytesPerSecond must be finite and >= 0 (0 = no cap) but was "
                    + bytesPerSecond);
        }
        Objects.requireNonNull(maxBurst, "maxBurst");
        if (maxBurst.isNegative()) {
            throw new IllegalArgumentException("maxBurst must not be negative but was " + maxBurst);
        }
        this.bytesPerSecond = bytesPerSecond;
        this.maxBurstSeconds = maxBurst.toNanos() / 1e9;
        this.ticker = Objects.requireNonNull(ticker, "ticker");
    }

    /**
     * A limiter on {@code profile}, with {@code bytesPerSecond} as a cap (0 for none) and at most one second of
     * owed records released at once after a stall.
     */
    public static RateLimiter of(RateProfile profile, double bytesPerSecond, Ticker ticker) {
        return new RateLimiter(profile, bytesPerSecond, Duration.ofSeconds(1), ticker);
    }

    public static RateLimiter of(RateProfile profile, double bytesPerSecond, Duration maxBurst, Ticker ticker) {
        return new RateLimiter(profile, bytesPerSecond, maxBurst, ticker);
    }

    /**
     * Waits until one record of {@code bytes} may go and counts it; returns false, without counting it, as soon
     * as {@code cancelled} says so (it is asked before each wait).
     */
    public synchronized boolean acquire(int bytes, BooleanSupplier cancelled) {
        long now = ticker.nanoTime();
        if (!started) {
            started = true;
            startNanos = now;
        }
        while (true) {
            if (cancelled.getAsBoolean()) {
                return false;
            }
            double wait = secondsToWait((now - startNanos) / 1e9);
            if (wait <= 0) {
                granted++;
                grantedBytes += bytes;
                return true;
            }
            ticker.sleep(Math.max(1_000L, (long) (Math.min(wait, MAX_SLEEP_SECONDS) * 1e9)));
            now = ticker.nanoTime();
        }
    }

    /**
     * Counts one record of {@code bytes} and returns true if it may go now; returns false, counting nothing, if
     * the schedule says it must wait. For callers that must not block (a Flink source's reader thread).
     */
    public synchronized boolean tryAcquire(int bytes) {
        long now = ticker.nanoTime();
        if (!started) {
            started = true;
            startNanos = now;
        }
        if (secondsToWait((now - startNanos) / 1e9) > 0) {
            return false;
        }
        granted++;
        grantedBytes += bytes;
        return true;
    }

    /**
     * Starts the schedule at {@code nanos} (a {@link Ticker#nanoTime()} reading) instead of at the first
     * {@link #acquire}: a run's clock and its rate then share one origin. No effect once started.
     */
    public synchronized void startAt(long nanos) {
        if (!started) {
            started = true;
            startNanos = nanos;
        }
    }

    /** Records granted so far. */
    public synchronized long granted() {
        return granted;
    }

    private double secondsToWait(double t) {
        double wait = 0;
        if (profile != RateProfile.unlimited()) {
            double rate = profile.rateAt(t);
            double allowed = profile.recordsBy(t) - forgivenRecords;
            double burst = Math.max(1, rate * maxBurstSeconds);
            if (allowed - granted > burst) {
                forgivenRecords += allowed - granted - burst;
                allowed = granted + burst;
            }
            if (granted > allowed) {
                wait = rate > 0 ? (granted - allowed) / rate : MAX_SLEEP_SECONDS;
            }
        }
        if (bytesPerSecond > 0) {
            double allowedBytes = bytesPerSecond * t - forgivenBytes;
            double burst = bytesPerSecond * Math.max(maxBurstSeconds, 0.001);
            if (allowedBytes - grantedBytes > burst) {
                forgivenBytes += allowedBytes - grantedBytes - burst;
                allowedBytes = grantedBytes + burst;
            }
            if (grantedBytes > allowedBytes) {
                wait = Math.max(wait, (grantedBytes - allowedBytes) / bytesPerSecond);
            }
        }
        return wait;
    }
}
