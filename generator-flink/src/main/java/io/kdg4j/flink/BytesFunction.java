package io.kdg4j.flink;

import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.connector.datagen.source.GeneratorFunction;

/** A record's encoded bytes for index n. */
final class BytesFunction implements GeneratorFunction<Long, byte[]> {
    private static final long serialVersionUID = 1L;
    private final RecordFunction records;

    BytesFunction(RecordFunction records) {
        this.records = records;
    }

    @Override
    public void open(SourceReaderContext context) {
        records.open(context);
    }

    @Override
    public byte[] map(Long index) {
        return records.data(index);
    }
}
