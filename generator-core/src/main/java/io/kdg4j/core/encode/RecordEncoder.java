package io.kdg4j.core.encode;

import io.kdg4j.core.record.ByteOutput;
import io.kdg4j.core.record.RecordTape;

/**
 * Writes one generated record as bytes. Implementations are stateless and thread-safe: one encoder serves
 * every generator of a run.
 */
public interface RecordEncoder {

    /** Appends the record's bytes to {@code out}. */
    void encode(RecordTape record, ByteOutput out);

    /** Writes what a file of these records starts with (a CSV header); nothing by default. */
    default void writeHeader(ByteOutput out) {
    }

    /** A short name for messages and the CLI: json, jsonl, csv, text. */
    String name();
}
