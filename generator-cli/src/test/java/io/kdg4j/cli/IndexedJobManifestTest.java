package io.kdg4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import picocli.CommandLine;

/** The Kubernetes Indexed Job of deploy/kubernetes: one share of one run per completion index. */
class IndexedJobManifestTest {
    private static final Path MANIFEST = Path.of("..", "deploy", "kubernetes", "kdg-send-indexed-job.yaml");

    @Test
    @SuppressWarnings("unchecked")
    void eachIndex_sendsItsShareOfTheRun_withFlagsKdgSendAccepts() throws Exception {
        Map<String, Object> job = new Yaml().load(Files.readString(MANIFEST));
        Map<String, Object> spec = (Map<String, Object>) job.get("spec");
        assertThat(spec.get("completionMode")).isEqualTo("Indexed");
        int completions = (Integer) spec.get("completions");
        assertThat(spec.get("parallelism")).as("every share at once, so the rates add up").isEqualTo(completions);
        Map<String, Object> container = ((List<Map<String, Object>>) ((Map<String, Object>) ((Map<String, Object>)
                spec.get("template")).get("spec")).get("containers")).get(0);
        List<Map<String, Object>> env = (List<Map<String, Object>>) container.get("env");
        assertThat(env).anySatisfy(variable -> {
            assertThat(variable.get("name")).isEqualTo("INDEX");
            assertThat(variable.toString()).contains("batch.kubernetes.io/job-completion-index");
        });
        List<String> args = new ArrayList<>();
        ((List<Object>) container.get("args")).forEach(arg -> args.add(arg.toString()));
        assertThat(args.get(0)).isEqualTo("send");
        assertThat(args.get(args.indexOf("--instance") + 1)).isEqualTo("$(INDEX)/" + completions);

        for (int index = 0; index < completions; index++) {
            List<String> command = new ArrayList<>();
            for (String arg : args) {
                command.add(arg.replace("$(INDEX)", Integer.toString(index)));
            }
            CommandLine.ParseResult parsed = Kdg.parse(command.toArray(String[]::new));
            CommandLine.ParseResult send = parsed.subcommand();
            assertThat(send.commandSpec().name()).isEqualTo("send");
            assertThat(send.matchedOptionValue("--instance", "")).isEqualTo(index + "/" + completions);
        }
    }
}
