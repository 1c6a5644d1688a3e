package io.kdg4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UiCommandTest {
    @TempDir
    Path dir;

    @Test
    void ui_withNoFlags_servesThePage_onAnEmulatorInTheProcess_untilStopped() throws Exception {
        StringWriter err = new StringWriter();
        Thread command = new Thread(() -> Kdg.run(new ByteArrayOutputStream(), new PrintWriter(err, true), "ui",
                "--templates-dir", dir.toString()));
        command.setDaemon(true);
        command.start();
        await().atMost(Duration.ofSeconds(20)).until(() -> err.toString().contains("Ctrl-C stops it"));
        Matcher url = Pattern.compile("kdg ui: (http://127\\.0\\.0\\.1:(\\d+)/\\?token=([\\w-]+))").matcher(err.toString());
        assertThat(url.find()).as(err.toString()).isTrue();
        assertThat(err.toString()).contains("sending to the emulator in this process (http://127.0.0.1:");
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> info = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + url.group(2)
                + "/api/v1/info")).header("Authorization", "Bearer " + url.group(3)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(info.statusCode()).isEqualTo(200);
        assertThat(info.body()).contains("\"emulator\":true").contains(dir.toString());
        command.interrupt();
        await().atMost(Duration.ofSeconds(10)).until(() -> !command.isAlive());
    }

    @Test
    void ui_badFlags_exitWith2() {
        StringWriter err = new StringWriter();
        int code = Kdg.run(new ByteArrayOutputStream(), new PrintWriter(err, true), "ui", "--port", "70000");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--port must be in [0, 65535] but was 70000");
    }
}
