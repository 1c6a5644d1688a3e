package io.kdg4j.flink;

import io.kdg4j.core.GeneratedRecord;
import org.apache.flink.connector.kinesis.sink.PartitionKeyGenerator;

/** The partition key the record's own key plan made (random, a field, a template or a constant). */
public final class RecordPartitionKey implements PartitionKeyGenerator<GeneratedRecord> {
    private static final long serialVersionUID = 1L;

    @Override
    public String apply(GeneratedRecord record) {
        return record.partitionKey();
    }
}
