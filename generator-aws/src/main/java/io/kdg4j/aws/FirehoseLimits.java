package io.kdg4j.aws;

/** The Firehose PutRecordBatch limits, which cannot be raised. */
public final class FirehoseLimits {
    /** Records in one PutRecordBatch request. */
    public static final int MAX_RECORDS_PER_REQUEST = 500;
    /** Bytes of data in one PutRecordBatch request (4 MiB). */
    public static final int MAX_BYTES_PER_REQUEST = 4 * 1024 * 1024;
    /** Bytes of one record before base64 (1,000 KiB). */
    public static final int MAX_RECORD_BYTES = 1_000 * 1024;

    private FirehoseLimits() {
    }
}
