package io.kdg4j.flink;

import static org.assertj.core.api.Assertions.assertThat;

import io.kdg4j.core.GeneratedRecord;
import io.kdg4j.core.Records;
import io.kdg4j.core.preset.Presets;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class GeneratedRecordSerializerTest {
    private final GeneratedRecordSerializer serializer = GeneratedRecordSerializer.INSTANCE;

    @Test
    void records_roundTrip_andCopyBetweenViews() throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(256);
        java.util.List<GeneratedRecord> records = Records.from(Presets.get("randomuser").schema()).seed(2)
                .stream(100).toList();
        for (GeneratedRecord record : records) {
            serializer.serialize(record, out);
        }
        DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
        DataOutputSerializer copied = new DataOutputSerializer(1 << 20); // copying from a view does not grow it
        for (int i = 0; i < records.size(); i++) {
            serializer.copy(in, copied);
        }
        DataInputDeserializer again = new DataInputDeserializer(copied.getCopyOfBuffer());
        for (GeneratedRecord record : records) {
            GeneratedRecord read = serializer.deserialize(again);
            assertThat(read).isEqualTo(record);
            assertThat(read.index()).isEqualTo(record.index());
            assertThat(read.partitionKey()).isEqualTo(record.partitionKey());
        }
        assertThat(again.available()).isZero();
    }

    @Test
    void theSnapshot_restoresTheSameSerializer() {
        assertThat(serializer.snapshotConfiguration().restoreSerializer()).isSameAs(serializer);
        assertThat(GeneratedRecordType.INSTANCE.createSerializer(new org.apache.flink.api.common.ExecutionConfig()
                .getSerializerConfig())).isSameAs(serializer);
    }
}
