package io.kdg4j.benchmarks;

import io.kdg4j.aws.AwsEndpoint;
import io.kdg4j.junit.KinesisExtension;
import io.kdg4j.junit.KinesisGenerator;
import io.kdg4j.junit.KinesisTest;
import io.kdg4j.junit.RunningGenerator;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
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
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;
import software.amazon.kinesis.common.ConfigsBuilder;
import software.amazon.kinesis.common.InitialPositionInStream;
import software.amazon.kinesis.common.InitialPositionInStreamExtended;
import software.amazon.kinesis.coordinator.Scheduler;
import software.amazon.kinesis.leases.LeaseManagementConfig;
import software.amazon.kinesis.lifecycle.events.InitializationInput;
import software.amazon.kinesis.lifecycle.events.LeaseLostInput;
import software.amazon.kinesis.lifecycle.events.ProcessRecordsInput;
import software.amazon.kinesis.lifecycle.events.ShardEndedInput;
import software.amazon.kinesis.lifecycle.events.ShutdownRequestedInput;
import software.amazon.kinesis.processor.ShardRecordProcessor;
import software.amazon.kinesis.processor.SingleStreamTracker;
import software.amazon.kinesis.retrieval.polling.PollingConfig;

/**
 * From asking the JUnit engine to run a {@code @KinesisTest} class (embedded backend, a generator feeding a
 * stream) to a KCL 3 worker's record processor receiving its first record: the figure a team testing its KCL
 * consumer waits for. Single shot in a fresh JVM each fork, as the first test class of a run. Two parts are
 * reported beside the total: {@code backendReadyMillis}, from the class's start to the test method (emulator,
 * stream, clients, the generator started: kdg4j's part), and {@code kclFirstRecordMillis}, from the worker's start
 * to its first record (the KCL's part). Of the KCL's part, {@code kclLeaseWaitMillis} is the time until the first
 * lease is in the lease table: a worker that finds the table empty waits a random 1 to 30 s for another worker to
 * create the leases before it does so itself, which the KCL does not let a user configure. {@code retrieval} is polling or enhanced
 * fan-out (the KCL's default).
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar KclStartBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(6)
public class KclStartBenchmark {
    static volatile CountDownLatch firstRecord;
    static volatile boolean fanOut;
    static volatile long classStarted;
    static volatile long testStarted;
    static volatile long processed;
    static volatile long leasesCreated;

    @Param({"polling", "fanOut"})
    public String retrieval;

    /** Notes when the engine starts the class: registered before the kdg4j extension, so it runs first. */
    public static class ClassStart implements BeforeAllCallback {
        @Override
        public void beforeAll(ExtensionContext context) {
            classStarted = System.nanoTime();
        }
    }

    /** The two parts of the total. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Parts {
        public long backendReadyMillis;
        public long kclFirstRecordMillis;
        public long kclLeaseWaitMillis;
    }

    /** The test class the engine runs: a KCL worker of its own, as a team's test writes it. */
    @ExtendWith(ClassStart.class)
    @KinesisTest
    public static class OrdersConsumer {
        @KinesisGenerator(stream = "orders", shards = 2, preset = "sakila", recordsPerSecond = 100, duration = "90s")
        RunningGenerator orders;

        @Test
        void firstRecord(AwsEndpoint aws) throws Exception {
            testStarted = System.nanoTime();
            try (KinesisAsyncClient kinesis = aws.configure(KinesisAsyncClient.builder()).build();
                 DynamoDbAsyncClient dynamoDb = aws.configure(DynamoDbAsyncClient.builder()).build();
                 CloudWatchAsyncClient cloudWatch = aws.configure(CloudWatchAsyncClient.builder()).build()) {
                ConfigsBuilder configs = new ConfigsBuilder(new SingleStreamTracker("orders",
                        InitialPositionInStreamExtended.newInitialPosition(InitialPositionInStream.TRIM_HORIZON)),
                        "first-record", kinesis, dynamoDb, cloudWatch, "worker", FirstRecord::new);
                LeaseManagementConfig leases = configs.leaseManagementConfig().shardSyncIntervalMillis(1_000)
                        .failoverTimeMillis(2_000).leaseAssignmentIntervalMillis(1_000L)
                        .dynamoDbLockBasedLeaderHeartbeatPeriodInMillis(1_000);
                leases.workerUtilizationAwareAssignmentConfig().workerMetricsReporterFreqInMillis(2_000);
                Scheduler scheduler = new Scheduler(configs.checkpointConfig(), configs.coordinatorConfig(), leases,
                        configs.lifecycleConfig(), configs.metricsConfig(), configs.processorConfig(),
                        fanOut ? configs.retrievalConfig() : configs.retrievalConfig().retrievalSpecificConfig(
                                new PollingConfig("orders", kinesis)));
                Thread worker = new Thread(scheduler, "kcl");
                worker.setDaemon(true);
                worker.start();
                Thread leaseWatch = new Thread(() -> watchForLeases(dynamoDb), "lease-watch");
                leaseWatch.setDaemon(true);
                leaseWatch.start();
                boolean received = firstRecord.await(80, TimeUnit.SECONDS);
                scheduler.startGracefulShutdown().get(30, TimeUnit.SECONDS);
                orders.stop();
                if (!received) {
                    throw new IllegalStateException("the KCL worker processed no record within 80 s");
                }
            }
        }
    }

    /**
     * Notes when the worker's first lease appears in its lease table: the end of the KCL's wait for another worker
     * to create the leases. Polled every 50 ms; the table does not exist until the worker creates it.
     */
    static void watchForLeases(DynamoDbAsyncClient dynamoDb) {
        while (firstRecord.getCount() > 0) {
            try {
                boolean found = dynamoDb.scan(b -> b.tableName("first-record")
                        .filterExpression("begins_with(leaseKey, :shard)")
                        .expressionAttributeValues(Map.of(":shard", AttributeValue.fromS("shardId-"))))
                        .join().count() > 0;
                if (found) {
                    leasesCreated = System.nanoTime();
                    return;
                }
            } catch (CompletionException tableNotYetThere) {
                // the worker creates its lease table first thing; until then, ask again
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
    }

    /** Notes the first record any shard's processor receives. */
    static final class FirstRecord implements ShardRecordProcessor {
        @Override
        public void initialize(InitializationInput input) {
        }

        @Override
        public void processRecords(ProcessRecordsInput input) {
            if (!input.records().isEmpty() && firstRecord.getCount() > 0) {
                processed = System.nanoTime();
                firstRecord.countDown();
            }
        }

        @Override
        public void leaseLost(LeaseLostInput input) {
        }

        @Override
        public void shardEnded(ShardEndedInput input) {
        }

        @Override
        public void shutdownRequested(ShutdownRequestedInput input) {
        }
    }

    private Thread engine;

    @Setup(Level.Invocation)
    public void prepare() {
        firstRecord = new CountDownLatch(1);
        leasesCreated = 0;
        fanOut = retrieval.equals("fanOut");
    }

    @Benchmark
    public long classStartToFirstRecord(Parts parts) throws InterruptedException {
        engine = JunitEngine.start(OrdersConsumer.class, Map.of(KinesisExtension.BACKEND, "embedded"));
        if (!firstRecord.await(120, TimeUnit.SECONDS)) {
            throw new IllegalStateException("no record was processed within 120 s");
        }
        parts.backendReadyMillis = (testStarted - classStarted) / 1_000_000;
        parts.kclFirstRecordMillis = (processed - testStarted) / 1_000_000;
        parts.kclLeaseWaitMillis = (leasesCreated - testStarted) / 1_000_000;
        return firstRecord.getCount();
    }

    @TearDown(Level.Invocation)
    public void finish() throws InterruptedException {
        engine.join();
    }
}
