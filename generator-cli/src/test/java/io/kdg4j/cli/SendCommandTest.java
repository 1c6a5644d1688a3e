package io.kdg4j.cli;

import static io.kdg4j.cli.PreviewCommandTest.kdg;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kdg4j.aws.AwsEndpoint;
import io.kdg4j.aws.LandingReader;
import io.kdg4j.aws.StreamReader;
import io.kdg4j.local.LocalEmulator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.s3.S3Client;

class SendCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static LocalEmulator local;
    private static KinesisClient kinesis;
    private static S3Client s3;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        local = LocalEmulator.start();
        AwsEndpoint endpoint = AwsEndpoint.of(local.endpoint(), Region.of(local.region()), "test", "test");
        kinesis = endpoint.kinesis();
        s3 = endpoint.s3();
    }

    @AfterAll
    static void stop() {
        kinesis.close();
        s3.close();
        local.close();
    }

    private static String name() {
        return "send-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static List<String> withoutTimestamps(List<String> jsonLines) throws Exception {
        List<String> out = new ArrayList<>();
        for (String line : jsonLines) {
            ObjectNode node = (ObjectNode) JSON.readTree(line);
            node.remove("timestamp");
            out.add(node.toString());
        }
        return out;
    }

    @Test
    void preset_toAStream_sendsTheSeededRecords_andWritesTheSummaryJson() throws Exception {
        String stream = name();
        Path summary = dir.resolve("summary.json");
        PreviewCommandTest.Run run = kdg("send", "--preset", "sakila", "--stream", stream, "--endpoint",
                local.endpoint().toString(), "--create", "--shards", "2", "--records", "3000", "--seed", "1",
                "--summary-json", summary.toString());
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stderr()).contains("created stream " + stream + " (2 shards)")
                .contains("generated 3,000, acked 3,000, failed 0");

        JsonNode json = JSON.readTree(summary.toFile());
        List<String> keys = new ArrayList<>();
        json.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("generated", "acked", "failed", "inFlight", "retried", "throttled", "elapsedSeconds",
                "recordsPerSecond");
        assertThat(json.get("acked").asLong()).isEqualTo(3000);

        List<Record> read = StreamReader.readAll(kinesis, stream, 3000, Duration.ofSeconds(30));
        List<String> sent = new ArrayList<>();
        read.forEach(r -> sent.add(r.data().asString(StandardCharsets.UTF_8)));
        // the same records as a seeded preview, apart from the wall-clock timestamp
        List<String> previewed = kdg("preview", "--preset", "sakila", "--count", "3000", "--seed", "1").lines();
        assertThat(withoutTimestamps(sent)).containsExactlyInAnyOrderElementsOf(withoutTimestamps(previewed));
    }

    @Test
    void instances_ofOneRun_sendDisjointShares_thatMakeTheWholeRun() throws Exception {
        String stream = name();
        for (String instance : List.of("0/2", "1/2")) {
            PreviewCommandTest.Run run = kdg("send", "--preset", "clickstream", "--stream", stream, "--endpoint",
                    local.endpoint().toString(), "--create", "--records", "1001", "--seed", "9", "--instance",
                    instance);
            assertThat(run.exitCode()).as(run.stderr()).isZero();
        }
        List<Record> read = StreamReader.readAll(kinesis, stream, 1001, Duration.ofSeconds(30));
        List<String> sent = new ArrayList<>();
        read.forEach(r -> sent.add(r.data().asString(StandardCharsets.UTF_8)));
        List<String> whole = kdg("preview", "--preset", "clickstream", "--count", "1001", "--seed", "9").lines();
        assertThat(withoutTimestamps(sent)).containsExactlyInAnyOrderElementsOf(withoutTimestamps(whole));
    }

    @Test
    void template_toADeliveryStream_landsJsonLinesUnderThePrefix() throws Exception {
        Path template = dir.resolve("orders.kdg");
        Files.writeString(template, "{\"film_id\": {{random.number({\"min\":1,\"max\":1000})}}, "
                + "\"state\": \"{{address.state}}\"}");
        String bucket = name();
        PreviewCommandTest.Run run = kdg("send", "--template", template.toString(), "--delivery-stream", name(),
                "--endpoint", local.endpoint().toString(), "--create", "--bucket", bucket, "--prefix",
                "streaming/!{timestamp:yyyy/MM/}", "--error-prefix", "errors/!{firehose:error-output-type}/",
                "--buffer-seconds", "60", "--records", "500", "--rate", "1000");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        local.flushFirehose();
        List<String> lines = LandingReader.lines(s3, bucket, "streaming/");
        assertThat(lines).hasSize(500).allMatch(line -> line.matches("\\{\"film_id\": \\d+, \"state\": \"[^\"]+\"}"));
    }

    @Test
    void recordsTooLargeForKinesis_areFailedAndCounted_andTheExitCodeIsOne() throws Exception {
        Path template = dir.resolve("big.kdg");
        Files.writeString(template, "{\"blob\": \"" + "x".repeat(1024 * 1024) + "\", \"n\": {{random.number(9)}}}");
        Path summary = dir.resolve("big.json");
        PreviewCommandTest.Run run = kdg("send", "--template", template.toString(), "--stream", name(),
                "--endpoint", local.endpoint().toString(), "--create", "--records", "3", "--summary-json",
                summary.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr()).contains("failed 3: RecordTooLarge");
        assertThat(JSON.readTree(summary.toFile()).get("failed").asLong()).isEqualTo(3);
    }

    @Test
    void missingStream_withoutCreate_isBadInput_sayingHowToCreateIt() {
        PreviewCommandTest.Run run = kdg("send", "--preset", "sakila", "--stream", "nowhere", "--endpoint",
                local.endpoint().toString(), "--records", "1");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("stream nowhere does not exist").contains("--create");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--rate|0|--rate must be a positive number of records/s but was 0.0",
        "--rate-profile|wobble:5|--rate-profile: rate profile 'wobble:5': unknown kind 'wobble'",
        "--duration|ten|--duration: duration must look like 250ms, 10s, 5m, 1h, 2d or PT10S but was 'ten'",
        "--records|0|--records must be >= 1 but was 0",
        "--instance|3/2|--instance: instance must be in [0, 1] but was 3",
        "--shards|-1|--shards must be in [0, 10000] (0 = on-demand) but was -1",
        "--endpoint|ftp://x|--endpoint must be a URL such as http://localhost:4566, or 'local', but was 'ftp://x'",
        "--bucket|b|--bucket, --prefix and --error-prefix are for --delivery-stream, not --stream",
        "--sim-time|2026-01-02..2026-01-01|--sim-time: simulated time must end after it starts",
        "--sim-time|yesterday..today|--sim-time: FROM must be a date or date-time such as 2026-01-01",
        "--sim-time|2026-01-01|--sim-time: simulated time must be FROM..TO",
        "--sim-speed|3600x|--sim-speed, --sim-tick and --sim-wait need --sim-time FROM..TO",
    })
    void badFlags_exitWith2_namingTheFlagAndValue(String flag, String value, String message) {
        PreviewCommandTest.Run run = kdg("send", "--preset", "sakila", "--stream", "s", flag, value);
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains(message);
    }

    @Test
    void simTime_withoutARate_andWithTwoPaces_isBadInput() {
        PreviewCommandTest.Run noRate = kdg("send", "--preset", "sakila", "--stream", "s", "--sim-time",
                "2026-01-01..2026-01-02");
        assertThat(noRate.exitCode()).isEqualTo(2);
        assertThat(noRate.stderr()).contains("--sim-time needs --rate or --rate-profile");
        PreviewCommandTest.Run twoPaces = kdg("send", "--preset", "sakila", "--stream", "s", "--rate", "5",
                "--sim-time", "2026-01-01..2026-01-02", "--sim-speed", "60x", "--sim-tick", "5s");
        assertThat(twoPaces.exitCode()).isEqualTo(2);
        assertThat(twoPaces.stderr()).contains("--sim-speed goes alone");
    }

    /**
     * A simulated six hours of a KDG template at 2 records/s, one request at a time: 43,200 records whose
     * date.simTime walks the simulated span in order, while Kinesis' own arrival times stay real.
     */
    @Test
    void simTime_sendsTheSimulatedSpan_inOrder_withTheSimulatedInstantInTheRecords() throws Exception {
        String stream = name();
        Path template = dir.resolve("clicks.kdg");
        Files.writeString(template, "{\"at\": \"{{date.simTime(\"YYYY-MM-DDTHH:mm:ss.SSS[Z]\")}}\", "
                + "\"user\": \"{{internet.userName}}\"}");
        PreviewCommandTest.Run run = kdg("send", "--template", template.toString(), "--stream", stream,
                "--endpoint", local.endpoint().toString(), "--create", "--rate", "2", "--seed", "4", "--in-order",
                "--sim-time", "2026-01-01T00:00..2026-01-01T06:00");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stderr()).contains("simulated time 2026-01-01T00:00:00Z..2026-01-01T06:00:00Z")
                .contains("generated 43,200, acked 43,200, failed 0");

        List<Record> read = StreamReader.readAll(kinesis, stream, 43_200, Duration.ofSeconds(30));
        List<Instant> times = new ArrayList<>();
        for (Record record : read) {
            times.add(Instant.parse(JSON.readTree(record.data().asByteArray()).get("at").asText()));
            assertThat(record.approximateArrivalTimestamp()).isAfter(Instant.parse("2026-11-01T00:00:00Z"));
        }
        assertThat(times).hasSize(43_200).isSorted();
        assertThat(times.get(0)).isEqualTo(Instant.parse("2026-01-01T00:00:00.250Z"));
        assertThat(times.get(times.size() - 1)).isEqualTo(Instant.parse("2026-01-01T05:59:59.750Z"));
    }

    @Test
    void endpointLocal_runsAnEmbeddedEmulator() {
        PreviewCommandTest.Run run = kdg("send", "--preset", "iot", "--stream", "devices", "--endpoint", "local",
                "--create", "--duration", "1s", "--rate", "500");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stderr()).contains("embedded emulator on http://127.0.0.1:").contains("acked 50");
    }

    @Test
    void endpointLocal_createsTheStream_withoutBeingAsked() {
        PreviewCommandTest.Run run = kdg("send", "--preset", "iot", "--stream", "fresh", "--endpoint", "local",
                "--records", "20");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stderr()).contains("created stream fresh (1 shard)").contains("acked 20");
    }

    @Test
    void aFieldOfATemplatesJson_isThePartitionKey() throws Exception {
        Path template = dir.resolve("who.kdg");
        Files.writeString(template, "{\"who\": \"{{random.arrayElement([\"ann\",\"bob\",\"cy\"])}}\", "
                + "\"n\": {{random.number(99)}}}");
        String stream = name();
        PreviewCommandTest.Run run = kdg("send", "--template", template.toString(), "--stream", stream,
                "--endpoint", local.endpoint().toString(), "--create", "--records", "60", "--partition-key",
                "field:who");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        List<Record> read = StreamReader.readAll(kinesis, stream, 60, Duration.ofSeconds(30));
        assertThat(read).hasSize(60).allSatisfy(r -> assertThat(r.data().asUtf8String())
                .startsWith("{\"who\": \"" + r.partitionKey() + "\""));
    }

    @Test
    void aPartitionKeyFieldTheRecordLacks_isRefusedBeforeSending() throws Exception {
        Path template = dir.resolve("plain.kdg");
        Files.writeString(template, "{{name.firstName}},{{random.number(9)}}");
        PreviewCommandTest.Run run = kdg("send", "--template", template.toString(), "--stream", name(),
                "--endpoint", local.endpoint().toString(), "--create", "--records", "5", "--partition-key",
                "field:who");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("--partition-key field:who gives an empty key for the first record")
                .contains("or the record is not a JSON object");
    }
}
