package io.kdg4j.cli;

import static io.kdg4j.cli.PreviewCommandTest.kdg;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kdg4j.aws.AwsEndpoint;
import io.kdg4j.aws.StreamReader;
import io.kdg4j.local.LocalEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.Record;

/** kdg preview and kdg send with --scenario: several streams from one file. */
class ScenarioCommandTest {
    static final Path SHOP = Path.of("..", "examples", "scenarios", "shop.yaml");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void preview_printsEachEventWithItsStream_andCountsLateAndDuplicateOnes() throws Exception {
        PreviewCommandTest.Run run = kdg("preview", "--scenario", SHOP.toString(), "--count", "3000", "--seed", "7");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.lines()).hasSize(3000);
        Set<String> created = new HashSet<>();
        Map<String, Integer> perStream = new HashMap<>();
        for (String line : run.lines()) {
            String[] parts = line.split("\t", 2);
            perStream.merge(parts[0], 1, Integer::sum);
            String customer = JSON.readTree(parts[1]).get("customer_id").asText();
            if (parts[0].equals("customers")) {
                created.add(customer);
            } else {
                assertThat(created).contains(customer);
            }
        }
        assertThat(perStream).containsOnlyKeys("customers", "orders", "clicks");
        assertThat(run.stderr()).matches("kdg preview: customers " + perStream.get("customers") + "; orders "
                + perStream.get("orders") + " \\(\\d+ late, \\d+ duplicates\\); clicks " + perStream.get("clicks")
                + "\\s*");
        // the same seed prints the same events; --only prints one stream's records alone
        PreviewCommandTest.Run orders = kdg("preview", "--scenario", SHOP.toString(), "--count", "3000", "--seed",
                "7", "--only", "orders");
        assertThat(orders.lines()).containsExactlyElementsOf(run.lines().stream()
                .filter(line -> line.startsWith("orders\t")).map(line -> line.substring(7)).toList());
    }

    @Test
    void aStreamWrittenInAvro_isPrintedInBase64_theOthersAsJson() throws Exception {
        Path file = Files.writeString(dir.resolve("shop.yaml"), Files.readString(SHOP)
                .replace("  orders:\n    every: 200", "  orders:\n    format: avro\n    every: 200"));
        PreviewCommandTest.Run run = kdg("preview", "--scenario", file.toString(), "--count", "2000", "--seed", "7");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        List<String> orders = run.lines().stream().filter(l -> l.startsWith("orders\t")).toList();
        assertThat(orders).isNotEmpty().allSatisfy(line -> assertThat(java.util.Base64.getDecoder()
                .decode(line.substring(7))).isNotEmpty());
        assertThat(run.lines().stream().filter(l -> l.startsWith("customers\t")).findFirst().orElseThrow())
                .contains("{\"type\":\"customer_created\"");
        PreviewCommandTest.Run withFormat = kdg("preview", "--scenario", file.toString(), "--format", "avro");
        assertThat(withFormat.exitCode()).isEqualTo(2);
        assertThat(withFormat.stderr()).contains("a scenario's file gives each stream's format");
    }

    @Test
    void aMistakeInTheFile_isNamedByItsPath_andNothingIsSent() throws Exception {
        Path file = Files.writeString(dir.resolve("shop.yaml"), Files.readString(SHOP)
                .replace("customer_tier: { ref: customer, field: tier }", "customer_tier: { ref: custmer, field: tier }"));
        PreviewCommandTest.Run run = kdg("send", "--scenario", file.toString(), "--endpoint", "local",
                "--records", "10");
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.stderr()).contains("scenario " + file + ": streams.orders.fields.customer_tier: unknown "
                + "population \"custmer\" (did you mean \"customer\"?)")
                .doesNotContain("created stream");
        PreviewCommandTest.Run both = kdg("send", "--scenario", SHOP.toString(), "--stream", "s", "--records", "1");
        assertThat(both.exitCode()).isNotZero();
        assertThat(both.stderr()).contains("--scenario sends each stream where its file says");
    }

    @Test
    void anAvroSchemaTheOrdersDoNotFit_isNamedByItsPath_andNothingIsCreatedOrSent() throws Exception {
        Files.writeString(dir.resolve("order.avsc"), """
                {"type": "record", "name": "Order", "namespace": "com.example.shop", "fields": [
                  {"name": "order_id", "type": "string"},
                  {"name": "customer_id", "type": "string"},
                  {"name": "amount", "type": "long"}]}
                """);
        Path file = Files.writeString(dir.resolve("shop.yaml"), Files.readString(SHOP).replace(
                "  orders:\n    every: 200", "  orders:\n    format: avro\n    avroSchema: order.avsc\n    every: 200"));
        try (LocalEmulator local = LocalEmulator.start();
             KinesisClient kinesis = AwsEndpoint.of(local.endpoint(), Region.of(local.region()), "test", "test")
                     .kinesis()) {
            PreviewCommandTest.Run run = kdg("send", "--scenario", file.toString(), "--endpoint",
                    local.endpoint().toString(), "--create", "--records", "1000", "--seed", "7");
            assertThat(run.exitCode()).isNotZero();
            assertThat(run.stderr()).contains("scenario " + file + ": streams.orders.avroSchema: $.amount: ")
                    .contains("long");
            assertThat(kinesis.listStreams().streamNames()).as("nothing created, nothing sent").isEmpty();
        }
        Files.writeString(dir.resolve("order.avsc"), Files.readString(dir.resolve("order.avsc"))
                .replace("\"long\"", "\"double\""));
        PreviewCommandTest.Run fits = kdg("preview", "--scenario", file.toString(), "--count", "2000");
        assertThat(fits.exitCode()).as(fits.stderr()).isZero();
        assertThat(fits.lines().stream().filter(l -> l.startsWith("orders\t"))).isNotEmpty();
    }

    @Test
    void inEventTime_atRealTime_noEventArrivesBeforeItsEventTime_lateOnesAfterTheirDelay() throws Exception {
        Path file = Files.writeString(dir.resolve("live.yaml"), """
                populations:
                  sensor:
                    size: 20
                    key: sensor_id
                    fields:
                      sensor_id: { concat: ["S-", { sequence: {} }] }
                streams:
                  readings:
                    every: 100
                    by: sensor
                    late: { share: 0.2, by: 500ms }
                    fields:
                      sensor_id: { ref: sensor }
                      at: { event: timeMillis }
                """);
        try (LocalEmulator local = LocalEmulator.start();
             KinesisClient kinesis = AwsEndpoint.of(local.endpoint(), Region.of(local.region()), "test", "test")
                     .kinesis()) {
            PreviewCommandTest.Run run = kdg("send", "--scenario", file.toString(), "--endpoint",
                    local.endpoint().toString(), "--create", "--shards", "1", "--records", "200", "--sim-speed", "1x");
            assertThat(run.exitCode()).as(run.stderr()).isZero();
            assertThat(run.stderr()).contains("the scenario in its event time, real time from now");
            List<Record> landed = StreamReader.readAll(kinesis, "readings", 200, Duration.ofSeconds(30));
            long late = 0;
            long latest = Long.MIN_VALUE;
            for (Record record : landed) {
                long eventTime = json(record).get("at").asLong();
                assertThat(record.approximateArrivalTimestamp().toEpochMilli()).as("arrival of %s", eventTime)
                        .isGreaterThanOrEqualTo(eventTime);
                if (eventTime < latest) {   // sent after an event with a later event time: a late one
                    late++;
                    assertThat(record.approximateArrivalTimestamp().toEpochMilli()).isGreaterThanOrEqualTo(
                            eventTime + 500);
                }
                latest = Math.max(latest, eventTime);
            }
            assertThat(late).isPositive();
        }
        PreviewCommandTest.Run withRate = kdg("send", "--scenario", file.toString(), "--endpoint", "local",
                "--records", "10", "--sim-speed", "60x", "--rate", "100");
        assertThat(withRate.exitCode()).isEqualTo(2);
        assertThat(withRate.stderr()).contains("--sim-speed plays a scenario in its own event time");
        PreviewCommandTest.Run simTime = kdg("send", "--scenario", file.toString(), "--endpoint", "local",
                "--records", "10", "--sim-time", "2026-01-01T00:00..2026-01-02T00:00");
        assertThat(simTime.exitCode()).isEqualTo(2);
        assertThat(simTime.stderr()).contains("--sim-speed Nx plays it at N times real time");
    }

    @Test
    void send_putsEachStreamInItsOwnKinesisStream_createdEventsBeforeWhatRefersToThem() throws Exception {
        try (LocalEmulator local = LocalEmulator.start();
             KinesisClient kinesis = AwsEndpoint.of(local.endpoint(), Region.of(local.region()), "test", "test")
                     .kinesis()) {
            PreviewCommandTest.Run run = kdg("send", "--scenario", SHOP.toString(), "--endpoint",
                    local.endpoint().toString(), "--create", "--shards", "2", "--records", "20000", "--seed", "7");
            assertThat(run.exitCode()).as(run.stderr()).isZero();
            assertThat(run.stderr()).contains("generated 20,000, acked 20,000, failed 0")
                    .containsPattern("customers (\\d+) \\(\\1 acked\\); orders (\\d+) \\(\\2 acked, \\d+ late, "
                            + "\\d+ duplicates\\); clicks (\\d+) \\(\\3 acked\\)");
            java.util.regex.Matcher counts = java.util.regex.Pattern.compile("customers (\\d+) .*; orders (\\d+) "
                    + ".*; clicks (\\d+) ").matcher(run.stderr());
            assertThat(counts.find()).isTrue();
            Map<String, List<Record>> landed = new HashMap<>();
            List<String> streams = List.of("customers", "orders", "clicks");
            for (int s = 0; s < 3; s++) {
                long expected = Long.parseLong(counts.group(s + 1));
                landed.put(streams.get(s), StreamReader.readAll(kinesis, streams.get(s), expected,
                        Duration.ofSeconds(30)));
                assertThat(landed.get(streams.get(s))).hasSize((int) expected);
            }
            // arrival order across streams: every reference arrived after its customer's created event
            Map<String, java.time.Instant> createdAt = new HashMap<>();
            for (Record record : landed.get("customers")) {
                createdAt.put(json(record).get("customer_id").asText(), record.approximateArrivalTimestamp());
            }
            List<Record> references = new ArrayList<>(landed.get("orders"));
            references.addAll(landed.get("clicks"));
            references.sort(Comparator.comparing(Record::approximateArrivalTimestamp));
            for (Record record : references) {
                String customer = json(record).get("customer_id").asText();
                assertThat(createdAt).containsKey(customer);
                assertThat(record.approximateArrivalTimestamp()).isAfterOrEqualTo(createdAt.get(customer));
                assertThat(record.partitionKey()).isEqualTo(customer);
            }
        }
    }

    private static JsonNode json(Record record) throws Exception {
        return JSON.readTree(record.data().asUtf8String());
    }
}
