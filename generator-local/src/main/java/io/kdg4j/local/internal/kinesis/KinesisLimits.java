package io.kdg4j.local.internal.kinesis;

/** The Kinesis Data Streams service limits the emulator enforces, as AWS documents them. */
final class KinesisLimits {
    static final int MAX_RECORDS_PER_PUT_RECORDS = 500;
    static final long MAX_BYTES_PER_PUT_RECORDS = 5L * 1024 * 1024;
    /** Data plus partition key. */
    static final int MAX_RECORD_BYTES = 1024 * 1024;
    static final int MAX_PARTITION_KEY_LENGTH = 256;
    static final int MAX_SHARDS = 500;
    static final int ON_DEMAND_SHARDS = 4;
    static final int MAX_GET_RECORDS = 10_000;
    static final long MAX_GET_RECORDS_BYTES = 10L * 1024 * 1024;
    static final long ITERATOR_LIFETIME_MILLIS = 300_000;
    static final long SHARD_BYTES_PER_SECOND = 1024 * 1024;
    static final long SHARD_RECORDS_PER_SECOND = 1000;
    static final int MIN_RETENTION_HOURS = 24;
    static final int MAX_RETENTION_HOURS = 8760;
    static final String ACCOUNT = "000000000000";

    private KinesisLimits() {
    }
}
