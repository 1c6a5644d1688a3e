package io.kdg4j.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kdg4j.aws.AwsEndpoint;
import io.kdg4j.aws.KinesisSink;
import io.kdg4j.cli.ui.UiLauncher;
import io.kdg4j.cli.ui.UiServer;
import io.kdg4j.core.preset.Presets;
import io.kdg4j.core.run.Generator;
import io.kdg4j.core.run.RunSummary;
import io.kdg4j.local.LocalEmulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.regions.Region;

/**
 * Records per second sent unthrottled into the embedded emulator (4 shards) by a run started from the web page's
 * API ({@code uiRun}: POST /api/v1/runs, then the run's state polled until it is done) beside the same records
 * sent as {@code kdg send} sends them ({@code kdgSend}: a Generator into a KinesisSink with its own client), in
 * one JVM sharing the two cores.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar UiSendBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 4)
@Measurement(iterations = 5, time = 4)
@Fork(value = 2, jvmArgsAppend = {"-Xmx2g"})
public class UiSendBenchmark {
    static final int RECORDS = 200_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private LocalEmulator local;
    private AwsEndpoint endpoint;
    private UiServer server;
    private HttpClient http;
    private String base;
    private String token;

    @Setup
    public void start() throws Exception {
        local = LocalEmulator.start();
        local.createStreamIfAbsent("bench", 4);
        endpoint = AwsEndpoint.of(local.endpoint(), Region.of(local.region()), "test", "test");
        server = UiLauncher.start("127.0.0.1", 0, endpoint, "the emulator", null,
                Files.createTempDirectory("kdg-ui-bench"));
        URI url = server.url();
        base = "http://127.0.0.1:" + url.getPort() + "/api/v1/";
        token = url.getQuery().substring("token=".length());
        http = HttpClient.newHttpClient();
    }

    @TearDown
    public void stop() {
        server.close();
        local.close();
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public long kdgSend() throws Exception {
        try (KinesisSink sink = KinesisSink.builder(endpoint, "bench").build()) {
            RunSummary summary = Generator.from(Presets.get("sakila").schema()).seed(1).limit(RECORDS).to(sink)
                    .start().awaitCompletion(Duration.ofMinutes(2));
            return summary.acked();
        }
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public long uiRun() throws Exception {
        HttpResponse<String> started = http.send(HttpRequest.newBuilder(URI.create(base + "runs"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"preset\": \"sakila\", \"stream\": \"bench\", "
                        + "\"records\": " + RECORDS + ", \"seed\": 1}")).build(), HttpResponse.BodyHandlers.ofString());
        int id = JSON.readTree(started.body()).get("id").asInt();
        HttpRequest poll = HttpRequest.newBuilder(URI.create(base + "runs/" + id))
                .header("Authorization", "Bearer " + token).build();
        while (true) {
            JsonNode state = JSON.readTree(http.send(poll, HttpResponse.BodyHandlers.ofString()).body());
            if (state.get("state").asText().equals("done")) {
                return state.get("summary").get("acked").asLong();
            }
            Thread.sleep(10);
        }
    }
}
