package io.kdg4j.cli.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kdg4j.aws.AwsEndpoint;
import io.kdg4j.local.LocalEmulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;

/** On AWS the page chooses the region: each region is its own target (here, an emulator stands in for each). */
class UiRegionsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    private LocalEmulator usEast;
    private LocalEmulator euWest;
    private UiServer server;

    @BeforeEach
    void start() throws Exception {
        usEast = LocalEmulator.start();
        euWest = LocalEmulator.start();
        Map<String, LocalEmulator> regions = Map.of("us-east-1", usEast, "eu-west-1", euWest);
        server = UiLauncher.startForAws("127.0.0.1", 0, region -> AwsEndpoint.of(regions.get(region).endpoint(),
                Region.of(region), "test", "test"), "us-east-1", dir);
    }

    @AfterEach
    void stop() {
        server.close();
        usEast.close();
        euWest.close();
    }

    private HttpResponse<String> call(String method, String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/v1/" + path))
                .header("Authorization", "Bearer " + server.token()).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theRegionIsChosenPerRequest_andEachRegionHasItsOwnStreams() throws Exception {
        JsonNode info = JSON.readTree(call("GET", "info", null).body());
        assertThat(info.get("region").asText()).isEqualTo("us-east-1");
        assertThat(info.get("regions").toString()).contains("\"eu-west-1\"").contains("\"us-east-1\"")
                .doesNotContain("gov").doesNotContain("cn-north-1");
        assertThat(call("POST", "streams?region=eu-west-1", "{\"name\": \"eu-orders\", \"shards\": 1}").statusCode())
                .isEqualTo(201);
        assertThat(call("GET", "destinations?region=eu-west-1", null).body()).contains("eu-orders");
        assertThat(call("GET", "destinations", null).body()).doesNotContain("eu-orders");
        assertThat(euWest.deleteStream("eu-orders")).isTrue();
        assertThat(call("GET", "info?region=eu-west-1", null).body()).contains("AWS in eu-west-1");
        HttpResponse<String> bad = call("GET", "destinations?region=mars-north-1", null);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("region must be one of");
    }
}
