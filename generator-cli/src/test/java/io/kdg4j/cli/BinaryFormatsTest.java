package io.kdg4j.cli;

import static io.kdg4j.cli.PreviewCommandTest.kdg;
import static org.assertj.core.api.Assertions.assertThat;

import io.kdg4j.aws.AwsEndpoint;
import io.kdg4j.aws.StreamReader;
import io.kdg4j.local.LocalEmulator;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.Record;

/** kdg preview and kdg send with --format avro and protobuf, and the Glue Schema Registry header. */
class BinaryFormatsTest {
    @TempDir
    Path dir;

    @Test
    void previewAvro_printsEachRecordInBase64_thatAvrosReaderReadsWithThePrintedSchema() throws Exception {
        PreviewCommandTest.Run schemaRun = kdg("preview", "--preset", "sakila", "--format", "avro", "--print-schema");
        assertThat(schemaRun.exitCode()).as(schemaRun.stderr()).isZero();
        Schema schema = new Schema.Parser().parse(schemaRun.stdout());
        PreviewCommandTest.Run records = kdg("preview", "--preset", "sakila", "--format", "avro", "--count", "20",
                "--seed", "3", "--clock", "2026-01-01T00:00:00Z");
        PreviewCommandTest.Run json = kdg("preview", "--preset", "sakila", "--count", "20", "--seed", "3",
                "--clock", "2026-01-01T00:00:00Z");
        assertThat(records.lines()).hasSize(20);
        GenericDatumReader<GenericRecord> reader = new GenericDatumReader<>(schema);
        for (int i = 0; i < 20; i++) {
            GenericRecord read = reader.read(null, DecoderFactory.get().binaryDecoder(
                    Base64.getDecoder().decode(records.lines().get(i)), null));
            String expected = json.lines().get(i);
            assertThat(expected).contains("\"film_id\":" + read.get("film_id"))
                    .contains("\"platform\":\"" + read.get("platform") + "\"");
        }
    }

    @Test
    void previewProtobuf_printsAProtoFile() {
        PreviewCommandTest.Run run = kdg("preview", "--preset", "atm", "--format", "protobuf", "--print-schema");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).startsWith("syntax = \"proto2\";\npackage kdg4j.generated;\n\nmessage Record {\n");
    }

    @Test
    void sendAvro_withAGivenSchema_andTheGlueHeader_landsRecordsGluesDeserializerCanRead() throws Exception {
        Path avsc = Files.writeString(dir.resolve("reading.avsc"), """
                {"type": "record", "name": "Reading", "fields": [
                  {"name": "device_id", "type": "string"},
                  {"name": "battery", "type": "int"}
                ]}""");
        UUID version = UUID.randomUUID();
        try (LocalEmulator local = LocalEmulator.start();
             KinesisClient kinesis = AwsEndpoint.of(local.endpoint(), Region.of(local.region()), "test", "test")
                     .kinesis()) {
            PreviewCommandTest.Run run = kdg("send", "--preset", "iot", "--stream", "readings", "--create",
                    "--endpoint", local.endpoint().toString(), "--records", "500", "--seed", "2",
                    "--format", "avro", "--avro-schema", avsc.toString(), "--glue-schema-version-id",
                    version.toString());
            assertThat(run.exitCode()).as(run.stderr()).isZero();
            Schema schema = new Schema.Parser().parse(Files.readString(avsc));
            List<Record> landed = StreamReader.readAll(kinesis, "readings", 500, Duration.ofSeconds(30));
            assertThat(landed).hasSize(500);
            List<String> devices = new ArrayList<>();
            for (Record record : landed) {
                ByteBuffer bytes = record.data().asByteBuffer();
                assertThat(bytes.get()).isEqualTo((byte) 3);
                assertThat(bytes.get()).isEqualTo((byte) 0);
                assertThat(new UUID(bytes.getLong(), bytes.getLong())).isEqualTo(version);
                byte[] datum = new byte[bytes.remaining()];
                bytes.get(datum);
                GenericRecord read = new GenericDatumReader<GenericRecord>(schema).read(null,
                        DecoderFactory.get().binaryDecoder(datum, null));
                assertThat((Integer) read.get("battery")).isBetween(0, 100);
                devices.add(read.get("device_id").toString());
            }
            assertThat(devices).allMatch(device -> device.startsWith("sensor-"));
        }
    }

    @Test
    void binaryFormats_refuseWhatTheyCannotWrite_namingTheFlag() {
        Path template = dir.resolve("t.kdg");
        PreviewCommandTest.Run fromTemplate;
        try {
            Files.writeString(template, "{\"id\": {{random.number(9)}}}");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        fromTemplate = kdg("preview", "--template", template.toString(), "--format", "avro");
        assertThat(fromTemplate.exitCode()).isEqualTo(2);
        assertThat(fromTemplate.stderr()).contains("--format avro needs a record with fields, but a KDG template's "
                + "records are text");
        PreviewCommandTest.Run badId = kdg("preview", "--preset", "iot", "--format", "avro",
                "--glue-schema-version-id", "v1");
        assertThat(badId.exitCode()).isEqualTo(2);
        assertThat(badId.stderr()).contains("--glue-schema-version-id must be a schema version id such as "
                + "b7b4a7f0-1f5a-4d8e-9a3c-0123456789ab but was 'v1'");
        PreviewCommandTest.Run csvGlue = kdg("preview", "--preset", "iot", "--format", "csv",
                "--glue-schema-version-id", UUID.randomUUID().toString());
        assertThat(csvGlue.stderr()).contains("--glue-schema-version-id needs --format avro, protobuf or json");
    }
}
