package io.kdg4j.aws;

import java.time.Duration;
import java.util.Objects;

/**
 * How a sink groups records into requests. Immutable; the service limits are the defaults and the ceilings
 * ({@link KinesisLimits}, {@link FirehoseLimits}): a sink accepts tighter values, never looser ones (except a
 * Kinesis record limit up to {@link KinesisLimits#MAX_LARGE_RECORD_BYTES} for streams with large records).
 *
 * @param maxRecords records per request
 * @param maxBytes bytes per request (data, plus partition keys for Kinesis)
 * @param maxRecordBytes bytes per record; a larger one is failed with RecordTooLarge and never sent
 * @param linger how long a part-filled request waits for more records before it goes
 * @param maxConcurrentRequests requests in flight at once (the HTTP connection pool is sized to match)
 */
public record BatchConfig(int maxRecords, int maxBytes, int maxRecordBytes, Duration linger,
                          int maxConcurrentRequests) {
    public static final Duration DEFAULT_LINGER = Duration.ofMillis(100);
    public static final int DEFAULT_CONCURRENT_REQUESTS = 8;

    public BatchConfig {
        positive(maxRecords, "maxRecords");
        positive(maxBytes, "maxBytes");
        positive(maxRecordBytes, "maxRecordBytes");
        positive(maxConcurrentRequests, "maxConcurrentRequests");
        Objects.requireNonNull(linger, "linger");
        if (linger.isNegative()) {
            throw new IllegalArgumentException("linger must not be negative but was " + linger);
        }
    }

    private static void positive(int value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be >= 1 but was " + value);
        }
    }

    public static BatchConfig kinesisDefaults() {
        return new BatchConfig(KinesisLimits.MAX_RECORDS_PER_REQUEST, KinesisLimits.MAX_BYTES_PER_REQUEST,
                KinesisLimits.MAX_RECORD_BYTES, DEFAULT_LINGER, DEFAULT_CONCURRENT_REQUESTS);
    }

    public static BatchConfig firehoseDefaults() {
        return new BatchConfig(FirehoseLimits.MAX_RECORDS_PER_REQUEST, FirehoseLimits.MAX_BYTES_PER_REQUEST,
                FirehoseLimits.MAX_RECORD_BYTES, DEFAULT_LINGER, DEFAULT_CONCURRENT_REQUESTS);
    }

    public BatchConfig withMaxRecords(int records) {
        return new BatchConfig(records, maxBytes, maxRecordBytes, linger, maxConcurrentRequests);
    }

    public BatchConfig withMaxBytes(int bytes) {
        return new BatchConfig(maxRecords, bytes, maxRecordBytes, linger, maxConcurrentRequests);
    }

    public BatchConfig withMaxRecordBytes(int bytes) {
        return new BatchConfig(maxRecords, maxBytes, bytes, linger, maxConcurrentRequests);
    }

    public BatchConfig withLinger(Duration linger) {
        return new BatchConfig(maxRecords, maxBytes, maxRecordBytes, linger, maxConcurrentRequests);
    }

    public BatchConfig withMaxConcurrentRequests(int requests) {
        return new BatchConfig(maxRecords, maxBytes, maxRecordBytes, linger, requests);
    }

    /** Checks this configuration against a service's ceilings, naming the setting that exceeds one. */
    BatchConfig requireWithin(String service, int recordsCeiling, int bytesCeiling, int recordBytesCeiling) {
        exceeds(maxRecords, recordsCeiling, service, "maxRecords");
        exceeds(maxBytes, bytesCeiling, service, "maxBytes");
        exceeds(maxRecordBytes, recordBytesCeiling, service, "maxRecordBytes");
        return this;
    }

    private static void exceeds(int value, int ceiling, String service, String name) {
        if (value > ceiling) {
            throw new IllegalArgumentException(name + " must be in [1, " + ceiling + "] for " + service + " but was "
                    + value);
        }
    }
}
