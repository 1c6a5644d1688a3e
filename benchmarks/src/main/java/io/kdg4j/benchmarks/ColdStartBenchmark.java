package io.kdg4j.benchmarks;

import io.kdg4j.local.LocalEmulator;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
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
 * DescribeStreamSummary until ACTIVE (the default creation delay is 50 ms), stop. Requests are written on plain
 * sockets, so the figure is the emulator's and not an HTTP client's start-up.
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
            call(local.endpoint(), "CreateStream", "{\"StreamName\":\"first\",\"ShardCount\":1}");
            while (!call(local.endpoint(), "DescribeStreamSummary", "{\"StreamName\":\"first\"}")
                    .contains("\"ACTIVE\"")) {
                Thread.onSpinWait();
            }
            return local.port();
        }
    }

    /** One HTTP/1.1 request over a plain socket: no HTTP client's own start-up in the figure. */
    private static String call(URI endpoint, String operation, String body) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String head = "POST / HTTP/1.1\r\nHost: " + endpoint.getHost() + "\r\nX-Amz-Target: Kinesis_20131202."
                + operation + "\r\nContent-Type: application/x-amz-json-1.1\r\nContent-Length: " + bytes.length
                + "\r\nConnection: close\r\n\r\n";
        try (Socket socket = new Socket(endpoint.getHost(), endpoint.getPort())) {
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(bytes);
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
