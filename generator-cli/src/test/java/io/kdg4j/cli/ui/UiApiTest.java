package io.kdg4j.cli.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kdg4j.aws.AwsEndpoint;
import io.kdg4j.local.LocalEmulator;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;

/** The page's API, with the token, and every way in without it. */
class UiApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    static Path dir;

    private static UiServer server;
    private static URI base;
    private static AwsEndpoint emulator;

    @BeforeAll
    static void start() throws Exception {
        LocalEmulator local = LocalEmulator.start();
        emulator = AwsEndpoint.of(local.endpoint(), Region.of(local.region()), "AKIAEXAMPLESECRET", "verysecretkey");
        server = UiLauncher.start("127.0.0.1", 0, emulator, "the emulator", local, dir.resolve("templates"));
        base = URI.create("http://127.0.0.1:" + server.port() + "/");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> call(String method, String path, String body, String... headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (headers.length == 0) {
            request.header("Cookie", RequestGuard.COOKIE + "=" + server.token());
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
        } else {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return call("GET", path, null);
    }

    private static HttpResponse<String> post(String path, String body) throws Exception {
        return call("POST", path, body);
    }

    @Test
    void thePrintedUrl_setsAStrictHttpOnlyCookie_andLeavesTheTokenOutOfTheAddress() throws Exception {
        HttpResponse<String> first = HTTP.send(HttpRequest.newBuilder(server.url()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(first.statusCode()).isEqualTo(303);
        assertThat(first.headers().firstValue("Location")).hasValue("/");
        assertThat(first.headers().firstValue("Set-Cookie")).hasValueSatisfying(cookie -> assertThat(cookie)
                .contains("HttpOnly").contains("SameSite=Strict").contains(server.token()));
        HttpResponse<String> page = get("");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<textarea id=\"template\"");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).startsWith("default-src 'self'"));
        assertThat(page.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void withoutTheToken_nothingIsServed() throws Exception {
        for (String path : List.of("", "app.js", "api/v1/info", "api/v1/runs")) {
            HttpResponse<String> refused = call("GET", path, null, "X-None", "none");
            assertThat(refused.statusCode()).as(path).isEqualTo(403);
            assertThat(refused.body()).contains("no token");
        }
        HttpResponse<String> wrong = call("GET", "api/v1/info", null, "Cookie", RequestGuard.COOKIE + "=guess");
        assertThat(wrong.statusCode()).isEqualTo(403);
        HttpResponse<String> bearer = call("GET", "api/v1/info", null, "Authorization", "Bearer " + server.token());
        assertThat(bearer.statusCode()).isEqualTo(200);
    }

    @Test
    void aForeignHost_isRefused_evenWithTheToken() throws Exception {
        // what a DNS-rebinding page sends: its own host name, resolved to 127.0.0.1 (java.net.http sets no Host)
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/v1/info HTTP/1.1\r\nHost: attacker.example:" + server.port() + "\r\nCookie: "
                    + RequestGuard.COOKIE + "=" + server.token() + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String status = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            assertThat(status).isEqualTo("HTTP/1.1 403 Forbidden");
        }
    }

    @Test
    void crossSiteWrites_areRefused() throws Exception {
        String cookie = RequestGuard.COOKIE + "=" + server.token();
        String body = "{\"name\": \"evil\", \"shards\": 1}";
        assertThat(call("POST", "api/v1/streams", body, "Cookie", cookie, "Content-Type", "application/json",
                "Origin", "http://attacker.example").statusCode()).isEqualTo(403);
        assertThat(call("POST", "api/v1/streams", body, "Cookie", cookie, "Content-Type", "application/json",
                "Sec-Fetch-Site", "cross-site").statusCode()).isEqualTo(403);
        // what an HTML form can send without a preflight
        assertThat(call("POST", "api/v1/streams", body, "Cookie", cookie, "Content-Type", "text/plain")
                .statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(get("api/v1/destinations").body()).get("streams").toString()).doesNotContain("evil");
    }

    @Test
    void aBadTemplate_is400_withLineColumnAndSuggestion() throws Exception {
        HttpResponse<String> answer = post("api/v1/preview", "{\"template\": \"{\\\"a\\\": 1,\\n \\\"b\\\": "
                + "{{random.numbr(3)}}}\"}");
        assertThat(answer.statusCode()).isEqualTo(400);
        JsonNode error = JSON.readTree(answer.body());
        assertThat(error.get("line").asInt()).isEqualTo(2);
        assertThat(error.get("column").asInt()).isEqualTo(7);
        assertThat(error.get("suggestion").asText()).contains("random.number");
    }

    @Test
    void preview_givesNRecords_withTheirSizes() throws Exception {
        JsonNode answer = JSON.readTree(post("api/v1/preview", "{\"preset\": \"iot\", \"count\": 3, \"seed\": 4}")
                .body());
        assertThat(answer.get("records")).hasSize(3);
        JsonNode first = answer.get("records").get(0);
        assertThat(first.get("bytes").asInt()).isEqualTo(first.get("text").asText()
                .getBytes(StandardCharsets.UTF_8).length);
        assertThat(post("api/v1/preview", "{\"preset\": \"iot\", \"count\": 1000}").statusCode()).isEqualTo(400);
        assertThat(post("api/v1/preview", "not json").statusCode()).isEqualTo(400);
    }

    @Test
    void templates_areFiles_andNamesCannotLeaveTheFolder() throws Exception {
        assertThat(call("PUT", "api/v1/templates/orders", "{\"template\": \"{{random.uuid}}\"}").statusCode())
                .isEqualTo(200);
        assertThat(Files.readString(dir.resolve("templates/orders.kdg"))).isEqualTo("{{random.uuid}}");
        assertThat(JSON.readTree(get("api/v1/templates/orders").body()).get("template").asText())
                .isEqualTo("{{random.uuid}}");
        assertThat(call("PUT", "api/v1/templates/orders", "{\"renameTo\": \"orders v2\"}").statusCode())
                .isEqualTo(200);
        assertThat(JSON.readTree(get("api/v1/templates").body()).toString()).contains("orders v2")
                .doesNotContain("\"orders\"");
        for (String name : List.of("..%2F..%2Fetc%2Fpasswd", "%2E%2E", ".hidden", "a%2Fb")) {
            HttpResponse<String> refused = call("PUT", "api/v1/templates/" + name, "{\"template\": \"x\"}");
            assertThat(refused.statusCode()).as(name).isEqualTo(400);
            assertThat(refused.body()).contains("template name");
        }
        assertThat(call("DELETE", "api/v1/templates/orders%20v2", "{}").statusCode()).isEqualTo(200);
        try (Stream<Path> left = Files.list(dir.resolve("templates"))) {
            assertThat(left).isEmpty();
        }
        assertThat(get("api/v1/templates/nothing").statusCode()).isEqualTo(404);
    }

    @Test
    void aRun_sendsToAStream_streamsItsCounts_andEndsWithTheSummary() throws Exception {
        assertThat(post("api/v1/streams", "{\"name\": \"api-orders\", \"shards\": 2}").statusCode()).isEqualTo(201);
        JsonNode started = JSON.readTree(post("api/v1/runs", "{\"preset\": \"sakila\", \"stream\": \"api-orders\", "
                + "\"rate\": 1000, \"records\": 1500, \"seed\": 3}").body());
        int id = started.get("id").asInt();
        HttpResponse<Stream<String>> events = HTTP.send(HttpRequest.newBuilder(base.resolve("api/v1/runs/" + id
                + "/events")).header("Cookie", RequestGuard.COOKIE + "=" + server.token()).build(),
                HttpResponse.BodyHandlers.ofLines());
        assertThat(events.headers().firstValue("Content-Type")).hasValueSatisfying(t ->
                assertThat(t).startsWith("text/event-stream"));
        List<String> lines = new ArrayList<>();
        events.body().forEach(lines::add);
        List<String> data = lines.stream().filter(l -> l.startsWith("data: ")).toList();
        assertThat(data.size()).isGreaterThanOrEqualTo(3); // 1.5 s at two events a second, then the last
        assertThat(lines).contains("event: done");
        JsonNode last = JSON.readTree(data.get(data.size() - 1).substring("data: ".length()));
        assertThat(last.get("state").asText()).isEqualTo("done");
        assertThat(last.get("summary").get("acked").asLong()).isEqualTo(1500);
        assertThat(last.get("summary").get("inFlight").asLong()).isZero();
        JsonNode withHistory = JSON.readTree(get("api/v1/runs/" + id).body());
        assertThat(withHistory.get("history").size()).isGreaterThan(2);
        JsonNode latest = JSON.readTree(get("api/v1/streams/api-orders/latest?count=5").body());
        assertThat(latest).hasSize(5);
        assertThat(latest.get(0).get("data").asText()).contains("\"film_id\"");
    }

    @Test
    void aScenario_isPreviewedWithItsStreams_refusedByPath_andNeedsItsStreamsOrAsksForThem() throws Exception {
        String shop = java.nio.file.Files.readString(java.nio.file.Path.of("..", "examples", "scenarios",
                "shop.yaml"));
        JsonNode preview = JSON.readTree(post("api/v1/preview", JSON.createObjectNode().put("scenario", shop)
                .put("count", 50).put("seed", 2).toString()).body());
        assertThat(preview.get("records")).hasSize(50);
        assertThat(preview.get("records").get(0).get("stream").asText()).isEqualTo("customers");
        assertThat(preview.get("streams").get("customers").get("events").asLong()).isEqualTo(50);

        HttpResponse<String> bad = post("api/v1/preview", JSON.createObjectNode().put("scenario",
                shop.replace("machine: shopping", "machine: shoping")).toString());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(bad.body()).get("problems")).extracting(JsonNode::asText)
                .containsExactly("streams.clicks.machine: unknown machine \"shoping\" (did you mean \"shopping\"?)");

        HttpResponse<String> missing = post("api/v1/runs", JSON.createObjectNode().put("scenario", shop)
                .put("records", 100).toString());
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("the scenario sends to stream customers, stream orders, stream clicks, "
                + "which do not exist");
        JsonNode started = JSON.readTree(post("api/v1/runs", JSON.createObjectNode().put("scenario", shop)
                .put("records", 2000).put("seed", 2).put("createMissing", true).toString()).body());
        int id = started.get("id").asInt();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() ->
                JSON.readTree(get("api/v1/runs/" + id).body()).get("state").asText().equals("done"));
        JsonNode done = JSON.readTree(get("api/v1/runs/" + id).body());
        assertThat(done.get("summary").get("acked").asLong()).isEqualTo(2000);
        long perStream = 0;
        for (JsonNode stream : done.get("streams")) {
            assertThat(stream.get("acked").asLong()).isEqualTo(stream.get("events").asLong());
            perStream += stream.get("events").asLong();
        }
        assertThat(perStream).isEqualTo(2000);
        assertThat(done.get("target").asText()).isEqualTo("streams customers, orders, clicks");
    }

    @Test
    void aRunToAStreamThatIsNotThere_is400_andAnUnknownRunIs404() throws Exception {
        HttpResponse<String> answer = post("api/v1/runs", "{\"preset\": \"iot\", \"stream\": \"nowhere\"}");
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("stream nowhere does not exist");
        assertThat(get("api/v1/runs/999").statusCode()).isEqualTo(404);
        assertThat(post("api/v1/runs", "{\"preset\": \"iot\", \"stream\": \"x\", \"rate\": -1}").statusCode())
                .isEqualTo(400);
    }

    @Test
    void credentials_neverReachThePage() throws Exception {
        for (String path : List.of("api/v1/info", "api/v1/runs", "api/v1/destinations", "")) {
            assertThat(get(path).body()).as(path).doesNotContain("AKIAEXAMPLESECRET").doesNotContain("verysecretkey");
        }
    }

    @Test
    void helpers_listEveryHelper_withASample() throws Exception {
        JsonNode helpers = JSON.readTree(get("api/v1/helpers").body());
        assertThat(helpers.size()).isEqualTo(io.kdg4j.core.kdg.KdgTemplate.helpers().size()).isGreaterThan(100);
        JsonNode state = null;
        for (JsonNode helper : helpers) {
            if (helper.get("name").asText().equals("address.state")) {
                state = helper;
            }
        }
        assertThat(state).isNotNull();
        assertThat(state.get("sample").asText()).isNotBlank();
    }

    @Test
    void aDeliveryStream_createdFromThePage_showsWhatItLanded() throws Exception {
        assertThat(post("api/v1/delivery-streams", "{\"name\": \"api-landing\", \"bucket\": \"api-bucket\", "
                + "\"prefix\": \"streaming/!{timestamp:yyyy}/\", \"errorPrefix\": \"errors/\", \"bufferSeconds\": 0}")
                .statusCode()).isEqualTo(201);
        int id = JSON.readTree(post("api/v1/runs", "{\"template\": \"{\\\"n\\\": {{random.number(9)}}}\", "
                + "\"deliveryStream\": \"api-landing\", \"records\": 40, \"newline\": true}").body()).get("id").asInt();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> JSON.readTree(
                get("api/v1/runs/" + id).body()).get("state").asText().equals("done"));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> JSON.readTree(
                get("api/v1/delivery-streams/api-landing/landed").body()).size() > 0);
        JsonNode landed = JSON.readTree(get("api/v1/delivery-streams/api-landing/landed").body());
        assertThat(landed.get(0).get("bucket").asText()).isEqualTo("api-bucket");
        assertThat(landed.get(0).get("key").asText()).startsWith("streaming/");
        assertThat(landed.get(0).get("firstLines").get(0).asText()).matches("\\{\"n\": \\d}");
    }

    @Test
    void compressedRecords_areGzippedEach_asKdgSendsThem() throws Exception {
        assertThat(post("api/v1/streams", "{\"name\": \"api-zipped\", \"shards\": 1}").statusCode()).isEqualTo(201);
        int id = JSON.readTree(post("api/v1/runs", "{\"preset\": \"iot\", \"stream\": \"api-zipped\", "
                + "\"records\": 10, \"seed\": 5, \"compress\": true}").body()).get("id").asInt();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> JSON.readTree(
                get("api/v1/runs/" + id).body()).get("state").asText().equals("done"));
        JsonNode previewed = JSON.readTree(post("api/v1/preview", "{\"preset\": \"iot\", \"count\": 10, "
                + "\"seed\": 5}").body()).get("records");
        try (software.amazon.awssdk.services.kinesis.KinesisClient kinesis = emulator.kinesis()) {
            List<String> unzipped = new ArrayList<>();
            for (var record : io.kdg4j.aws.StreamReader.readAll(kinesis, "api-zipped", 10, Duration.ofSeconds(10))) {
                try (java.util.zip.GZIPInputStream in = new java.util.zip.GZIPInputStream(record.data()
                        .asInputStream())) {
                    unzipped.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
            List<String> expected = new ArrayList<>();
            previewed.forEach(r -> expected.add(r.get("text").asText()));
            assertThat(unzipped).hasSize(10);
            // the same records, apart from the wall-clock timestamp
            assertThat(unzipped.stream().map(t -> t.replaceAll("\"timestamp\":\\d+", "")).toList())
                    .containsExactlyInAnyOrderElementsOf(expected.stream().map(t -> t.replaceAll(
                            "\"timestamp\":\\d+", "")).toList());
        }
    }

    /**
     * KDG's periodic mode with "Lock to real time" off: a grid of 2 records/s walked over two simulated hours in
     * ticks of 600 simulated seconds; date.simTime shows the simulated instants, and the run ends by itself.
     */
    @Test
    void periodicMode_notLockedToRealTime_walksSimulatedTime() throws Exception {
        assertThat(post("api/v1/streams", "{\"name\": \"api-simulated\", \"shards\": 1}").statusCode())
                .isEqualTo(201);
        String grid = String.join("\\n", java.util.Collections.nCopies(7, String.join(",",
                java.util.Collections.nCopies(24, "2:0"))));
        HttpResponse<String> started = post("api/v1/runs", "{\"template\": \"{{date.simTime(\\\"YYYY-MM-DD "
                + "HH:mm:ss\\\")}}\", \"stream\": \"api-simulated\", \"periodicGrid\": \"" + grid + "\", "
                + "\"simulatedTime\": {\"from\": \"2026-01-04T10:00\", \"to\": \"2026-01-04T12:00\", "
                + "\"tickSeconds\": 600, \"waitMillis\": 10}}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        int id = JSON.readTree(started.body()).get("id").asInt();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> JSON.readTree(
                get("api/v1/runs/" + id).body()).get("state").asText().equals("done"));
        JsonNode run = JSON.readTree(get("api/v1/runs/" + id).body());
        assertThat(run.get("summary").get("acked").asLong()).isEqualTo(14_400);
        assertThat(run.get("simulatedTime").asText()).isEqualTo("2026-01-04T11:59:59Z");
        try (software.amazon.awssdk.services.kinesis.KinesisClient kinesis = emulator.kinesis()) {
            List<String> texts = new ArrayList<>();
            for (var record : io.kdg4j.aws.StreamReader.readAll(kinesis, "api-simulated", 14_400,
                    Duration.ofSeconds(10))) {
                texts.add(record.data().asUtf8String());
            }
            assertThat(texts).hasSize(14_400).allMatch(t -> t.startsWith("2026-01-04 1"));
            assertThat(texts).contains("2026-01-04 10:00:00", "2026-01-04 11:59:59");
        }
        HttpResponse<String> bad = post("api/v1/runs", "{\"preset\": \"iot\", \"stream\": \"api-simulated\", "
                + "\"rate\": 5, \"simulatedTime\": {\"from\": \"noon\", \"to\": \"2026-01-04T12:00\"}}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("simulatedTime.from must be a date or date-time");
    }

    @Test
    void profiles_arePlottedBeforeSending_andKdgsPeriodicGridIsARate() throws Exception {
        JsonNode ramp = JSON.readTree(post("api/v1/profile", "{\"rateProfile\": \"ramp:100..5000/60s\", "
                + "\"seconds\": 60}").body());
        assertThat(ramp).hasSize(201);
        assertThat(ramp.get(0).get(1).asDouble()).isEqualTo(100.0);
        assertThat(ramp.get(200).get(1).asDouble()).isEqualTo(5000.0);
        String line = String.join(",", java.util.Collections.nCopies(24, "300:0"));
        String grid = String.join("\\n", java.util.Collections.nCopies(7, line));
        JsonNode periodic = JSON.readTree(post("api/v1/profile", "{\"periodicGrid\": \"" + grid + "\", "
                + "\"seconds\": 3600}").body());
        assertThat(periodic).hasSize(201).allSatisfy(point -> assertThat(point.get(1).asDouble()).isEqualTo(300.0));
        HttpResponse<String> bad = post("api/v1/profile", "{\"periodicGrid\": \"1:1,2:2\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("needs 7 lines (Sunday first) but had 1");
        assertThat(post("api/v1/profile", "{}").statusCode()).isEqualTo(400);
    }
}
