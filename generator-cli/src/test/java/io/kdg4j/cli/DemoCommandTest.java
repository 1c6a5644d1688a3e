package io.kdg4j.cli;

import static io.kdg4j.cli.PreviewCommandTest.kdg;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {
    @TempDir
    Path dir;

    @Test
    void demo_landsEverySakilaEventAsJsonLines_underTheMonthFolder() throws Exception {
        PreviewCommandTest.Run run = kdg("demo", "--dir", dir.toString(), "--rate", "500", "--duration", "2s");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        String month = LocalDate.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy/MM"));
        Path folder = dir.resolve("landing-zone/streaming/" + month);
        List<Path> files;
        try (Stream<Path> walk = Files.list(folder)) {
            files = walk.toList();
        }
        assertThat(files).isNotEmpty().allMatch(f -> f.getFileName().toString().startsWith("kdg-demo-delivery-1-"));
        List<String> lines = new ArrayList<>();
        for (Path file : files) {
            Files.readAllLines(file).stream().filter(l -> !l.isEmpty()).forEach(lines::add);
        }
        assertThat(lines).hasSizeBetween(1_000, 1_001);
        ObjectMapper json = new ObjectMapper();
        for (String line : lines) {
            JsonNode event = json.readTree(line);
            assertThat(event.get("film_id").asInt()).isBetween(1, 1000);
            assertThat(event.get("eventType").asText()).isIn("rent", "buy", "trailer");
        }
        assertThat(run.stderr()).contains("landed:").contains("kdg send --preset sakila --delivery-stream");
    }

    @Test
    void badDuration_isBadInput() {
        PreviewCommandTest.Run run = kdg("demo", "--dir", dir.toString(), "--duration", "soon");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("--duration: duration must look like");
    }
}
