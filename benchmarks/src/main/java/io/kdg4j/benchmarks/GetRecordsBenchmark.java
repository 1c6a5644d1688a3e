package io.kdg4j.benchmarks;

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
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;

/**
 * GetShardIterator (TRIM_HORIZON) plus one GetRecords of 10,000 records of 150 bytes from one shard of the
 * emulator, with the SDK v2 async client: milliseconds per read.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar GetRecordsBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class GetRecordsBenchmark {
    private LocalEmulator emulator;
    private KinesisAsyncClient client;

    @Setup(Level.Trial)
    public void load() throws Exception {
        emulator = LocalEmulator.start();
        client = EmulatorBenchmark.client(emulator.endpoint(), true);
        client.createStream(b -> b.streamName("read").shardCount(1)).get();
        while (client.describeStreamSummary(b -> b.streamName("read")).get().streamDescriptionSummary()
                .streamStatus() != StreamStatus.ACTIVE) {
            Thread.sleep(20);
        }
        List<PutRecordsRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            entries.add(PutRecordsRequestEntry.builder().partitionKey("k" + i)
                    .data(SdkBytes.fromByteArray(new byte[150])).build());
        }
        for (int i = 0; i < 20; i++) {
            client.putRecords(b -> b.streamName("read").records(entries)).get();
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        client.close();
        emulator.close();
    }

    @Benchmark
    public int getRecords10k() throws Exception {
        String iterator = client.getShardIterator(b -> b.streamName("read").shardId("shardId-000000000000")
                .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).get().shardIterator();
        int count = client.getRecords(b -> b.shardIterator(iterator).limit(10_000)).get().records().size();
        if (count != 10_000) {
            throw new IllegalStateException("read " + count + " records");
        }
        return count;
    }
}
