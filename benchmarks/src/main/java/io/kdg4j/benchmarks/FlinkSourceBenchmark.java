package io.kdg4j.benchmarks;

import io.kdg4j.flink.KdgSinks;
import io.kdg4j.flink.KdgSource;
import io.kdg4j.local.LocalConfig;
import io.kdg4j.local.LocalEmulator;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
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
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * Records/s of a bounded Flink job at parallelism 2 on a MiniCluster started once per trial (so job submission,
 * not cluster start, is part of each operation): kdg4j's source of Sakila records against the Flink user's
 * alternative, Flink's own {@link DataGeneratorSource} with a hand-written Datafaker + Jackson
 * {@link GeneratorFunction} ({@link HandWrittenSakila}), both into a discarding sink, both as bytes. And kdg4j's
 * source end to end: through Flink's Kinesis sink into the embedded emulator's 4-shard stream.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar FlinkSourceBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g"})
public class FlinkSourceBenchmark {
    static final int RECORDS = 6_000_000;
    static final int SENT_RECORDS = 400_000;
    private MiniCluster cluster;
    private LocalEmulator emulator;
    private int runs;

    @Setup(Level.Trial)
    public void start() throws Exception {
        Configuration config = new Configuration();
        config.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MemorySize.ofMebiBytes(64));
        cluster = new MiniCluster(new MiniClusterConfiguration.Builder().setConfiguration(config)
                .setNumTaskManagers(1).setNumSlotsPerTaskManager(2).build());
        cluster.start();
        emulator = LocalEmulator.start(LocalConfig.builder().maxStoredBytes(256L * 1024 * 1024).build());
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
        cluster.closeAsync().get();
        emulator.close();
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public void handWrittenDatafakerJackson() throws Exception {
        run(new DataGeneratorSource<>(new HandWrittenFunction(), RECORDS,
                PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO));
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public void kdg4jSource() throws Exception {
        run(KdgSource.preset("sakila").seed(7).records(RECORDS).buildBytes());
    }

    /** kdg4j's records through Flink's Kinesis sink into the emulator: the whole path of a job. */
    @Benchmark
    @OperationsPerInvocation(SENT_RECORDS)
    public void kdg4jSourceIntoTheEmulator() throws Exception {
        String stream = "flink-" + runs++;
        try (KinesisClient kinesis = KinesisClient.builder().endpointOverride(emulator.endpoint())
                .region(software.amazon.awssdk.regions.Region.of(emulator.region()))
                .credentialsProvider(() -> software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create(
                        emulator.accessKeyId(), emulator.secretAccessKey())).build()) {
            io.kdg4j.aws.Provisioning.ensureStream(kinesis, stream, 4, java.time.Duration.ofSeconds(30));
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        env.fromSource(KdgSource.preset("sakila").seed(7).records(SENT_RECORDS).build(),
                        WatermarkStrategy.noWatermarks(), "kdg4j")
                .sinkTo(KdgSinks.kinesis(stream, KdgSinks.emulatorProperties(emulator.endpoint(), emulator.region(),
                        emulator.accessKeyId(), emulator.secretAccessKey())));
        cluster.executeJobBlocking(env.getStreamGraph().getJobGraph());
        emulator.deleteStream(stream);
    }

    private <T> void run(DataGeneratorSource<T> source) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "records").sinkTo(new DiscardingSink<>());
        cluster.executeJobBlocking(env.getStreamGraph().getJobGraph());
    }

    /** What a Flink user writes without kdg4j: Datafaker and Jackson in a GeneratorFunction. */
    static final class HandWrittenFunction implements GeneratorFunction<Long, byte[]> {
        private static final long serialVersionUID = 1L;
        private transient HandWrittenSakila sakila;

        @Override
        public void open(SourceReaderContext context) {
            sakila = new HandWrittenSakila(7 + context.getIndexOfSubtask());
        }

        @Override
        public byte[] map(Long index) throws Exception {
            return sakila.next();
        }
    }
}
