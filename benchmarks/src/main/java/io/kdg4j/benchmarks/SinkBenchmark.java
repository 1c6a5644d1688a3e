package io.kdg4j.benchmarks;

import io.kdg4j.aws.KinesisSink;
import io.kdg4j.core.GeneratedRecord;
import io.kdg4j.core.preset.Presets;
import io.kdg4j.core.run.Generator;
import io.kdg4j.core.run.RunSummary;
import io.kdg4j.local.LocalConfig;
import io.kdg4j.local.LocalEmulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequest;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;

/**
 * Records per second into the embedded emulator (4 shards, no limits), with the same SDK async client (HTTP/2,
 * 16 connections' worth of concurrency) and 8 requests of 500 in flight:
 * <ul>
 *   <li>{@code bare}: the baseline, a hand-written loop that builds PutRecords requests of fixed 150-byte records
 *       and keeps 8 in flight;</li>
 *   <li>{@code sink}: the same fixed records through {@link KinesisSink} (batching, per-entry outcomes,
 *       accounting);</li>
 *   <li>{@code generator}: the whole path, Sakila records generated, paced (unlimited) and sent by
 *       {@link Generator} through the sink;</li>
 *   <li>{@code aggregated}: the fixed records through a sink with KPL aggregation (user records per second).</li>
 * </ul>
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar SinkBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 6, time = 4)
@Measurement(iterations = 5, time = 4)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class SinkBenchmark {
    static final int BATCH = 500;
    static final int IN_FLIGHT = 8;
    static final int RECORDS_PER_OP = 16 * BATCH;

    @Param({"bare", "sink", "generator", "aggregated"})
    public String path;

    private LocalEmulator emulator;
    private KinesisAsyncClient client;
    private KinesisSink sink;
    private List<GeneratedRecord> records;
    private long seed;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        emulator = LocalEmulator.start(LocalConfig.builder().maxStoredBytes(64L * 1024 * 1024).build());
        client = EmulatorBenchmark.client(emulator.endpoint(), true);
        client.createStream(b -> b.streamName("bench").shardCount(4)).get();
        while (client.describeStreamSummary(b -> b.streamName("bench")).get().streamDescriptionSummary()
                .streamStatus() != StreamStatus.ACTIVE) {
            Thread.sleep(20);
        }
        byte[] data = new byte[150];
        java.util.Arrays.fill(data, (byte) 'x');
        records = new ArrayList<>();
        for (int i = 0; i < RECORDS_PER_OP; i++) {
            records.add(GeneratedRecord.wrap(i, "key-" + i, data));
        }
        sink = path.equals("aggregated") ? KinesisSink.builder(client, "bench").aggregation().build()
                : KinesisSink.builder(client, "bench").build();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        sink.close();
        client.close();
        emulator.close();
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS_PER_OP)
    public long putRecords() throws Exception {
        return switch (path) {
            case "bare" -> bare();
            case "sink", "aggregated" -> throughSink();
            case "generator" -> throughGenerator();
            default -> throw new IllegalArgumentException(path);
        };
    }

    private long bare() throws Exception {
        Semaphore inFlight = new Semaphore(IN_FLIGHT);
        List<CompletableFuture<PutRecordsResponse>> calls = new ArrayList<>();
        for (int from = 0; from < RECORDS_PER_OP; from += BATCH) {
            List<PutRecordsRequestEntry> entries = new ArrayList<>(BATCH);
            for (GeneratedRecord record : records.subList(from, from + BATCH)) {
                entries.add(PutRecordsRequestEntry.builder().partitionKey(record.partitionKey())
                        .data(SdkBytes.fromByteBuffer(record.data())).build());
            }
            inFlight.acquire();
            CompletableFuture<PutRecordsResponse> call = client.putRecords(PutRecordsRequest.builder()
                    .streamName("bench").records(entries).build());
            call.whenComplete((r, e) -> inFlight.release());
            calls.add(call);
        }
        long failed = 0;
        for (CompletableFuture<PutRecordsResponse> call : calls) {
            failed += call.get().failedRecordCount();
        }
        if (failed > 0) {
            throw new IllegalStateException(failed + " records failed");
        }
        return failed;
    }

    private long throughSink() throws Exception {
        return SendAll.through(sink, records);
    }

    private long throughGenerator() throws Exception {
        RunSummary summary = Generator.from(Presets.get("sakila").schema()).seed(seed++).limit(RECORDS_PER_OP)
                .to(sink).start().awaitCompletion(Duration.ofMinutes(1));
        if (!summary.allAcked()) {
            throw new IllegalStateException(summary.describe());
        }
        return summary.acked();
    }
}
