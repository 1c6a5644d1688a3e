package io.kdg4j.local.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class HttpServerFailureTest {
    private HttpServer server;
    private URI base;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.start("127.0.0.1", 0, 1 << 20, m -> AwsResponse.text(413, "text/plain", m),
                (request, responder) -> {
                    if (request.path().equals("/linkage")) {
                        // what another Jackson on the classpath throws from inside a handler
                        throw new NoSuchMethodError("'com.fasterxml.jackson.core.JsonGenerator writeString(\"x\")'");
                    }
                    if (request.path().equals("/runtime")) {
                        throw new IllegalStateException("broken handler");
                    }
                    responder.respond(AwsResponse.text(200, "text/plain", "ok"));
                });
        base = URI.create("http://127.0.0.1:" + server.address().getPort());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @ParameterizedTest
    @EnumSource(HttpClient.Version.class)
    void aHandlerThatThrowsAnError_isAnswered500InAwsShape_andTheConnectionStaysUsable(HttpClient.Version version)
            throws Exception {
        HttpClient client = HttpClient.newBuilder().version(version).connectTimeout(Duration.ofSeconds(5)).build();
        for (String path : new String[] {"/linkage", "/runtime"}) {
            HttpResponse<String> failed = client.send(HttpRequest.newBuilder(base.resolve(path))
                    .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(failed.statusCode()).isEqualTo(500);
            assertThat(failed.headers().firstValue("x-amzn-ErrorType")).hasValue("InternalFailure");
            assertThat(failed.body()).startsWith("{\"__type\":\"InternalFailure\",\"message\":\"The kdg4j emulator "
                    + "failed: java.lang.");
            HttpResponse<String> next = client.send(HttpRequest.newBuilder(base.resolve("/ok"))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(next.statusCode()).isEqualTo(200);
            assertThat(next.body()).isEqualTo("ok");
        }
    }

    @org.junit.jupiter.api.Test
    void theLastResortAnswer_escapesTheMessage() {
        AwsResponse response = AwsResponse.internalFailure("a \"quoted\" \\ line\nbreak");
        assertThat(new String(response.body(), StandardCharsets.UTF_8))
                .isEqualTo("{\"__type\":\"InternalFailure\",\"message\":\"a \\\"quoted\\\" \\\\ line\\u000abreak\"}");
    }
}
