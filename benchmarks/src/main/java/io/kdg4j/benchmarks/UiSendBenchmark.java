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
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
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
 * one JVM sharing the two cores. {@code turns} runs the two alternately, so that both see the same machine (the
 * separate benchmarks, in separate forks, move by more than the difference): the secondary results are the
 * nanoseconds each run took for the same records, from its start to its last answer (the run's own elapsed time,
 * without the time it takes to learn that it ended).
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar UiSendBenchmark.turns</pre>
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

    /** Nanoseconds each path took, summed over the iteration, for equal numbers of records. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Nanos {
        public long kdgSendNanos;
        public long uiRunNanos;

        @Setup(Level.Iteration)
        public void reset() {
            kdgSendNanos = 0;
            uiRunNanos = 0;
        }
    }

    private boolean uiFirst;

    /**
     * One run each way, in alternating order. Each adds the time its run took from start to last answer, as the
     * run's own summary reports it: the time to notice the end (the page's events come twice a second) is not the
     * run's.
     */
    @Benchmark
    @OperationsPerInvocation(2 * RECORDS)
    public void turns(Nanos nanos) throws Exception {
        uiFirst = !uiFirst;
        if (uiFirst) {
            nanos.uiRunNanos += (long) (uiRun() * 1e9);
            nanos.kdgSendNanos += (long) (kdgSend() * 1e9);
        } else {
            nanos.kdgSendNanos += (long) (kdgSend() * 1e9);
            nanos.uiRunNanos += (long) (uiRun() * 1e9);
        }
    }

    /** The run's seconds from start to last answer, as {@code kdg send} makes it. */
    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public double kdgSend() throws Exception {
        try (KinesisSink sink = KinesisSink.builder(endpoint, "bench").build()) {
            RunSummary summary = Generator.from(Presets.get("sakila").schema()).seed(1).limit(RECORDS).to(sink)
                    .start().awaitCompletion(Duration.ofMinutes(2));
            if (summary.acked() != RECORDS) {
                throw new IllegalStateException("kdg send acked " + summary.acked());
            }
            return summary.elapsedSeconds();
        }
    }

    /** The run's seconds from start to last answer, started from the page's API and watched as the page does. */
    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public double uiRun() throws Exception {
        HttpResponse<String> started = http.send(HttpRequest.newBuilder(URI.create(base + "runs"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"preset\": \"sakila\", \"stream\": \"bench\", "
                        + "\"records\": " + RECORDS + ", \"seed\": 1}")).build(), HttpResponse.BodyHandlers.ofString());
        int id = JSON.readTree(started.body()).get("id").asInt();
        HttpRequest events = HttpRequest.newBuilder(URI.create(base + "runs/" + id + "/events"))
                .header("Authorization", "Bearer " + token).build();
        List<String> lines = http.send(events, HttpResponse.BodyHandlers.ofLines()).body().toList();
        String last = lines.stream().filter(l -> l.startsWith("data: ")).reduce((a, b) -> b).orElseThrow();
        JsonNode summary = JSON.readTree(last.substring("data: ".length())).get("summary");
        if (summary.get("acked").asLong() != RECORDS) {
            throw new IllegalStateException("the page's run acked " + summary.get("acked"));
        }
        return summary.get("elapsedSeconds").asDouble();
    }
}
