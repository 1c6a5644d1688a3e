package io.kdg4j.benchmarks;

import io.kdg4j.core.GeneratedRecord;
import io.kdg4j.core.preset.Presets;
import io.kdg4j.core.rate.RateProfile;
import io.kdg4j.core.run.DeliveryListener;
import io.kdg4j.core.run.Generator;
import io.kdg4j.core.run.RecordSink;
import io.kdg4j.core.run.RunSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Records per second of a run on simulated time, beside the same run on the real clock, both into a sink that acks
 * at once (so the generator and its clock are what is measured), Sakila records:
 * <ul>
 *   <li>{@code realClock}: the baseline, {@value #RECORDS} records as fast as possible (unlimited rate);</li>
 *   <li>{@code simulatedHour}: one simulated hour at 275 records per simulated second, the same number of records,
 *       each stamped with its simulated instant (the schedule costs one profile integral per simulated second, so
 *       a diurnal or periodic profile costs the same).</li>
 * </ul>
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar SimulatedTimeBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 2, jvmArgsAppend = {"-Xmx1g"})
public class SimulatedTimeBenchmark {
    /** Records per operation: a simulated hour at 275 records/s. */
    static final int RECORDS = 990_000;
    private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");

    private long seed;

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public long realClock() throws Exception {
        return run(Generator.from(Presets.get("sakila").schema()).seed(seed++).limit(RECORDS));
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public long simulatedHour() throws Exception {
        return run(Generator.from(Presets.get("sakila").schema()).seed(seed++).rate(RateProfile.constant(275))
                .simulatedTime(FROM, FROM.plus(Duration.ofHours(1))));
    }

    private static long run(Generator generator) throws Exception {
        RunSummary summary = generator.to(new AckingSink()).start().awaitCompletion(Duration.ofMinutes(2));
        if (summary.acked() != RECORDS) {
            throw new IllegalStateException("expected " + RECORDS + " records but " + summary.describe());
        }
        return summary.acked();
    }

    /** Acks every record at once. */
    static final class AckingSink implements RecordSink {
        @Override
        public void send(GeneratedRecord record, DeliveryListener listener) {
            listener.acked(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
