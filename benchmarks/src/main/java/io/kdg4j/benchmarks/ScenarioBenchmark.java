package io.kdg4j.benchmarks;

import static io.kdg4j.core.Fields.concat;
import static io.kdg4j.core.Fields.decimals;
import static io.kdg4j.core.Fields.eventSequence;
import static io.kdg4j.core.Fields.eventState;
import static io.kdg4j.core.Fields.eventTimeMillis;
import static io.kdg4j.core.Fields.field;
import static io.kdg4j.core.Fields.oneOf;
import static io.kdg4j.core.Fields.record;
import static io.kdg4j.core.Fields.ref;
import static io.kdg4j.core.Fields.sequence;
import static io.kdg4j.core.Fields.uuid;

import io.kdg4j.core.InstanceShare;
import io.kdg4j.core.RecordGenerator;
import io.kdg4j.core.encode.Encoders;
import io.kdg4j.core.encode.RecordEncoder;
import io.kdg4j.core.preset.Presets;
import io.kdg4j.core.record.ByteOutput;
import io.kdg4j.core.scenario.Arrivals;
import io.kdg4j.core.scenario.Delay;
import io.kdg4j.core.scenario.EventStream;
import io.kdg4j.core.scenario.Population;
import io.kdg4j.core.scenario.Scenario;
import io.kdg4j.core.scenario.ScenarioEvents;
import io.kdg4j.core.scenario.ScenarioIterator;
import io.kdg4j.core.scenario.StateMachine;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Events per second of a scenario with references and state machines (10,000 customers arriving over time,
 * their created events, orders that refer to them, click sessions walking a shopping machine, 2% late and 1%
 * duplicated orders), on one thread, in the steady state, beside the plain sakila preset made into records the
 * same way.
 *
 * <pre>
 * mvn -B -q package -DskipTests -pl benchmarks -am
 * java -jar benchmarks/target/benchmarks.jar ScenarioBenchmark
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Threads(1)
public class ScenarioBenchmark {
    static final Population CUSTOMERS = Population.of("customer", 10_000, record(
            field("customer_id", concat("C-", sequence())),
            field("tier", oneOf("gold", "silver", "bronze")),
            field("region", oneOf("eu", "us", "apac"))), "customer_id");

    static final StateMachine SHOPPING = StateMachine.startingAt("login")
            .transition("login", "browse", 0.7).transition("login", "search", 0.3)
            .transition("browse", "cart", 0.6).transition("browse", "logout", 0.4)
            .transition("search", "cart", 0.5).transition("search", "browse", 0.5)
            .transition("cart", "checkout", 0.4).transition("cart", "abandon", 0.6)
            .transition("checkout", "logout", 1).transition("abandon", "logout", 1)
            .build();

    static Scenario shop() {
        return Scenario.builder()
                .start(Instant.parse("2026-03-01T00:00:00Z"))
                .population(CUSTOMERS, Arrivals.of(1_000, Duration.ofMillis(50)))
                .stream(EventStream.created("customers", CUSTOMERS, record(
                        field("customer_id", ref(CUSTOMERS)), field("tier", ref(CUSTOMERS).field("tier")),
                        field("region", ref(CUSTOMERS).field("region")))))
                .stream(EventStream.every("orders", record(
                        field("order_id", uuid()), field("customer_id", ref(CUSTOMERS)),
                        field("tier", ref(CUSTOMERS).field("tier")), field("amount", decimals("1.00", "300.00")),
                        field("ts", eventTimeMillis())), 2_000).by(CUSTOMERS)
                        .late(0.02, Delay.exponential(Duration.ofSeconds(30))).duplicates(0.01))
                .stream(EventStream.sessions("clicks", CUSTOMERS, SHOPPING, record(
                        field("customer_id", ref(CUSTOMERS)), field("page", eventState()),
                        field("seq", eventSequence()), field("ts", eventTimeMillis())))
                        .gap(Delay.exponential(Duration.ofMinutes(2))))
                .build();
    }

    static final int STEADY_AFTER = 1_200_000;

    /**
     * How many instances the run is split into; this thread makes the first one's share ({@code --instance 0/N},
     * a Flink subtask's share). Each share plans the whole run and makes only its own events, so a share's rate
     * beside the whole run's says how far splitting scales.
     */
    @Param({"1", "4"})
    public int instances;

    private ScenarioEvents events;
    private ScenarioIterator scenario;
    private RecordGenerator sakila;
    private RecordEncoder json;
    private ByteOutput out;
    private long index;

    @Setup
    public void setUp() {
        events = ScenarioEvents.from(shop()).seed(7).share(new InstanceShare(0, instances));
        sakila = RecordGenerator.of(Presets.get("sakila").schema(), 7);
        json = Encoders.json();
        out = new ByteOutput(1 << 12);
    }

    /**
     * Each iteration measures the same phase of the run: the steady state, once every customer has arrived (after
     * 450 s of event time, about a million events) and sessions run for all of them. Before that, the mix of
     * events changes as customers arrive, and iterations would measure different runs.
     */
    @Setup(Level.Iteration)
    public void steadyState() {
        scenario = events.iterator(Long.MAX_VALUE);
        while (scenario.position() < STEADY_AFTER) {
            scenario.next();
        }
    }

    /** Baseline: the sakila preset made into what a sink receives (bytes and a partition key). */
    @Benchmark
    public Object baseline_sakilaPresetToRecord() {
        out.reset();
        json.encode(sakila.generate(index++), out);
        byte[] data = out.toByteArray();
        String key = sakila.partitionKey();
        return key.length() + data.length > 0 ? data : key;
    }

    /** The shop scenario's next event: planned, made, keyed by its customer, with its stream and flags. */
    @Benchmark
    public Object kdg4j_shopScenarioEvent() {
        return scenario.next();
    }
}
