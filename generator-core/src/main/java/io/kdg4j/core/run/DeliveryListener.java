package io.kdg4j.core.run;

import io.kdg4j.core.GeneratedRecord;

/**
 * What a {@link RecordSink} reports about each record it was given. Every record ends with exactly one call to
 * {@link #acked} or {@link #failed}; before that it may be {@link #retrying} any number of times. Implementations
 * must be thread-safe: sinks call from their I/O threads.
 */
public interface DeliveryListener {
    /** The endpoint stored the record. */
    void acked(GeneratedRecord record);

    /**
     * The record will not be stored: {@code errorCode} is the service's code (e.g. {@code InternalFailure}) or a
     * kdg4j code such as {@code RecordTooLarge}; {@code message} says why in words.
     */
    void failed(GeneratedRecord record, String errorCode, String message);

    /**
     * The record failed with {@code errorCode} and will be sent again; {@code throttled} when the endpoint refused
     * it for throughput, and {@code ambiguous} when it may have been stored anyway (the answer was lost), so the
     * retry may make a duplicate.
     */
    void retrying(GeneratedRecord record, String errorCode, boolean throttled, boolean ambiguous);
}
