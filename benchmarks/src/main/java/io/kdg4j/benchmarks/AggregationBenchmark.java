package io.kdg4j.benchmarks;

import io.kdg4j.aws.KinesisSink;
import io.kdg4j.core.GeneratedRecord;
import io.kdg4j.local.LocalConfig;
import io.kdg4j.local.LocalEmulator;
import java.util.ArrayList;
import java.util.List;
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
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;

/**
 * User records per second through {@link KinesisSink} into the embedded emulator (4 shards), without
 * ({@code plain}, the baseline) and with KPL aggregation ({@code aggregated}): 150-byte records with distinct
 * partition keys, 80,000 per operation, the same SDK async client and 8 requests in flight.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar AggregationBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 6, time = 4)
@Measurement(iterations = 5, time = 4)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class AggregationBenchmark {
    static final int RECORDS_PER_OP = 80_000;

    @Param({"plain", "aggregated"})
    public String sink;

    private LocalEmulator emulator;
    private KinesisAsyncClient client;
    private KinesisSink kinesis;
    private List<GeneratedRecord> records;

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
            records.add(GeneratedRecord.wrap(i, String.valueOf(1_000_000_000L + i * 7919L), data));
        }
        KinesisSink.Builder builder = KinesisSink.builder(client, "bench");
        kinesis = (sink.equals("aggregated") ? builder.aggregation() : builder).build();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        kinesis.close();
        client.close();
        emulator.close();
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS_PER_OP)
    public long send() throws Exception {
        return SendAll.through(kinesis, records);
    }
}
