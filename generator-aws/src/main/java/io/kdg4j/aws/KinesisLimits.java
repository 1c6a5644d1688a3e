package io.kdg4j.aws;

/** The Kinesis Data Streams limits a producer must keep (PutRecords, shards). */
public final class KinesisLimits {
    /** Records in one PutRecords request. */
    public static final int MAX_RECORDS_PER_REQUEST = 500;
    /** Bytes of data and partition keys in one PutRecords request. */
    public static final int MAX_BYTES_PER_REQUEST = 5 * 1024 * 1024;
    /** Bytes of one record, data and partition key together, on a stream without large records. */
    public static final int MAX_RECORD_BYTES = 1024 * 1024;
    /** The largest record on a stream whose MaxRecordSizeInKiB was raised (and its request limit). */
    public static final int MAX_LARGE_RECORD_BYTES = 10 * 1024 * 1024;
    /** Characters of a partition key (at least one). */
    public static final int MAX_PARTITION_KEY_LENGTH = 256;
    /** Writes one shard admits per second. */
    public static final int SHARD_RECORDS_PER_SECOND = 1_000;
    public static final int SHARD_BYTES_PER_SECOND = 1024 * 1024;

    private KinesisLimits() {
    }
}
