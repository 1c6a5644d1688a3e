package io.kdg4j.cli.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.kdg4j.core.preset.Presets;
import io.kdg4j.core.rate.RateProfile;
import io.kdg4j.core.run.Generator;
import io.kdg4j.core.run.GeneratorRun;
import io.kdg4j.core.run.InMemorySink;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class UiRunTest {
    @Test
    void anHourOfSampling_keepsABoundedHistory() throws Exception {
        InMemorySink sink = InMemorySink.create();
        RateProfile rate = RateProfile.constant(10);
        GeneratorRun generatorRun = Generator.from(Presets.get("iot").schema()).rate(rate).to(sink).start();
        UiRun run = new UiRun(1, "preset iot", "stream s", rate, generatorRun, sink);
        try {
            // an hour of the sampler's four samples a second, as a page left open would see them taken
            for (int i = 0; i < 4 * 3_600; i++) {
                run.sample();
            }
            assertThat(run.historySize()).isEqualTo(UiRun.HISTORY);
            JsonNode snapshot = run.snapshot(true);
            assertThat(snapshot.get("history")).hasSize(UiRun.HISTORY);
            assertThat(snapshot.get("askedPerSecond").asLong()).isEqualTo(10);
        } finally {
            run.stop();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> run.snapshot(false).get("state").asText()
                .equals("stopped"));
    }

    @Test
    void failures_showByCode_andTheFirstMessagesInFull_whileTheRunGoesOn() throws Exception {
        InMemorySink sink = InMemorySink.refusing(record -> record.index() % 10 == 0);
        RateProfile rate = RateProfile.unlimited();
        GeneratorRun generatorRun = Generator.from(Presets.get("iot").schema()).limit(1_000).to(sink).start();
        UiRun run = new UiRun(2, "preset iot", "stream s", rate, generatorRun, sink);
        generatorRun.awaitCompletion(Duration.ofSeconds(10));
        JsonNode snapshot = run.snapshot(false);
        assertThat(snapshot.get("failedByCode").get("Refused").asLong()).isEqualTo(100);
        assertThat(snapshot.get("firstErrors")).hasSize(5);
        assertThat(snapshot.get("firstErrors").get(0).asText())
                .isEqualTo("Refused: refused by the in-memory sink's predicate");
        assertThat(snapshot.get("askedPerSecond").isNull()).isTrue();
    }
}
