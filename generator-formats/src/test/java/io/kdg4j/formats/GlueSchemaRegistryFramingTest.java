package io.kdg4j.formats;

import static org.assertj.core.api.Assertions.assertThat;

import io.kdg4j.core.RecordGenerator;
import io.kdg4j.core.RecordSchema;
import io.kdg4j.core.preset.Presets;
import io.kdg4j.core.record.ByteOutput;
import io.kdg4j.core.record.RecordTape;
import io.kdg4j.formats.avro.AvroEncoder;
import io.kdg4j.formats.glue.GlueSchemaRegistryFraming;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.UUID;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.DecoderFactory;
import org.junit.jupiter.api.Test;

class GlueSchemaRegistryFramingTest {
    @Test
    void eachRecord_carriesTheHeaderGluesDeserializerReads_thenTheAvroDatum() throws Exception {
        RecordSchema schema = Presets.get("iot").schema();
        AvroEncoder avro = AvroEncoder.derived(schema, "Reading", "io.kdg4j.test");
        UUID version = UUID.fromString("b7b4a7f0-1f5a-4d8e-9a3c-0123456789ab");
        GlueSchemaRegistryFraming glue = GlueSchemaRegistryFraming.of(avro, version);
        RecordTape tape = RecordGenerator.of(schema, 5).generate(0);
        ByteOutput framed = new ByteOutput();
        glue.encode(tape, framed);
        ByteOutput plain = new ByteOutput();
        avro.encode(tape, plain);

        ByteBuffer bytes = framed.asByteBuffer();
        assertThat(bytes.get()).as("header version").isEqualTo((byte) 3);
        assertThat(bytes.get()).as("no compression").isEqualTo((byte) 0);
        assertThat(new UUID(bytes.getLong(), bytes.getLong())).isEqualTo(version);
        byte[] datum = new byte[bytes.remaining()];
        bytes.get(datum);
        assertThat(datum).isEqualTo(plain.toByteArray());
        Object read = new GenericDatumReader<>(avro.schema()).read(null,
                DecoderFactory.get().binaryDecoder(datum, null));
        assertThat(read).isNotNull();
        assertThat(framed.size()).isEqualTo(GlueSchemaRegistryFraming.HEADER_LENGTH + plain.size());
        assertThat(glue.name()).isEqualTo("avro+glue");
        assertThat(Arrays.copyOfRange(framed.toByteArray(), 2, 18)).isEqualTo(new byte[] {(byte) 0xb7, (byte) 0xb4,
            (byte) 0xa7, (byte) 0xf0, 0x1f, 0x5a, 0x4d, (byte) 0x8e, (byte) 0x9a, 0x3c, 0x01, 0x23, 0x45, 0x67,
            (byte) 0x89, (byte) 0xab});
    }
}
