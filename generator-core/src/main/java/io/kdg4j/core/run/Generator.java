package io.kdg4j.core.run;

import io.kdg4j.core.GeneratedRecord;
import io.kdg4j.core.InstanceShare;
import io.kdg4j.core.RecordSchema;
import io.kdg4j.core.Records;
import io.kdg4j.core.encode.Encoders;
import io.kdg4j.core.encode.RecordEncoder;
import io.kdg4j.core.kdg.KdgTemplate;
import io.kdg4j.core.rate.RateProfile;
import io.kdg4j.core.rate.Ticker;
import io.kdg4j.core.scenario.ScenarioEvents;
import io.kdg4j.core.scenario.ScenarioTally;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A run to start: which records, how fast, how many, and where they go. Immutable: every step returns a new
 * instance, so a half-configured generator can be a shared constant.
 *
 * <pre>{@code
 * GeneratorRun run = Generator.from(Presets.get("sakila").schema())
 *     .seed(7).rate(1_000).limit(10_000).to(sink).start();
 * RunSummary summary = run.awaitCompletion(Duration.ofMinutes(1));
 *
 * Generator.from(KdgTemplate.compile(text)).rate(RateProfile.parse("ramp:100..5000/60s"))
 *     .limit(Duration.ofMinutes(10)).to(sink).start();
 * }</pre>
 *
 * <p>Defaults: a random seed ({@link #seed()} tells which), the system clock, no rate limit (as fast as the sink
 * takes records), no limit on records or time (run until {@link GeneratorRun#stop()}), at most
 * {@value #DEFAULT_MAX_IN_FLIGHT} records in flight. Records of a fluent schema are JSON; a KDG template's are its
 * rendered text, as the KDG sends them.
 */
public final class Generator {
    public static final int DEFAULT_MAX_IN_FLIGHT = 10_000;

    private final Records records;
    /** Set instead of records for a scenario's events. */
    private final ScenarioEvents scenario;
    private final RateProfile rate;
    private final double bytesPerSecond;
    private final long recordLimit;
    private final Duration durationLimit;
    private final int maxInFlight;
    private final Ticker ticker;
    private final RecordSink sink;
    private final SimulatedTime simulatedTime;

    private Generator(Records records, ScenarioEvents scenario, RateProfile rate, double bytesPerSecond, long recordLimit,
                      Duration durationLimit, int maxInFlight, Ticker ticker, RecordSink sink,
                      SimulatedTime simulatedTime) {
        this.records = records;
        this.scenario = scenario;
        this.rate = rate;
        this.bytesPerSecond = bytesPerSecond;
        this.recordLimit = recordLimit;
        this.durationLimit = durationLimit;
        this.maxInFlight = maxInFlight;
        this.ticker = ticker;
        this.sink = sink;
        this.simulatedTime = simulatedTime;
    }

    public static Generator from(RecordSchema schema) {
        return from(Records.from(schema));
    }

    /** A KDG template's records, as text exactly as it renders them. */
    public static Generator from(KdgTemplate template) {
        return from(Records.from(template.schema()).encoder(Encoders.text()));
    }

    /** The records of {@code records}: its schema, seed, encoder, clock and instance share. */
    public static Generator from(Records records) {
        return new Generator(Objects.requireNonNull(records, "records"), null, RateProfile.unlimited(), 0, Long.MAX_VALUE,
                null, DEFAULT_MAX_IN_FLIGHT, Ticker.system(), null, null);
    }

    /**
     * A scenario's events, each to the sink of its stream ({@link GeneratedRecord#route()}: use a
     * {@link RoutingSink}). The rate and the record limit count events of all streams; with {@link #share}, every
     * instance plans the whole run and sends its entities' events.
     */
    public static Generator from(ScenarioEvents events) {
        return new Generator(null, Objects.requireNonNull(events, "events"), RateProfile.unlimited(), 0,
                Long.MAX_VALUE, null, DEFAULT_MAX_IN_FLIGHT, Ticker.system(), null, null);
    }

    public Generator seed(long seed) {
        return scenario != null ? withScenario(scenario.seed(seed)) : withRecords(records.seed(seed));
    }

    /** The wall clock of timestamp fields (a scenario: event time zero is the clock's instant now). */
    public Generator clock(Clock clock) {
        return scenario != null ? withScenario(scenario.start(clock.instant())) : withRecords(records.clock(clock));
    }

    public Generator encoder(RecordEncoder encoder) {
        return scenario != null ? withScenario(scenario.encoder(encoder)) : withRecords(records.encoder(encoder));
    }

    /**
     * Makes this process one of N sharing a run: only the record indexes of {@code share}, at 1/N of the rate and
     * byte cap, and 1/N (rounded to this share) of the record limit.
     */
    public Generator share(InstanceShare share) {
        return scenario != null ? withScenario(scenario.share(share)) : withRecords(records.share(share));
    }

    /** A constant rate in records per second (> 0). */
    public Generator rate(double recordsPerSecond) {
        if (!(recordsPerSecond > 0) || Double.isInfinite(recordsPerSecond)) {
            throw new IllegalArgumentException("rate must be a positive number of records/s but was "
                    + recordsPerSecond);
        }
        return rate(RateProfile.constant(recordsPerSecond));
    }

    public Generator rate(RateProfile profile) {
        return new Generator(records, scenario, Objects.requireNonNull(profile, "profile"), bytesPerSecond, recordLimit,
                durationLimit, maxInFlight, ticker, sink, simulatedTime);
    }

    /** A cap in bytes of record data per second, besides the record rate (0 = none). */
    public Generator bytesPerSecond(long bytesPerSecond) {
        if (bytesPerSecond < 0) {
            throw new IllegalArgumentException("bytesPerSecond must be >= 0 (0 = no cap) but was " + bytesPerSecond);
        }
        return new Generator(records, scenario, rate, bytesPerSecond, recordLimit, durationLimit, maxInFlight, ticker, sink, simulatedTime);
    }

    /** Stop after {@code records} records of the whole run (this share's part of them with {@link #share}). */
    public Generator limit(long records) {
        if (records < 0) {
            throw new IllegalArgumentException("record limit must be >= 0 but was " + records);
        }
        return new Generator(this.records, scenario, rate, bytesPerSecond, records, durationLimit, maxInFlight, ticker, sink, simulatedTime);
    }

    /** Stop generating after {@code duration}; records in flight then still get their outcome. */
    public Generator limit(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("duration limit must be positive but was " + duration);
        }
        return new Generator(records, scenario, rate, bytesPerSecond, recordLimit, duration, maxInFlight, ticker, sink, simulatedTime);
    }

    /**
     * The most records handed to the sink and not yet acked or failed; generation waits beyond it, so memory stays
     * flat however long the run. Default {@value #DEFAULT_MAX_IN_FLIGHT}.
     */
    public Generator maxInFlight(int records) {
        if (records < 1) {
            throw new IllegalArgumentException("maxInFlight must be >= 1 but was " + records);
        }
        return new Generator(this.records, scenario, rate, bytesPerSecond, recordLimit, durationLimit, records, ticker, sink, simulatedTime);
    }

    /** The time source of pacing and the duration limit (tests pass a manual one). */
    public Generator ticker(Ticker ticker) {
        return new Generator(records, scenario, rate, bytesPerSecond, recordLimit, durationLimit, maxInFlight,
                Objects.requireNonNull(ticker, "ticker"), sink, simulatedTime);
    }

    /** Where the records go; the run does not close it. */
    public Generator to(RecordSink sink) {
        return new Generator(records, scenario, rate, bytesPerSecond, recordLimit, durationLimit, maxInFlight, ticker,
                Objects.requireNonNull(sink, "sink"), simulatedTime);
    }

    /**
     * Runs on a simulated clock from {@code from} to {@code to}, as fast as the sink takes records: the rate
     * profile (a diurnal or periodic one too) is evaluated at simulated time, every wall-clock timestamp of a
     * record is its simulated due instant, and the run ends at {@code to}. See {@link SimulatedTime}.
     */
    public Generator simulatedTime(Instant from, Instant to) {
        return simulatedTime(SimulatedTime.between(from, to));
    }

    /** Runs on a simulated clock, at the pace {@code time} says ({@link SimulatedTime#speed}, {@link SimulatedTime#ticks}). */
    public Generator simulatedTime(SimulatedTime time) {
        return new Generator(records, scenario, rate, bytesPerSecond, recordLimit, durationLimit, maxInFlight, ticker, sink,
                Objects.requireNonNull(time, "time"));
    }

    /** Starts the run on its own thread. */
    public GeneratorRun start() {
        if (sink == null) {
            throw new IllegalStateException("no sink: call to(sink) before start()");
        }
        InstanceShare share = scenario != null ? scenario.share() : records.share();
        double factor = 1.0 / share.count();
        if (scenario != null) {
            if (simulatedTime != null) {
                throw new IllegalStateException("a scenario keeps its own event time; simulated time is for records");
            }
            // every instance plans the whole run (the limit counts all instances' events) and sends its share
            ScenarioTally tally = scenario.tally();
            RecordSink counted = tally == null ? sink : new RecordSink() {
                @Override
                public void send(GeneratedRecord record, DeliveryListener listener) {
                    tally.sent(record);
                    sink.send(record, listener);
                }

                @Override
                public void flush() {
                    sink.flush();
                }

                @Override
                public void close() {
                    sink.close();
                }
            };
            EventTimePace pace = scenario.eventTimeSpeed() > 0 ? new EventTimePace(scenario.eventTimeSpeed(), ticker)
                    : null;
            return GeneratorRun.start(scenario::records, share.count() == 1 ? rate : rate.scaled(factor),
                    bytesPerSecond * factor, recordLimit, durationLimit, maxInFlight, ticker, counted, null, pace);
        }
        long count = recordLimit == Long.MAX_VALUE ? Long.MAX_VALUE : share.countOf(recordLimit);
        if (simulatedTime != null) {
            if (rate == RateProfile.unlimited()) {
                throw new IllegalStateException("simulated time needs a rate: records per simulated second, e.g. "
                        + "rate(10) or rate(RateProfile.diurnal(1, 10, clock))");
            }
            // every instance walks the whole schedule and takes its own records of it, at the whole run's rate
            SimulatedRun simulated = new SimulatedRun(simulatedTime, rate, share, ticker);
            return GeneratorRun.start(records.clock(simulated.clock())::iterator, RateProfile.unlimited(),
                    bytesPerSecond * factor, count, durationLimit, maxInFlight, ticker, sink, simulated);
        }
        RateProfile shareRate = share.count() == 1 ? rate : rate.scaled(factor);
        return GeneratorRun.start(records::iterator, shareRate, bytesPerSecond * factor, count, durationLimit, maxInFlight,
                ticker, sink, null);
    }

    public long seed() {
        return scenario != null ? scenario.seed() : records.seed();
    }

    /** The records of the run; null for a scenario's events. */
    public Records records() {
        return records;
    }

    public RateProfile rate() {
        return rate;
    }

    /** The simulated time of the run, or null for the real clock. */
    public SimulatedTime simulatedTime() {
        return simulatedTime;
    }

    private Generator withScenario(ScenarioEvents changed) {
        return new Generator(null, changed, rate, bytesPerSecond, recordLimit, durationLimit, maxInFlight, ticker, sink,
                simulatedTime);
    }

    private Generator withRecords(Records changed) {
        return new Generator(changed, null, rate, bytesPerSecond, recordLimit, durationLimit, maxInFlight, ticker, sink, simulatedTime);
    }
}
