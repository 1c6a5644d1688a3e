package io.kdg4j.benchmarks;

import io.kdg4j.junit.KinesisExtension;
import io.kdg4j.junit.KinesisGenerator;
import io.kdg4j.junit.KinesisTest;
import io.kdg4j.junit.RunningGenerator;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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

/**
 * From asking the JUnit engine to run a {@code @KinesisTest} class (embedded backend) to its generator's first
 * acked record: discovery, the emulator's start, the stream, the SDK client, and the first PutRecords. Each
 * measurement is one engine run in a fresh JVM (single shot), so it includes class loading: the figure a developer
 * sees for the first test class of a run. The engine runs through a launcher session, as under Maven Surefire and
 * Gradle, so kdg4j's discovery-time warm-up ({@code warmUp=true}, the default) takes part; {@code warmUp=false} is
 * the baseline. Secondary results leave out JUnit's own start and discovery, from the engine starting the class
 * (the first class callback): {@code classStartToFirstRecordMillis} to the generator handing its first record to
 * the sink (sending has started; the sink's linger and the first request follow), {@code
 * classStartToFirstAckMillis} to the first ack.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar JunitStartBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(10)
public class JunitStartBenchmark {
    static volatile CountDownLatch firstAck;
    static volatile long classStarted;
    static volatile long handedOver;
    static volatile long acked;

    /** Notes when the engine starts the class: registered before the kdg4j extension, so it runs first. */
    public static class ClassStart implements BeforeAllCallback {
        @Override
        public void beforeAll(ExtensionContext context) {
            classStarted = System.nanoTime();
        }
    }

    /** The part after JUnit's own start and discovery: from the engine starting the class to the first ack. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class FromClassStart {
        public long classStartToFirstAckMillis;
        public long classStartToFirstRecordMillis;
    }

    /** The test class the engine runs: it reports its generator's first ack. */
    @ExtendWith(ClassStart.class)
    @KinesisTest
    public static class Orders {
        @KinesisGenerator(stream = "orders", preset = "sakila", recordsPerSecond = 1_000, duration = "2s")
        RunningGenerator orders;

        @Test
        void firstAck() throws InterruptedException {
            while (orders.stats().generated() == 0) {
                Thread.sleep(1);
            }
            handedOver = System.nanoTime();
            while (orders.stats().acked() == 0) {
                Thread.sleep(1);
            }
            acked = System.nanoTime();
            firstAck.countDown();
            orders.stop();
        }
    }

    private Thread engine;

    @Setup(Level.Invocation)
    public void prepare() {
        firstAck = new CountDownLatch(1);
    }

    /** Whether kdg4j's warm-up runs during discovery, as it does by default; false is the baseline beside it. */
    @Param({"true", "false"})
    public boolean warmUp;

    @Benchmark
    public long engineStartToFirstAck(FromClassStart fromClassStart) throws InterruptedException {
        engine = JunitEngine.start(Orders.class, Map.of(KinesisExtension.BACKEND, "embedded",
                KinesisExtension.WARM_UP, Boolean.toString(warmUp)));
        if (!firstAck.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("no record was acked within 60 s");
        }
        fromClassStart.classStartToFirstAckMillis = (acked - classStarted) / 1_000_000;
        fromClassStart.classStartToFirstRecordMillis = (handedOver - classStarted) / 1_000_000;
        return firstAck.getCount();
    }

    @TearDown(Level.Invocation)
    public void finish() throws InterruptedException {
        engine.join();
    }
}
