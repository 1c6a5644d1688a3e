package io.kdg4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged {@code target/kdg.jar}, run as a user runs it: every dependency must be inside it (a test-scoped
 * declaration can silently drop a library from the shaded jar, which in-process tests never notice).
 */
class KdgJarIT {
    @TempDir
    Path dir;

    private String run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", Path.of("target", "kdg.jar").toAbsolutePath().toString()));
        command.addAll(List.of(args));
        Path output = dir.resolve("output.txt");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
                .start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("kdg %s finished", List.of(args)).isTrue();
        String text = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(text).isZero();
        return text;
    }

    @Test
    void send_toTheEmbeddedEmulator_works_fromTheShadedJar() throws Exception {
        String out = run("send", "--preset", "sakila", "--stream", "orders", "--endpoint", "local", "--create",
                "--records", "2000", "--seed", "1");
        assertThat(out).contains("generated 2,000, acked 2,000, failed 0").doesNotContain("SLF4J");
    }

    @Test
    void preview_works_fromTheShadedJar() throws Exception {
        assertThat(run("preview", "--preset", "iot", "--count", "3", "--seed", "1").lines()).hasSize(3);
    }
}
