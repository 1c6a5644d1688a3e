package io.kdg4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kdg4j.aws.AwsEndpoint;
import io.kdg4j.aws.StreamReader;
import io.kdg4j.local.Faults;
import io.kdg4j.local.LocalConfig;
import io.kdg4j.local.LocalEmulator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/** Ctrl-C and SIGTERM on {@code kdg send}, with real signals to a real process. */
class InterruptIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static void assertAccounted(JsonNode summary) {
        assertThat(summary.get("generated").asLong()).isPositive().isEqualTo(summary.get("acked").asLong()
                + summary.get("failed").asLong() + summary.get("inFlight").asLong());
    }

    /** Whether the emulator's stream holds any record yet. */
    private static boolean hasRecords(LocalEmulator local, String stream) {
        try (KinesisClient kinesis = AwsEndpoint.of(local.endpoint(), Region.of(local.region()), "test", "test")
                .kinesis()) {
            return !StreamReader.readAll(kinesis, stream, 1, Duration.ofSeconds(10)).isEmpty();
        }
    }

    @Test
    void ctrlC_drainsWhatIsInFlight_printsTheSummary_writesTheJson_andExits130() throws Exception {
        Path json = dir.resolve("summary.json");
        try (LocalEmulator local = LocalEmulator.start()) {
            local.createStreamIfAbsent("orders", 2);
            KdgProcess kdg = KdgProcess.start(dir, Map.of(), "send", "--preset", "sakila", "--stream", "orders",
                    "--endpoint", local.endpoint().toString(), "--rate", "2000", "--summary-json", json.toString());
            try {
                // the run has no limit: stop it once records flow
                await().atMost(Duration.ofSeconds(60)).until(() -> hasRecords(local, "orders"));
                kdg.signal("INT");
                assertThat(kdg.exitCode(30)).isEqualTo(130);
            } finally {
                kdg.destroy();
            }
            assertThat(kdg.output()).contains("kdg send: stopping; waiting up to 10 s for the records in flight")
                    .containsPattern("kdg send: generated [\\d,]+, acked [\\d,]+, failed 0")
                    .contains("kdg send: interrupted; every record sent got its answer")
                    .doesNotContain("still in flight");
        }
        JsonNode summary = JSON.readTree(json.toFile());
        assertAccounted(summary);
        assertThat(summary.get("inFlight").asLong()).isZero();
    }

    /** kdg sending into an emulator that answers every request 3 s late: records stay in flight. */
    private KdgProcess sendingIntoSlowEmulator(LocalEmulator slow, String drainTimeout, Path json) throws Exception {
        slow.createStreamIfAbsent("slow", 1);
        KdgProcess kdg = KdgProcess.start(dir, Map.of(), "send", "--preset", "iot", "--stream", "slow",
                "--endpoint", slow.endpoint().toString(), "--rate", "200", "--drain-timeout", drainTimeout,
                "--summary-json", json.toString());
        // records stored, their answers 3 s away (a read waits 3 s too)
        await().atMost(Duration.ofSeconds(60)).until(() -> hasRecords(slow, "slow"));
        return kdg;
    }

    private static LocalEmulator slowEmulator() {
        return LocalEmulator.start(LocalConfig.builder().faults(Faults.NONE.withLatency(Duration.ofSeconds(3)))
                .build());
    }

    @Test
    void sigterm_whenAnswersAreSlowerThanTheDrainTimeout_reportsWhatIsStillInFlight() throws Exception {
        Path json = dir.resolve("summary.json");
        try (LocalEmulator slow = slowEmulator()) {
            KdgProcess kdg = sendingIntoSlowEmulator(slow, "1s", json);
            try {
                kdg.signal("TERM");
                assertThat(kdg.exitCode(30)).isEqualTo(130);
            } finally {
                kdg.destroy();
            }
            assertThat(kdg.output()).contains("waiting up to 1 s").contains("still in flight")
                    .contains("within --drain-timeout 1s");
        }
        JsonNode summary = JSON.readTree(json.toFile());
        assertAccounted(summary);
        assertThat(summary.get("inFlight").asLong()).isPositive();
    }

    @Test
    void aSecondCtrlC_stopsAtOnce_withoutWaitingForTheDrain() throws Exception {
        Path json = dir.resolve("summary.json");
        try (LocalEmulator slow = slowEmulator()) {
            KdgProcess kdg = sendingIntoSlowEmulator(slow, "5m", json);
            try {
                kdg.signal("INT");
                await().atMost(Duration.ofSeconds(10)).until(() -> kdg.output().contains("stopping"));
                kdg.signal("INT");
                assertThat(kdg.exitCode(10)).isEqualTo(130);
            } finally {
                kdg.destroy();
            }
            assertThat(kdg.output()).contains("interrupted twice").contains("still in flight");
        }
        JsonNode summary = JSON.readTree(json.toFile());
        assertAccounted(summary);
        assertThat(summary.get("inFlight").asLong()).isPositive();
    }
}
