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
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class LocalCommandTest {

    @Test
    void local_servesOnLoopback_untilStopped() throws Exception {
        StringWriter err = new StringWriter();
        AtomicInteger exit = new AtomicInteger(-1);
        Thread server = new Thread(() -> exit.set(Kdg.run(new ByteArrayOutputStream(), new PrintWriter(err, true),
                "local", "--port", "0")));
        server.setDaemon(true);
        server.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> err.toString().contains("kdg local:"));
        Matcher endpoint = Pattern.compile("on (http://127\\.0\\.0\\.1:\\d+) ").matcher(err.toString());
        assertThat(endpoint.find()).as(err.toString()).isTrue();
        HttpResponse<String> list = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(endpoint.group(1)))
                .header("X-Amz-Target", "Kinesis_20131202.ListStreams")
                .header("Content-Type", "application/x-amz-json-1.1")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("\"StreamNames\":[]");
        server.interrupt();
        await().atMost(Duration.ofSeconds(10)).until(() -> !server.isAlive());
    }

    @Test
    void local_badFlags_exitWith2() {
        StringWriter err = new StringWriter();
        int code = Kdg.run(new ByteArrayOutputStream(), new PrintWriter(err, true), "local", "--fail-rate", "2");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--fail-rate must be in [0, 1] but was 2.0");
    }
}
