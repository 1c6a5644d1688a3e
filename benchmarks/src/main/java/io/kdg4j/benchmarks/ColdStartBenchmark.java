package io.kdg4j.benchmarks;

import io.kdg4j.local.LocalEmulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * From nothing to a first ACTIVE stream, in a fresh JVM each time: start the emulator, CreateStream, poll
 * DescribeStreamSummary until ACTIVE (the default creation delay is 50 ms), stop. Plain JDK HTTP requests, so the
 * figure is the emulator's and not an SDK client's start-up.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar ColdStartBenchmark</pre>
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(10)
public class ColdStartBenchmark {

    @Benchmark
    public int startToFirstActiveStream() throws Exception {
        try (LocalEmulator local = LocalEmulator.start()) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            call(http, local.endpoint(), "CreateStream", "{\"StreamName\":\"first\",\"ShardCount\":1}");
            while (!call(http, local.endpoint(), "DescribeStreamSummary", "{\"StreamName\":\"first\"}")
                    .contains("\"ACTIVE\"")) {
                Thread.onSpinWait();
            }
            return local.port();
        }
    }

    private static String call(HttpClient http, URI endpoint, String operation, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(endpoint).header("X-Amz-Target", "Kinesis_20131202." + operation)
                .header("Content-Type", "application/x-amz-json-1.1").POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
