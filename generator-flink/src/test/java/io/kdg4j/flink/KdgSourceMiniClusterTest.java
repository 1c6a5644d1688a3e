package io.kdg4j.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.kdg4j.aws.DeliveryStreamSpec;
import io.kdg4j.aws.Provisioning;
import io.kdg4j.core.GeneratedRecord;
import io.kdg4j.flink.job.KdgFlinkJob;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.SinkFunction;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.kinesis.model.Record;

/**
 * kdg4j's source on a Flink MiniCluster (one task manager, four slots) sending to the embedded emulator with Flink's
 * own Kinesis and Firehose sinks.
 */
class KdgSourceMiniClusterTest {
    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(4).build());
    private static final String CLOCK = "2026-01-01T00:00:00Z";
    private static FlinkEmulator emulator;

    @BeforeAll
    static void start() {
        emulator = new FlinkEmulator();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void theJob_sendsTheSameRecords_atParallelism1_2_and4_asKdgPreviewPrints() throws Exception {
        List<String> preview = FlinkEmulator.preview("--preset", "sakila", "--count", "100000", "--seed", "7",
                "--clock", CLOCK);
        assertThat(preview).hasSize(100_000);
        preview.sort(null);
        for (int parallelism : new int[] {1, 2, 4}) {
            String stream = "sakila-p" + parallelism;
            emulator.createStream(stream, 4);
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            env.setParallelism(parallelism);
            KdgFlinkJob.define(env, "--preset", "sakila", "--records", "1e5", "--seed", "7", "--clock", CLOCK,
                    "--stream", stream, "--endpoint", emulator.local.endpoint().toString());
            env.execute("sakila at parallelism " + parallelism); // bounded: returns when every record is sent

            List<Record> landed = emulator.readAll(stream, 100_000);
            assertThat(landed).as("parallelism %d", parallelism).hasSize(100_000);
            assertThat(emulator.sortedTexts(stream, 100_000)).as("parallelism %d", parallelism)
                    .isEqualTo(preview);
        }
    }

    @Test
    void aBoundedSource_saysSo_andAnUnboundedOneToo() {
        assertThat(KdgSource.preset("iot").records(10).build().getBoundedness()).isEqualTo(Boundedness.BOUNDED);
        assertThat(KdgSource.preset("iot").build().getBoundedness())
                .isEqualTo(Boundedness.CONTINUOUS_UNBOUNDED);
    }

    @Test
    void aFirehoseJob_landsTheSameRecordsInS3() throws Exception {
        DeliveryStreamSpec spec = DeliveryStreamSpec.of("sakila-landing", "sakila-lake").withBuffering(1, 60);
        try (var firehose = emulator.aws.firehose(); var s3 = emulator.aws.s3()) {
            Provisioning.ensureDeliveryStream(firehose, s3, spec, Duration.ofSeconds(30));
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        KdgFlinkJob.define(env, "--preset", "sakila", "--records", "20000", "--seed", "8", "--clock", CLOCK,
                "--format", "jsonl", "--delivery-stream", "sakila-landing",
                "--endpoint", emulator.local.endpoint().toString());
        env.execute("sakila to Firehose");

        List<String> landed = emulator.landedLines("sakila-lake");
        landed.sort(null);
        List<String> preview = FlinkEmulator.preview("--preset", "sakila", "--count", "20000", "--seed", "8",
                "--clock", CLOCK, "--format", "json");
        preview.sort(null);
        assertThat(landed).hasSize(20_000).isEqualTo(preview);
    }

    /** When each record reached the sink. */
    static final ConcurrentLinkedQueue<Long> ARRIVALS = new ConcurrentLinkedQueue<>();

    @Test
    void theRateOfTheWholeJob_atParallelism4_isWithin2PercentOfTheAskedRate() throws Exception {
        ARRIVALS.clear();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(4);
        env.fromSource(KdgSource.preset("iot").seed(9).records(60_000).rate(10_000).build(),
                        WatermarkStrategy.noWatermarks(), "iot at 10,000/s")
                .addSink(new NoteArrival());
        env.execute("rate");

        assertThat(ARRIVALS).hasSize(60_000);
        long first = ARRIVALS.stream().mapToLong(Long::longValue).min().orElseThrow();
        long last = ARRIVALS.stream().mapToLong(Long::longValue).max().orElseThrow();
        // the four subtasks start and end a few milliseconds apart: measure the middle, where all four run
        long from = first + 1_000_000_000L;
        long to = last - 1_000_000_000L;
        long inside = ARRIVALS.stream().filter(t -> t >= from && t < to).count();
        double rate = inside / ((to - from) / 1e9);
        assertThat(rate).isCloseTo(10_000, within(200.0));
        assertThat((last - first) / 1e9).as("60,000 records at 10,000/s").isCloseTo(6.0, within(0.3));
    }

    /** Notes when each record arrives. */
    static final class NoteArrival implements SinkFunction<GeneratedRecord> {
        private static final long serialVersionUID = 1L;

        @Override
        public void invoke(GeneratedRecord record, Context context) {
            ARRIVALS.add(System.nanoTime());
        }
    }

    @Test
    void aKdgTemplate_makesTheSameRecordsOnFlinkAsInPreview() throws Exception {
        String template = "{\"film_id\": {{random.number({\"min\":1,\"max\":1000})}}, "
                + "\"title\": \"{{commerce.productName}}\", \"at\": \"{{date.now}}\"}";
        java.nio.file.Path file = java.nio.file.Files.createTempFile("films", ".kdg");
        java.nio.file.Files.writeString(file, template);
        emulator.createStream("films", 2);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(3);
        KdgFlinkJob.define(env, "--template", file.toString(), "--records", "5000", "--seed", "3", "--clock", CLOCK,
                "--stream", "films", "--endpoint", emulator.local.endpoint().toString());
        env.execute("films");

        List<String> preview = FlinkEmulator.preview("--template", file.toString(), "--count", "5000", "--seed", "3",
                "--clock", CLOCK);
        preview.sort(null);
        assertThat(emulator.sortedTexts("films", 5_000)).isEqualTo(preview);
        Set<String> keys = new HashSet<>();
        emulator.readAll("films", 5_000).forEach(r -> keys.add(r.partitionKey()));
        assertThat(keys).as("KDG's random partition keys").hasSizeGreaterThan(4_900);
    }
}
