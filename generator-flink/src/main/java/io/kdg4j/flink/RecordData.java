package io.kdg4j.flink;

import io.kdg4j.core.GeneratedRecord;
import org.apache.flink.api.common.serialization.SerializationSchema;

/** A record's encoded bytes, for Flink's Kinesis and Firehose sinks. */
public final class RecordData implements SerializationSchema<GeneratedRecord> {
    private static final long serialVersionUID = 1L;

    @Override
    public byte[] serialize(GeneratedRecord record) {
        return record.bytes();
    }
}
