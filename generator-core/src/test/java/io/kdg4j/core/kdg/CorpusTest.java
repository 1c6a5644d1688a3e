package io.kdg4j.core.kdg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kdg4j.core.GeneratedRecord;
import io.kdg4j.core.Records;
import io.kdg4j.core.encode.Encoders;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every corpus template renders records that KDG's own comparison script accepts against KDG's output; the two
 * templates KDG rejects (033, 040) give a clear error or correct JSON.
 */
class CorpusTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static List<String> templates() throws Exception {
        return Corpus.templateNames();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void template_rendersLikeKdg(String name, @TempDir Path dir) throws Exception {
        Path corpus = Corpus.directory();
        Corpus.require(corpus != null, "../shared/kdg-corpus");
        Path template = corpus.resolve("templates").resolve(name + ".txt");
        Path reference = corpus.resolve("reference").resolve(name + ".out");
        String text = Files.readString(template, StandardCharsets.UTF_8);
        boolean kdgRejects = Files.readString(reference).startsWith("ERROR:");

        KdgTemplate compiled;
        try {
            compiled = KdgTemplate.compile(text);
        } catch (TemplateException e) {
            assertThat(kdgRejects).as("KDG renders %s, so kdg4j must too, but: %s", name, e.getMessage()).isTrue();
            assertThat(e.line()).isPositive();
            assertThat(e.column()).isPositive();
            assertThat(e.suggestion()).isNotBlank();
            return;
        }
        List<String> records = Records.from(compiled.schema()).seed(7).clock(Clock.systemUTC())
                .encoder(Encoders.text()).stream(1000).map(GeneratedRecord::text).collect(Collectors.toList());
        if (kdgRejects) {
            for (String record : records) {
                assertThatCode(() -> JSON.readTree(record)).as("KDG rejects %s; kdg4j's records must be JSON", name)
                        .doesNotThrowAnyException();
            }
            return;
        }
        Path candidate = dir.resolve(name + ".out");
        Files.write(candidate, records, StandardCharsets.UTF_8);
        Corpus.require(python3(), "python3 (runs kdg_compare.py)");
        Process process = new ProcessBuilder("python3", corpus.resolve("kdg_compare.py").toString(),
                reference.toString(), candidate.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("kdg_compare.py %s: %s", name, output).isZero();
        assertThat(output.trim()).isEqualTo("ok");
    }

    private static boolean python3() {
        try {
            Process probe = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            probe.getInputStream().readAllBytes();
            return probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }
}
