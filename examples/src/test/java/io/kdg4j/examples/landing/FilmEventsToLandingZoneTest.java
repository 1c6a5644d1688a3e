package io.kdg4j.examples.landing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kdg4j.aws.LandingReader;
import io.kdg4j.core.run.RunSummary;
import io.kdg4j.junit.Backend;
import io.kdg4j.junit.KinesisFixture;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FilmEventsToLandingZoneTest {
    private static final int EVENTS = 3_000;

    @Test
    void filmEvents_landAsJsonLines_underTheTimestampPrefix_withTheTemplatesFrequencies() throws Exception {
        try (KinesisFixture fixture = KinesisFixture.auto()) {
            RunSummary summary = FilmEventsToLandingZone.send(fixture, EVENTS, 42, 1);
            assertThat(summary.acked()).isEqualTo(EVENTS);
            String month = LocalDate.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy/MM/"));
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() ->
                    LandingReader.lines(fixture.s3(), FilmEventsToLandingZone.BUCKET, "streaming/").size() >= EVENTS);

            List<String> keys = LandingReader.keys(fixture.s3(), FilmEventsToLandingZone.BUCKET, "");
            if (fixture.backend() == Backend.LOCALSTACK) {
                // LocalStack leaves !{timestamp:...} unevaluated and always appends the hour folder (AWS_AND_PEERS B.6)
                assertThat(keys).isNotEmpty().allMatch(key -> key.startsWith("streaming/"));
            } else {
                assertThat(keys).isNotEmpty().allMatch(key -> key.startsWith("streaming/" + month + "film-events-1-"));
            }
            List<String> lines = LandingReader.lines(fixture.s3(), FilmEventsToLandingZone.BUCKET, "streaming/");
            assertThat(lines).hasSize(EVENTS);

            ObjectMapper json = new ObjectMapper();
            Map<String, Integer> types = new HashMap<>();
            for (String line : lines) {
                JsonNode event = json.readTree(line);
                assertThat(event.get("film_id").asInt()).isBetween(1, 1000);
                types.merge(event.get("eventType").asText(), 1, Integer::sum);
            }
            // weights 0.3 / 0.1 / 0.6 with a fixed seed; 0.03 is over three standard errors at 3,000 events
            assertThat(types.get("rent") / (double) EVENTS).isCloseTo(0.3, within(0.03));
            assertThat(types.get("buy") / (double) EVENTS).isCloseTo(0.1, within(0.03));
            assertThat(types.get("trailer") / (double) EVENTS).isCloseTo(0.6, within(0.03));
        }
    }
}
