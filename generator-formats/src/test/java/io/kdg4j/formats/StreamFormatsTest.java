package io.kdg4j.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kdg4j.core.scenario.ScenarioEvent;
import io.kdg4j.core.scenario.ScenarioEvents;
import io.kdg4j.core.scenario.ScenarioIterator;
import io.kdg4j.core.scenario.file.ScenarioFile;
import io.kdg4j.core.scenario.file.ScenarioFileException;
import io.kdg4j.formats.avro.AvroSchemas;
import io.kdg4j.formats.glue.GlueSchemaRegistryFraming;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A scenario file's streams written in the formats it names: the same events, in Avro where it says so. */
class StreamFormatsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final UUID VERSION = UUID.fromString("b7b4a7f0-1f5a-4d8e-9a3c-0123456789ab");

    private static final String FILE = """
            start: 2026-03-01T00:00:00Z
            populations:
              customer:
                size: 100
                key: customer_id
                fields:
                  customer_id: { concat: ["C-", { sequence: {} }] }
                  tier: { oneOf: [gold, silver] }
            streams:
              customers:
                created: customer
                fields:
                  customer_id: { ref: customer }
              orders:
                every: 10
                by: customer
                format: avro
                glueSchemaVersionId: b7b4a7f0-1f5a-4d8e-9a3c-0123456789ab
                fields:
                  customer_id: { ref: customer }
                  tier: { ref: customer, field: tier }
                  amount: { integers: [1, 500] }
            """;

    @Test
    void aStreamMarkedAvro_isWrittenInAvroWithTheGlueHeader_theOthersInJson_sameEvents() throws Exception {
        ScenarioFile file = ScenarioFile.parse(FILE, "formats.yaml");
        assertThat(file.format("orders")).isEqualTo(new ScenarioFile.Format("avro", VERSION));
        ScenarioIterator binary = ScenarioEvents.from(file.scenario()).seed(3)
                .encoders(StreamFormats.encoders(file)).iterator(400);
        ScenarioIterator json = ScenarioEvents.from(file.scenario()).seed(3).iterator(400);
        Schema schema = AvroSchemas.of(file.scenario().stream("orders").orElseThrow().schema(), "Orders",
                "io.kdg4j.generated");
        GenericDatumReader<GenericRecord> reader = new GenericDatumReader<>(schema);
        int orders = 0;
        while (json.hasNext()) {
            ScenarioEvent asJson = json.next();
            ScenarioEvent written = binary.next();
            assertThat(written.stream()).isEqualTo(asJson.stream());
            assertThat(written.record().partitionKey()).isEqualTo(asJson.record().partitionKey());
            if (asJson.stream().equals("customers")) {
                assertThat(written.record().text()).isEqualTo(asJson.record().text());
                continue;
            }
            orders++;
            byte[] bytes = written.record().bytes();
            ByteBuffer header = ByteBuffer.wrap(bytes, 0, GlueSchemaRegistryFraming.HEADER_LENGTH);
            assertThat(header.get()).isEqualTo(GlueSchemaRegistryFraming.HEADER_VERSION);
            assertThat(header.get()).isEqualTo(GlueSchemaRegistryFraming.NO_COMPRESSION);
            assertThat(new UUID(header.getLong(), header.getLong())).isEqualTo(VERSION);
            byte[] avro = Arrays.copyOfRange(bytes, GlueSchemaRegistryFraming.HEADER_LENGTH, bytes.length);
            GenericRecord read = reader.read(null, DecoderFactory.get().binaryDecoder(avro, null));
            JsonNode expected = JSON.readTree(asJson.record().text());
            assertThat(read.get("customer_id").toString()).isEqualTo(expected.get("customer_id").asText());
            assertThat(read.get("tier").toString()).isEqualTo(expected.get("tier").asText());
            assertThat((Long) read.get("amount")).isEqualTo(expected.get("amount").asLong());
        }
        assertThat(orders).isGreaterThan(200);
    }

    @Test
    void anUnknownFormat_orAVersionIdThatIsNot_isNamedByPath() {
        assertThatThrownBy(() -> ScenarioFile.parse(FILE.replace("format: avro", "format: arvo")
                .replace("b7b4a7f0-1f5a-4d8e-9a3c-0123456789ab", "v1"), "formats.yaml"))
                .isInstanceOfSatisfying(ScenarioFileException.class, e -> assertThat(e.problems()).containsExactly(
                        "streams.orders.format: unknown format \"arvo\" (did you mean \"avro\"?)",
                        "streams.orders.glueSchemaVersionId: must be a schema version id such as "
                                + "b7b4a7f0-1f5a-4d8e-9a3c-0123456789ab but was \"v1\""));
    }

    /** The orders stream of {@link #FILE} with the Avro schema the team registered, written inline. */
    private static final String GIVEN = FILE.replace("    glueSchemaVersionId:", """
                avroSchema:
                  type: record
                  name: Order
                  namespace: com.example.shop
                  fields:
                    - { name: customer_id, type: string }
                    - { name: tier, type: { type: enum, name: Tier, symbols: [gold, silver, bronze] } }
                    - { name: amount, type: int }
                    - { name: coupon, type: [ "null", string ], default: null }
                glueSchemaVersionId:""".indent(4).stripTrailing());

    @Test
    void aGivenAvroSchema_isWhatTheRecordsAreWrittenAgainst() throws Exception {
        ScenarioFile file = ScenarioFile.parse(GIVEN, "given.yaml");
        Schema schema = new Schema.Parser().parse(file.format("orders").avroSchema());
        assertThat(schema.getFullName()).isEqualTo("com.example.shop.Order");
        ScenarioIterator events = ScenarioEvents.from(file.scenario()).seed(3)
                .encoders(StreamFormats.encoders(file)).iterator(400);
        ScenarioIterator json = ScenarioEvents.from(file.scenario()).seed(3).iterator(400);
        GenericDatumReader<GenericRecord> reader = new GenericDatumReader<>(schema);
        int orders = 0;
        while (json.hasNext()) {
            ScenarioEvent asJson = json.next();
            ScenarioEvent written = events.next();
            if (!asJson.stream().equals("orders")) {
                continue;
            }
            orders++;
            byte[] bytes = written.record().bytes();
            byte[] avro = Arrays.copyOfRange(bytes, GlueSchemaRegistryFraming.HEADER_LENGTH, bytes.length);
            GenericRecord read = reader.read(null, DecoderFactory.get().binaryDecoder(avro, null));
            JsonNode expected = JSON.readTree(asJson.record().text());
            assertThat(read.get("customer_id").toString()).isEqualTo(expected.get("customer_id").asText());
            assertThat(read.get("tier").toString()).isEqualTo(expected.get("tier").asText());
            assertThat(read.get("amount")).isEqualTo(expected.get("amount").asInt());
            assertThat(read.get("coupon")).isNull();
        }
        assertThat(orders).isGreaterThan(200);
    }

    @Test
    void aGivenSchemaTheRecordsDoNotFit_isReportedByTheStreamsPath_beforeAnythingIsSent() {
        ScenarioFile file = ScenarioFile.parse(GIVEN.replace("symbols: [gold, silver, bronze]",
                "symbols: [GOLD, SILVER]"), "given.yaml");
        assertThatThrownBy(() -> StreamFormats.encoders(file))
                .isInstanceOfSatisfying(ScenarioFileException.class, e -> assertThat(e.problems()).singleElement()
                        .asString().startsWith("streams.orders.avroSchema: $.tier: ").contains("enum"));
        ScenarioFile unreadable = ScenarioFile.parse(GIVEN.replace("type: record", "type: recrod"), "given.yaml");
        assertThatThrownBy(() -> StreamFormats.encoders(unreadable))
                .isInstanceOfSatisfying(ScenarioFileException.class, e -> assertThat(e.problems()).singleElement()
                        .asString().startsWith("streams.orders.avroSchema: not an Avro schema: "));
    }

    @Test
    void aGivenSchema_isOnlyForAvro_andAFileOfItIsReadBesideTheScenarioFile(@TempDir Path directory)
            throws Exception {
        assertThatThrownBy(() -> ScenarioFile.parse(GIVEN.replace("format: avro", "format: protobuf"), "given.yaml"))
                .isInstanceOfSatisfying(ScenarioFileException.class, e -> assertThat(e.problems()).containsExactly(
                        "streams.orders.avroSchema: gives the schema of format: avro, but the stream's format is "
                                + "protobuf"));
        String inline = ScenarioFile.parse(GIVEN, "given.yaml").format("orders").avroSchema();
        Files.writeString(directory.resolve("order.avsc"), inline);
        String byName = GIVEN.substring(0, GIVEN.indexOf("    avroSchema:")) + "    avroSchema: order.avsc\n"
                + GIVEN.substring(GIVEN.indexOf("    glueSchemaVersionId:"));
        Files.writeString(directory.resolve("shop.yaml"), byName);
        ScenarioFile loaded = ScenarioFile.load(directory.resolve("shop.yaml"));
        assertThat(new Schema.Parser().parse(loaded.format("orders").avroSchema()))
                .isEqualTo(new Schema.Parser().parse(inline));
        assertThatThrownBy(() -> ScenarioFile.parse(byName, "typed in the page"))
                .isInstanceOfSatisfying(ScenarioFileException.class, e -> assertThat(e.problems()).containsExactly(
                        "streams.orders.avroSchema: names the file \"order.avsc\", but this scenario was not read "
                                + "from a file, so there is nothing to look beside: write the schema inline"));
    }
}
