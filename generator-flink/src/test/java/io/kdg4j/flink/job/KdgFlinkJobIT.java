package io.kdg4j.flink.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.kdg4j.aws.Provisioning;
import io.kdg4j.aws.StreamReader;
import io.kdg4j.core.Records;
import io.kdg4j.core.preset.Presets;
import io.kdg4j.core.scenario.ScenarioEvents;
import io.kdg4j.core.scenario.file.ScenarioFile;
import io.kdg4j.formats.StreamFormats;
import io.kdg4j.local.LocalEmulator;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * The packaged kdg-flink-job.jar, run in a process of its own on a classpath of Flink and the libraries Flink's
 * distribution carries, and nothing else: the jar must bring kdg4j, the connectors and picocli itself. Without a
 * cluster to submit to, Flink runs the job in a local MiniCluster, as {@code flink run} would on a cluster.
 */
class KdgFlinkJobIT {
    /** Jars of the test classpath that a Flink distribution's lib holds too (Flink's own, and what it bundles). */
    private static final Pattern FLINK_DISTRIBUTION = Pattern.compile(".*/(org/apache/flink/flink-(?!connector-kinesis"
            + "|connector-aws|connector-datagen)[^/]+|com/esotericsoftware/.*|com/twitter/chill-java|org/objenesis"
            + "|org/apache/commons/commons-(lang3|text|compress|math3)|commons-collections/commons-collections"
            + "|commons-io/commons-io|org/snakeyaml/snakeyaml-engine|org/javassist|org/xerial/snappy|at/yawk/lz4"
            + "|org/lz4|org/slf4j/slf4j-api|com/google/code/findbugs/jsr305|tools/profiler)/.*\\.jar");

    @Test
    void theShadedJob_onFlinksClasspath_sendsTheRecordsKdgPreviewMakes() throws Exception {
        try (LocalEmulator local = LocalEmulator.start(); KinesisClient kinesis = kinesis(local)) {
            Provisioning.ensureStream(kinesis, "from-the-jar", 2, Duration.ofSeconds(30));
            runJob("--preset", "iot", "--records", "3e3", "--seed", "5", "--clock", "2026-01-01T00:00:00Z",
                    "--stream", "from-the-jar", "--endpoint", local.endpoint().toString());

            List<String> landed = new ArrayList<>();
            StreamReader.readAll(kinesis, "from-the-jar", 3_000, Duration.ofSeconds(30))
                    .forEach(record -> landed.add(record.data().asUtf8String()));
            List<String> expected = new ArrayList<>();
            Records.from(Presets.get("iot").schema()).seed(5)
                    .clock(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC)).stream(3_000)
                    .forEach(record -> expected.add(record.text()));
            landed.sort(null);
            expected.sort(null);
            assertThat(landed).isEqualTo(expected);
        }
    }

    /** A scenario whose readings are Avro, written against the schema beside the file: YAML, Avro and all. */
    @Test
    void theShadedJob_sendsAScenario_eachStreamWhereItsFileSays(@TempDir Path directory) throws Exception {
        Files.writeString(directory.resolve("reading.avsc"), """
                {"type": "record", "name": "Reading", "namespace": "com.example", "fields": [
                  {"name": "device_id", "type": "string"}, {"name": "celsius", "type": "double"}]}
                """);
        Path file = Files.writeString(directory.resolve("devices.yaml"), """
                start: 2026-03-01T00:00:00Z
                populations:
                  device:
                    size: 100
                    key: device_id
                    arrivals: { initial: 10, every: 100ms }
                    fields:
                      device_id: { concat: ["D-", { sequence: {} }] }
                streams:
                  devices:
                    created: device
                    to: { kinesis: jar-devices }
                    fields:
                      device_id: { ref: device }
                  readings:
                    every: 200
                    by: device
                    to: { kinesis: jar-readings }
                    format: avro
                    avroSchema: reading.avsc
                    fields:
                      device_id: { ref: device }
                      celsius: { decimals: ["-5.0", "35.0"] }
                """);
        try (LocalEmulator local = LocalEmulator.start(); KinesisClient kinesis = kinesis(local)) {
            Provisioning.ensureStream(kinesis, "jar-devices", 1, Duration.ofSeconds(30));
            Provisioning.ensureStream(kinesis, "jar-readings", 2, Duration.ofSeconds(30));
            runJob("--scenario", file.toString(), "--records", "2000", "--seed", "5", "--endpoint",
                    local.endpoint().toString());

            ScenarioFile scenario = ScenarioFile.load(file);
            Map<String, List<String>> expected = new HashMap<>();
            ScenarioEvents.from(scenario.scenario()).seed(5).encoders(StreamFormats.encoders(scenario)).iterator(2_000)
                    .forEachRemaining(event -> expected.computeIfAbsent(event.stream(), s -> new ArrayList<>())
                            .add(Base64.getEncoder().encodeToString(event.record().bytes())));
            for (String stream : List.of("devices", "readings")) {
                List<String> landed = new ArrayList<>();
                StreamReader.readAll(kinesis, "jar-" + stream, expected.get(stream).size(), Duration.ofSeconds(30))
                        .forEach(r -> landed.add(Base64.getEncoder().encodeToString(r.data().asByteArray())));
                landed.sort(null);
                expected.get(stream).sort(null);
                assertThat(landed).as(stream).isEqualTo(expected.get(stream));
            }
        }
    }

    private static KinesisClient kinesis(LocalEmulator local) {
        return KinesisClient.builder().endpointOverride(local.endpoint()).region(Region.of(local.region()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        local.accessKeyId(), local.secretAccessKey()))).build();
    }

    /** Runs the job jar with {@code args} in a JVM of its own and waits for it to end by itself. */
    private static void runJob(String... args) throws Exception {
        Path jar = Path.of("target", "kdg-flink-job.jar");
        assertThat(jar).exists();
        List<String> classpath = new ArrayList<>(List.of(jar.toString()));
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (FLINK_DISTRIBUTION.matcher(entry.replace(File.separatorChar, '/')).matches()) {
                classpath.add(entry);
            }
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", String.join(File.pathSeparator, classpath), "io.kdg4j.flink.job.KdgFlinkJob"));
        command.addAll(List.of(args));
        Path log = Files.createTempFile("kdg-flink-job", ".log");
        Process job = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(job.waitFor(120, TimeUnit.SECONDS)).as("the job ended by itself").isTrue();
        assertThat(job.exitValue()).as(Files.readString(log)).isZero();
    }
}
