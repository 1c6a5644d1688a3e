package io.kdg4j.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged {@code target/kdg.jar} in a process of its own, as a user runs it: stdout and stderr together in a
 * file, an environment with no AWS settings of the machine's (and instance metadata off, so that nothing ever
 * leaves loopback), and real signals.
 */
final class KdgProcess {
    private final Process process;
    private final Path output;

    private KdgProcess(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    static KdgProcess start(Path dir, Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", Path.of("target", "kdg.jar").toAbsolutePath().toString()));
        command.addAll(List.of(args));
        Path output = Files.createTempFile(dir, "kdg-", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(output.toFile()).directory(dir.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("AWS_"));
        builder.environment().put("HOME", dir.toString());
        builder.environment().put("AWS_EC2_METADATA_DISABLED", "true");
        builder.environment().put("AWS_CONFIG_FILE", dir.resolve("no-aws-config").toString());
        builder.environment().put("AWS_SHARED_CREDENTIALS_FILE", dir.resolve("no-aws-credentials").toString());
        builder.environment().putAll(env);
        return new KdgProcess(builder.start(), output);
    }

    String output() throws IOException {
        return Files.readString(output, StandardCharsets.UTF_8);
    }

    /** Sends a signal by name (INT, TERM) as a terminal or an orchestrator would. */
    void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -" + name + " failed");
        }
    }

    /** Waits for the exit and returns its code. */
    int exitCode(long seconds) throws InterruptedException, IOException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("kdg did not exit within " + seconds + " s; it printed:\n" + output());
        }
        return process.exitValue();
    }

    void destroy() {
        process.destroyForcibly();
    }
}
