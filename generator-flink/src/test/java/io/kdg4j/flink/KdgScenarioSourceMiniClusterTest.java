package io.kdg4j.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kdg4j.core.KdgException;
import io.kdg4j.flink.job.KdgFlinkJob;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.kinesis.model.Record;

/** A scenario on a Flink MiniCluster: each stream lands in its own Kinesis stream, as kdg preview prints it. */
class KdgScenarioSourceMiniClusterTest {
    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(4).build());
    private static final int EVENTS = 20_000;
    /** Devices registered over time, their readings, and their sessions; {@code P} becomes the parallelism. */
    private static final String SCENARIO = """
            start: 2026-03-01T00:00:00Z
            populations:
              device:
                size: 500
                key: device_id
                arrivals: { initial: 50, every: 200ms }
                fields:
                  device_id: { concat: ["D-", { sequence: {} }] }
                  site: { oneOf: [north, south, east] }
            machines:
              power:
                start: on
                transitions: { on: { idle: 3, off: 1 }, idle: { on: 2, off: 1 } }
            streams:
              devices:
                created: device
                to: { kinesis: devices-pP }
                fields:
                  device_id: { ref: device }
                  site: { ref: device, field: site }
              readings:
                every: 300
                by: device
                to: { kinesis: readings-pP }
                late: { share: 0.05, by: 20s }
                duplicates: 0.01
                fields:
                  device_id: { ref: device }
                  celsius: { decimals: ["-5.0", "35.0"] }
                  at: { event: time }
              power:
                sessions: device
                machine: power
                to: { kinesis: power-pP }
                fields:
                  device_id: { ref: device }
                  state: { event: state }
                  seq: { event: sequence }
            """;
    private static FlinkEmulator emulator;

    @TempDir
    Path directory;

    @BeforeAll
    static void start() {
        emulator = new FlinkEmulator();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void eachStreamLandsWhereTheFileSays_withTheEventsKdgPreviewPrints_atParallelism1And4() throws Exception {
        Path previewed = Files.writeString(directory.resolve("devices.yaml"), SCENARIO);
        Map<String, List<String>> expected = new LinkedHashMap<>();
        for (String line : FlinkEmulator.preview("--scenario", previewed.toString(), "--count",
                Integer.toString(EVENTS), "--seed", "7")) {
            int tab = line.indexOf('\t');
            expected.computeIfAbsent(line.substring(0, tab), s -> new ArrayList<>()).add(line.substring(tab + 1));
        }
        expected.values().forEach(texts -> texts.sort(null));
        assertThat(expected.keySet()).containsExactly("devices", "readings", "power");
        assertThat(expected.values().stream().mapToInt(List::size).sum()).isEqualTo(EVENTS);

        for (int parallelism : new int[] {1, 4}) {
            Path file = Files.writeString(directory.resolve("devices-p" + parallelism + ".yaml"),
                    SCENARIO.replace("-pP", "-p" + parallelism));
            for (String stream : expected.keySet()) {
                emulator.createStream(stream + "-p" + parallelism, 2);
            }
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            env.setParallelism(parallelism);
            KdgFlinkJob.define(env, "--scenario", file.toString(), "--records", Integer.toString(EVENTS),
                    "--seed", "7", "--endpoint", emulator.local.endpoint().toString());
            env.execute("scenario at parallelism " + parallelism); // bounded: returns when every event is sent

            for (Map.Entry<String, List<String>> stream : expected.entrySet()) {
                String name = stream.getKey() + "-p" + parallelism;
                assertThat(emulator.sortedTexts(name, stream.getValue().size()))
                        .as("%s at parallelism %d", name, parallelism).isEqualTo(stream.getValue());
            }
            // every reading and session event belongs to a device whose created event was sent
            Set<String> registered = new HashSet<>();
            emulator.readAll("devices-p" + parallelism, expected.get("devices").size())
                    .forEach(r -> registered.add(r.partitionKey()));
            List<Record> referring = new ArrayList<>(emulator.readAll("readings-p" + parallelism,
                    expected.get("readings").size()));
            referring.addAll(emulator.readAll("power-p" + parallelism, expected.get("power").size()));
            assertThat(referring).allSatisfy(r -> assertThat(registered).contains(r.partitionKey()));
        }
    }

    @Test
    void aScenarioJob_takesNoStreamOrRecordFlags_theFileSaysThose() throws Exception {
        Path file = Files.writeString(directory.resolve("devices.yaml"), SCENARIO);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        assertThatThrownBy(() -> KdgFlinkJob.define(env, "--scenario", file.toString(), "--stream", "s"))
                .isInstanceOf(KdgException.class).hasMessageContaining("a scenario's file says where each stream "
                        + "goes");
        assertThatThrownBy(() -> KdgFlinkJob.define(env, "--preset", "iot"))
                .isInstanceOf(KdgException.class).hasMessageContaining("--stream NAME or --delivery-stream NAME");
    }
}
