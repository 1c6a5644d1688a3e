package io.kdg4j.aws;

import java.time.Duration;
import java.util.Objects;

/**
 * How a sink retries records that failed: exponential backoff with full jitter (a random delay in
 * [0, min(maxDelay, baseDelay * 2^(attempt-1))]), until a record has been tried {@code maxAttempts} times or has
 * been in flight longer than {@code recordTtl}, whichever comes first; then it is failed with its last error
 * code. Immutable. Defaults: 30 attempts, 100 ms base, 5 s cap, 60 s TTL.
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration recordTtl) {
    public static final RetryPolicy DEFAULT = new RetryPolicy(30, Duration.ofMillis(100), Duration.ofSeconds(5),
            Duration.ofSeconds(60));
    /** One attempt each: every failure is final. */
    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ofDays(1));

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be >= 1 but was " + maxAttempts);
        }
        requireNotNegative(baseDelay, "baseDelay");
        requireNotNegative(maxDelay, "maxDelay");
        requireNotNegative(recordTtl, "recordTtl");
        if (maxDelay.compareTo(baseDelay) < 0) {
            throw new IllegalArgumentException("maxDelay must be >= baseDelay (" + baseDelay + ") but was "
                    + maxDelay);
        }
    }

    private static void requireNotNegative(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative but was " + duration);
        }
    }

    public RetryPolicy withMaxAttempts(int attempts) {
        return new RetryPolicy(attempts, baseDelay, maxDelay, recordTtl);
    }

    public RetryPolicy withBackoff(Duration base, Duration max) {
        return new RetryPolicy(maxAttempts, base, max, recordTtl);
    }

    public RetryPolicy withRecordTtl(Duration ttl) {
        return new RetryPolicy(maxAttempts, baseDelay, maxDelay, ttl);
    }

    /** The longest delay before attempt {@code attempt + 1} (attempt counts from 1). */
    public long maxDelayNanos(int attempt) {
        double exponential = baseDelay.toNanos() * Math.pow(2, Math.min(attempt - 1, 40));
        return (long) Math.min(maxDelay.toNanos(), exponential);
    }
}
