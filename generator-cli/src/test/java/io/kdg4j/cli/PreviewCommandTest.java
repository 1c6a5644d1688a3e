package io.kdg4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PreviewCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What one in-process run of kdg printed. */
    record Run(int exitCode, String stdout, String stderr) {
        List<String> lines() {
            return stdout.isEmpty() ? List.of() : List.of(stdout.split("\n", -1)).subList(0,
                    stdout.split("\n", -1).length - 1);
        }
    }

    static Run kdg(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        int code = Kdg.run(out, new PrintWriter(err, true), args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"sakila", "randomuser", "atm", "clickstream", "iot", "apache-log", "security"})
    void everyPreset_printsFiveValidRecords_identicalOnEveryRun(String preset) throws Exception {
        Run first = kdg("preview", "--preset", preset, "--count", "5", "--seed", "1");
        Run second = kdg("preview", "--preset", preset, "--count", "5", "--seed", "1");
        assertThat(first.exitCode()).isZero();
        assertThat(first.lines()).hasSize(5);
        assertThat(second.stdout()).isEqualTo(first.stdout());
        assertThat(first.stderr()).isEmpty();
        for (String line : first.lines()) {
            if (preset.equals("apache-log")) {
                assertThat(line).contains(" HTTP/1.1\" ");
            } else {
                assertThat(JSON.readTree(line).isObject()).isTrue();
            }
        }
    }

    @Test
    void withoutASeed_theSeedIsPrinted_andRepeatsTheRun() {
        Run unseeded = kdg("preview", "--preset", "sakila", "--count", "3", "--clock", "2026-05-01T00:00:00Z");
        assertThat(unseeded.stderr()).matches("kdg: seed -?\\d+ \\(pass --seed -?\\d+ to get these records again\\)\\s*");
        String seed = unseeded.stderr().replaceAll("(?s)kdg: seed (-?\\d+) .*", "$1");
        Run replay = kdg("preview", "--preset", "sakila", "--count", "3", "--seed", seed,
                "--clock", "2026-05-01T00:00:00Z");
        assertThat(replay.stdout()).isEqualTo(unseeded.stdout());
    }

    @Test
    void csvFormat_printsAHeaderThenRows() {
        Run run = kdg("preview", "--preset", "sakila", "--count", "2", "--seed", "3", "--format", "csv");
        assertThat(run.lines()).hasSize(3);
        assertThat(run.lines().get(0)).isEqualTo("timestamp,eventType,film_id,distributor,platform,state");
    }

    @Test
    void instances_splitTheIndexes_inProcess() {
        String[] base = {"preview", "--preset", "clickstream", "--count", "101", "--seed", "5",
            "--clock", "2026-05-01T00:00:00Z"};
        List<String> whole = kdg(base).lines();
        List<String> merged = merge(kdg(concat(base, "--instance", "0/3")).lines(),
                kdg(concat(base, "--instance", "1/3")).lines(), kdg(concat(base, "--instance", "2/3")).lines());
        assertThat(whole).hasSize(101);
        assertThat(merged).isEqualTo(whole);
    }

    @Test
    void instances_inSeparateProcesses_makeTheSameBytes(@TempDir Path dir) throws Exception {
        String[] base = {"preview", "--preset", "randomuser", "--count", "2000", "--seed", "11",
            "--clock", "2026-05-01T00:00:00Z"};
        Path whole = runProcess(dir.resolve("whole.out"), base);
        Path zero = runProcess(dir.resolve("0.out"), concat(base, "--instance", "0/2"));
        Path one = runProcess(dir.resolve("1.out"), concat(base, "--instance", "1/2"));
        List<String> merged = merge(Files.readAllLines(zero), Files.readAllLines(one));
        assertThat(merged).isEqualTo(Files.readAllLines(whole));
        assertThat(Files.readAllLines(whole)).hasSize(2000)
                .isEqualTo(kdg(base).lines());
    }

    @Test
    void template_rendersRecordsAsKdgSendsThem(@TempDir Path dir) throws Exception {
        Path template = dir.resolve("orders.kdg");
        Files.writeString(template, "{\n  \"id\": {{random.number({\"min\":1,\"max\":3})}},\n"
                + "  \"at\": \"{{date.now(\"YYYY\")}}\"\n}\n");
        Run run = kdg("preview", "--template", template.toString(), "--count", "50", "--seed", "7",
                "--clock", "2026-05-01T00:00:00Z");
        assertThat(run.exitCode()).isZero();
        assertThat(run.lines()).hasSize(50).allSatisfy(line -> assertThat(line).matches(
                "\\{  \"id\": [123],  \"at\": \"2026\"}"));
        assertThat(run.stderr()).isEmpty();
    }

    @Test
    void templateErrors_exitWith2_withFileLineColumnAndSuggestion(@TempDir Path dir) throws Exception {
        Path template = dir.resolve("bad.kdg");
        Files.writeString(template, "{\n  \"t\": \"{{Date.now()}}\"\n}\n");
        Run run = kdg("preview", "--template", template.toString(), "--count", "5");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stdout()).isEmpty();
        assertThat(run.stderr()).contains(template + ": line 2, column 9: unknown helper 'Date.now' in "
                + "{{Date.now()}}; did you mean date.now?");
        Run missing = kdg("preview", "--template", dir.resolve("nope.kdg").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.stderr()).contains("--template: no such file: ");
        Run both = kdg("preview", "--template", template.toString(), "--preset", "sakila");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.stderr()).contains("mutually exclusive");
    }

    @Test
    void templateWarnings_goToStderr_recordsStillPrint(@TempDir Path dir) throws Exception {
        Path template = dir.resolve("iso.kdg");
        Files.writeString(template, "{\"t\":\"{{date.now(\"iso\")}}\"}");
        Run run = kdg("preview", "--template", template.toString(), "--count", "2", "--seed", "1");
        assertThat(run.exitCode()).isZero();
        assertThat(run.lines()).hasSize(2);
        assertThat(run.stderr()).contains("kdg: warning: line 1, column 7: \"iso\" is not a moment.js format");
    }

    @Test
    void badInput_exitsWith2_andNamesTheFlag() {
        Run unknown = kdg("preview", "--preset", "nope");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.stderr()).contains("unknown preset 'nope'; presets are sakila");
        Run badInstance = kdg("preview", "--preset", "sakila", "--instance", "2/2");
        assertThat(badInstance.exitCode()).isEqualTo(2);
        assertThat(badInstance.stderr()).contains("--instance: instance must be in [0, 1] but was 2");
        Run badCount = kdg("preview", "--preset", "sakila", "--count", "-1");
        assertThat(badCount.exitCode()).isEqualTo(2);
        assertThat(badCount.stderr()).contains("--count must be >= 0 but was -1");
        Run badFormat = kdg("preview", "--preset", "sakila", "--format", "xml");
        assertThat(badFormat.exitCode()).isEqualTo(2);
        assertThat(badFormat.stderr()).contains("format must be one of json, jsonl, csv, text, avro, protobuf but was 'xml'");
        Run badClock = kdg("preview", "--preset", "sakila", "--clock", "yesterday");
        assertThat(badClock.exitCode()).isEqualTo(2);
        assertThat(badClock.stderr()).contains("--clock must be 'now' or an ISO-8601 instant");
        assertThat(kdg().exitCode()).isEqualTo(2);
    }

    private static Path runProcess(Path output, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Kdg.class.getName());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectOutput(output.toFile())
                .redirectError(new File(output + ".err")).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(Files.readString(Path.of(output + ".err"))).isZero();
        return output;
    }

    @SafeVarargs
    private static List<String> merge(List<String>... shares) {
        List<String> merged = new ArrayList<>();
        int longest = shares[0].size();
        for (int k = 0; k < longest; k++) {
            for (List<String> share : shares) {
                if (k < share.size()) {
                    merged.add(share.get(k));
                }
            }
        }
        return merged;
    }

    private static String[] concat(String[] base, String... more) {
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    @Test
    void aTemplatesJsonRecords_printAsThemselves_withFormatJson(@TempDir Path dir) throws Exception {
        Path template = dir.resolve("t.kdg");
        Files.writeString(template, "{\"id\": {{random.number(9)}}}");
        Run json = kdg("preview", "--template", template.toString(), "--format", "json", "--count", "3", "--seed",
                "1");
        assertThat(json.exitCode()).as(json.stderr()).isZero();
        assertThat(json.lines()).hasSize(3).allMatch(line -> line.matches("\\{\"id\": \\d}"));
        assertThat(json.stdout()).isEqualTo(kdg("preview", "--template", template.toString(), "--count", "3",
                "--seed", "1").stdout());
        Files.writeString(template, "id={{random.number(9)}}");
        Run notJson = kdg("preview", "--template", template.toString(), "--format", "json");
        assertThat(notJson.exitCode()).isEqualTo(2);
        assertThat(notJson.stderr()).contains("--format json: the template's records are not JSON (the first "
                + "record begins: id=");
    }
}
