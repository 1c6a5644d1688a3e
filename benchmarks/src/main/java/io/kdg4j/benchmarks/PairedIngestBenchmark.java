package io.kdg4j.benchmarks;

import io.kdg4j.local.LocalConfig;
import io.kdg4j.local.LocalEmulator;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequest;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;

/**
 * {@link EmulatorBenchmark}'s comparison, paired: the canned endpoint and the emulator run in the same JVM and
 * take turns, 16 PutRecords calls of 500 records each, the order flipped every turn. On a shared two-core machine
 * the ceiling itself drifts by 10% or more between runs of a minute, which swamps a comparison of two separate
 * runs; taking turns every few milliseconds exposes both to the same drift. The counters {@code cannedNanos} and
 * {@code emulatorNanos} sum the time each spent on the same number of records: the emulator's speed as a fraction
 * of the ceiling is cannedNanos / emulatorNanos. {@code keys=fixed} sends the same 500 keys in every call (the
 * emulator's cache of recent keys always hits); {@code keys=random} rotates 64 calls of random 10-digit keys, so
 * every record is hashed, as with the generator's default keys.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar PairedIngestBenchmark
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 8, time = 4)
@Measurement(iterations = 10, time = 4)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class PairedIngestBenchmark {
    private CannedKinesisEndpoint canned;
    private LocalEmulator emulator;
    private KinesisAsyncClient cannedClient;
    private KinesisAsyncClient emulatorClient;
    @Param({"fixed", "random"})
    public String keys;
    private PutRecordsRequest[] requests;
    private int next;
    private boolean cannedFirst;

    /** Nanoseconds each endpoint took, summed over the iteration; equal numbers of records went to each. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Nanos {
        public long cannedNanos;
        public long emulatorNanos;

        @Setup(Level.Iteration)
        public void reset() {
            cannedNanos = 0;
            emulatorNanos = 0;
        }
    }

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        canned = new CannedKinesisEndpoint(EmulatorBenchmark.BATCH);
        emulator = LocalEmulator.start(LocalConfig.builder().maxStoredBytes(64L * 1024 * 1024).build());
        cannedClient = EmulatorBenchmark.client(canned.endpoint(), true);
        emulatorClient = EmulatorBenchmark.client(emulator.endpoint(), true);
        emulatorClient.createStream(b -> b.streamName("bench").shardCount(4)).get();
        while (emulatorClient.describeStreamSummary(b -> b.streamName("bench")).get().streamDescriptionSummary()
                .streamStatus() != StreamStatus.ACTIVE) {
            Thread.sleep(20);
        }
        requests = keys.equals("random") ? EmulatorBenchmark.randomKeyRequests("bench")
                : new PutRecordsRequest[] {EmulatorBenchmark.request("bench")};
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        cannedClient.close();
        emulatorClient.close();
        canned.close();
        emulator.close();
    }

    /** One turn each: 8,000 records to the canned endpoint and 8,000 to the emulator, in alternating order. */
    @Benchmark
    public void turns(Nanos nanos) throws Exception {
        cannedFirst = !cannedFirst;
        next = (next + EmulatorBenchmark.BATCHES_PER_OP) % requests.length;
        if (cannedFirst) {
            nanos.cannedNanos += timed(cannedClient);
            nanos.emulatorNanos += timed(emulatorClient);
        } else {
            nanos.emulatorNanos += timed(emulatorClient);
            nanos.cannedNanos += timed(cannedClient);
        }
    }

    private long timed(KinesisAsyncClient client) throws Exception {
        long start = System.nanoTime();
        EmulatorBenchmark.sendBatches(client, requests, next);
        return System.nanoTime() - start;
    }
}
