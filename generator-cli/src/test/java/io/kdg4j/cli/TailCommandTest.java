package io.kdg4j.cli;

import static io.kdg4j.cli.PreviewCommandTest.kdg;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kdg4j.aws.AwsEndpoint;
import io.kdg4j.aws.Provisioning;
import io.kdg4j.local.LocalEmulator;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * {@code kdg tail} against the embedded emulator; {@link TailCommandKinesisMockTest} runs the stream cases against kinesis-mock,
 * the third-party peer {@code .ci/run} starts.
 */
class TailCommandTest {
    private static LocalEmulator local;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        local = LocalEmulator.start();
    }

    @AfterAll
    static void stop() {
        local.close();
    }

    URI endpoint() {
        return local.endpoint();
    }

    private static String name() {
        return "tail-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private KinesisClient kinesis() {
        return AwsEndpoint.of(endpoint(), Region.US_EAST_1, "test", "test").kinesis();
    }

    @Test
    void aStream_printsEveryRecordOfEveryShard_thenStops() {
        String stream = name();
        PreviewCommandTest.Run sent = kdg("send", "--preset", "iot", "--stream", stream, "--endpoint",
                endpoint().toString(), "--create", "--shards", "3", "--records", "300", "--seed", "4");
        assertThat(sent.exitCode()).as(sent.stderr()).isZero();
        PreviewCommandTest.Run tail = kdg("tail", "--stream", stream, "--endpoint", endpoint().toString());
        assertThat(tail.exitCode()).as(tail.stderr()).isZero();
        List<String> previewed = kdg("preview", "--preset", "iot", "--count", "300", "--seed", "4").lines();
        assertThat(withoutTime(tail.lines())).containsExactlyInAnyOrderElementsOf(withoutTime(previewed));
        assertThat(tail.stderr()).contains("kdg tail: 300 records");
    }

    @Test
    void showMeta_andCount_printShardSequenceKeyAndArrival_forTheFirstN() {
        String stream = name();
        try (KinesisClient kinesis = kinesis()) {
            Provisioning.ensureStream(kinesis, stream, 1, Duration.ofSeconds(30));
            for (int i = 0; i < 5; i++) {
                int n = i;
                kinesis.putRecord(b -> b.streamName(stream).partitionKey("key-" + n)
                        .data(SdkBytes.fromUtf8String("{\"n\":" + n + "}")));
            }
        }
        PreviewCommandTest.Run tail = kdg("tail", "--stream", stream, "--endpoint", endpoint().toString(),
                "--show-meta", "--count", "3");
        assertThat(tail.exitCode()).as(tail.stderr()).isZero();
        assertThat(tail.lines()).hasSize(3);
        for (int i = 0; i < 3; i++) {
            String[] columns = tail.lines().get(i).split("\t");
            assertThat(columns).hasSize(5);
            assertThat(columns[0]).isEqualTo("shardId-000000000000");
            assertThat(columns[1]).matches("\\d{20,}");
            assertThat(columns[2]).isEqualTo("key-" + i);
            assertThat(columns[3]).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
            assertThat(columns[4]).isEqualTo("{\"n\":" + i + "}");
        }
    }

    @Test
    void follow_printsRecordsThatArriveLater_andFromLatest_skipsTheOldOnes() throws Exception {
        String stream = name();
        try (KinesisClient kinesis = kinesis()) {
            Provisioning.ensureStream(kinesis, stream, 2, Duration.ofSeconds(30));
            kinesis.putRecord(b -> b.streamName(stream).partitionKey("old").data(SdkBytes.fromUtf8String("old")));
            CompletableFuture<PreviewCommandTest.Run> tail = CompletableFuture.supplyAsync(() -> kdg("tail",
                    "--stream", stream, "--endpoint", endpoint().toString(), "--from", "latest", "--follow",
                    "--count", "4"));
            // LATEST is taken when tail asks for its iterators: keep writing until it has seen four
            Set<String> written = new HashSet<>();
            int[] next = {0};
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(() -> {
                String text = "new-" + next[0]++;
                kinesis.putRecord(b -> b.streamName(stream).partitionKey(text).data(SdkBytes.fromUtf8String(text)));
                written.add(text);
                return tail.isDone();
            });
            PreviewCommandTest.Run run = tail.get();
            assertThat(run.exitCode()).as(run.stderr()).isZero();
            assertThat(run.lines()).hasSize(4).allMatch(written::contains).doesNotContain("old");
        }
    }

    @Test
    void aMissingStream_isBadInput() {
        PreviewCommandTest.Run tail = kdg("tail", "--stream", "nowhere-" + UUID.randomUUID(), "--endpoint",
                endpoint().toString());
        assertThat(tail.exitCode()).isEqualTo(2);
        assertThat(tail.stderr()).startsWith("kdg: Kinesis at --endpoint " + endpoint()).contains("ResourceNotFound");
    }

    @Test
    void aBucket_printsTheLinesADeliveryStreamLanded() throws Exception {
        Path template = Files.writeString(dir.resolve("t.kdg"), "{\"id\": {{random.number(1000)}}}");
        String bucket = name();
        PreviewCommandTest.Run sent = kdg("send", "--template", template.toString(), "--delivery-stream", name(),
                "--endpoint", local.endpoint().toString(), "--create", "--bucket", bucket, "--prefix", "in/",
                "--records", "250", "--seed", "2");
        assertThat(sent.exitCode()).as(sent.stderr()).isZero();
        local.flushFirehose();
        PreviewCommandTest.Run tail = kdg("tail", "--bucket", bucket, "--prefix", "in/", "--endpoint",
                local.endpoint().toString());
        assertThat(tail.exitCode()).as(tail.stderr()).isZero();
        assertThat(tail.lines()).containsExactlyInAnyOrderElementsOf(
                kdg("preview", "--template", template.toString(), "--count", "250", "--seed", "2").lines());
        assertThat(tail.stderr()).contains("kdg tail: s3://" + bucket + "/in/").contains("kdg tail: 250 records");
    }

    @Test
    void bucketFlags_andStreamFlags_doNotMix() {
        PreviewCommandTest.Run run = kdg("tail", "--bucket", "b", "--follow");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("--follow, --show-meta and --from are for --stream, not --bucket");
        run = kdg("tail", "--stream", "s", "--from", "yesterday");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("--from must be trim-horizon, latest, an ISO-8601 instant")
                .contains("but was 'yesterday'");
    }

    private static List<String> withoutTime(List<String> lines) {
        return lines.stream().map(line -> line.replaceAll("\"timestamp\":[^,}]*", "")).toList();
    }
}
