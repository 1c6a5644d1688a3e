package io.kdg4j.flink.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.kdg4j.aws.Provisioning;
import io.kdg4j.aws.StreamReader;
import io.kdg4j.core.Records;
import io.kdg4j.core.preset.Presets;
import io.kdg4j.local.LocalEmulator;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
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
        Path jar = Path.of("target", "kdg-flink-job.jar");
        assertThat(jar).exists();
        List<String> classpath = new ArrayList<>(List.of(jar.toString()));
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (FLINK_DISTRIBUTION.matcher(entry.replace(File.separatorChar, '/')).matches()) {
                classpath.add(entry);
            }
        }
        try (LocalEmulator local = LocalEmulator.start();
             KinesisClient kinesis = KinesisClient.builder().endpointOverride(local.endpoint())
                     .region(Region.of(local.region())).credentialsProvider(StaticCredentialsProvider.create(
                             AwsBasicCredentials.create(local.accessKeyId(), local.secretAccessKey()))).build()) {
            Provisioning.ensureStream(kinesis, "from-the-jar", 2, Duration.ofSeconds(30));
            Path log = Files.createTempFile("kdg-flink-job", ".log");
            Process job = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", String.join(File.pathSeparator, classpath), "io.kdg4j.flink.job.KdgFlinkJob",
                    "--preset", "iot", "--records", "3e3", "--seed", "5", "--clock", "2026-01-01T00:00:00Z",
                    "--stream", "from-the-jar", "--endpoint", local.endpoint().toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            assertThat(job.waitFor(120, TimeUnit.SECONDS)).as("the job ended by itself").isTrue();
            assertThat(job.exitValue()).as(Files.readString(log)).isZero();

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
}
