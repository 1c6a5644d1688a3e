package io.kdg4j.core.preset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kdg4j.core.GeneratedRecord;
import io.kdg4j.core.KdgException;
import io.kdg4j.core.Records;
import io.kdg4j.core.TestRecords;
import io.kdg4j.core.encode.Encoders;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PresetsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static List<String> presets() {
        return Presets.names();
    }

    private static List<GeneratedRecord> generate(String name, int count) {
        Preset preset = Presets.get(name);
        return Records.from(preset.schema()).seed(1).clock(TestRecords.FIXED_CLOCK)
                .encoder(Encoders.forFormat(preset.defaultFormat(), preset.schema()))
                .stream(count).collect(Collectors.toList());
    }

    @Test
    void theSevenPresetsExist() {
        assertThat(Presets.names()).containsExactly("sakila", "randomuser", "atm", "clickstream", "iot",
                "apache-log", "security");
        assertThatThrownBy(() -> Presets.get("sakilla")).isInstanceOf(KdgException.class)
                .hasMessage("unknown preset 'sakilla'; presets are sakila, randomuser, atm, clickstream, iot, "
                        + "apache-log, security");
    }

    @ParameterizedTest
    @MethodSource("presets")
    void everyPreset_makesValidRecords_withPartitionKeys(String name) throws Exception {
        for (GeneratedRecord record : generate(name, 500)) {
            assertThat(record.partitionKey()).isNotEmpty().hasSizeLessThanOrEqualTo(256);
            if (Presets.get(name).defaultFormat().equals("json")) {
                assertThat(JSON.readTree(record.text()).isObject()).isTrue();
            } else {
                assertThat(record.text()).doesNotContain("\n");
            }
        }
    }

    @Test
    void sakila_hasTheTutorialsShapeAndFrequencies() throws Exception {
        Map<String, Integer> events = new HashMap<>();
        int n = 20_000;
        for (GeneratedRecord record : generate("sakila", n)) {
            JsonNode node = JSON.readTree(record.text());
            assertThat(node.fieldNames()).toIterable()
                    .containsExactly("timestamp", "eventType", "film_id", "distributor", "platform", "state");
            assertThat(node.get("film_id").asInt()).isBetween(1, 1000);
            events.merge(node.get("eventType").asText(), 1, Integer::sum);
        }
        assertThat(events.get("rent") / (double) n).isCloseTo(0.3, within(0.013));
        assertThat(events.get("buy") / (double) n).isCloseTo(0.1, within(0.009));
        assertThat(events.get("trailer") / (double) n).isCloseTo(0.6, within(0.014));
    }

    @Test
    void randomuser_namesAgreeWithGender_andEmailsWithNames() throws Exception {
        for (GeneratedRecord record : generate("randomuser", 300)) {
            JsonNode node = JSON.readTree(record.text());
            JsonNode name = node.get("name");
            assertThat(name.get("title").asText()).isIn(node.get("gender").asText().equals("male")
                    ? List.of("Mr") : List.of("Ms", "Mrs", "Miss"));
            assertThat(node.get("email").asText()).isEqualTo((name.get("first").asText() + "."
                    + name.get("last").asText() + "@example.com").toLowerCase());
            assertThat(record.partitionKey()).isEqualTo(node.get("email").asText());
            assertThat(node.at("/location/coordinates/latitude").asDouble()).isBetween(-90.0, 90.0);
        }
    }

    @Test
    void apacheLog_linesFollowTheCombinedFormat() {
        String combined = "\\d{1,3}(\\.\\d{1,3}){3} - \\S+ \\[\\d{2}/[A-Z][a-z]{2}/\\d{4}:\\d{2}:\\d{2}:\\d{2} "
                + "[+-]\\d{4}] \"(GET|POST|PUT|DELETE) \\S+ HTTP/1.1\" \\d{3} \\d+ \"[^\"]*\" \"[^\"]*\"";
        assertThat(generate("apache-log", 200)).allSatisfy(r -> assertThat(r.text()).matches(combined));
    }

    @Test
    void iot_readingsStayPhysical() throws Exception {
        for (GeneratedRecord record : generate("iot", 1000)) {
            JsonNode node = JSON.readTree(record.text());
            assertThat(node.get("temperature").asDouble()).isBetween(-40.0, 85.0);
            assertThat(node.get("humidity").asDouble()).isBetween(0.0, 100.0);
            assertThat(node.at("/location/lat").asDouble()).isBetween(47.6007, 47.6187); // 1 km is 0.009 degrees of latitude
            assertThat(record.partitionKey()).isEqualTo(node.get("device_id").asText());
        }
    }
}
