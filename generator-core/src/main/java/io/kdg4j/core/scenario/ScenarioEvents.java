package io.kdg4j.core.scenario;

import io.kdg4j.core.InstanceShare;
import io.kdg4j.core.encode.Encoders;
import io.kdg4j.core.encode.RecordEncoder;
import io.kdg4j.core.GeneratedRecord;
import java.time.Instant;
import java.util.Iterator;
import java.util.Objects;
import java.util.function.Function;

/**
 * The events of a scenario for one seed: a pure function of (scenario, seed, start), however many instances
 * share the run. Immutable; each {@link #iterator(long)} is a fresh, single-threaded walk.
 *
 * <p>With {@link #share(InstanceShare) --instance i/N}, every instance plans the whole run (planning is cheap)
 * and makes only its share: the events of the entities {@code e} with {@code e % N == i} (events without an
 * entity by position). An entity's created event and everything that refers to it as owner go to the same
 * instance, in the same order, so integrity and per-entity order hold across instances too.
 */
public final class ScenarioEvents {
    private final Scenario scenario;
    private final long seed;
    private final InstanceShare share;
    private final Instant start;
    private final Function<EventStream, RecordEncoder> encoder;
    private final ScenarioTally tally;
    /** Event-time seconds per real second a run plays the events at, or 0 for as fast as it may. */
    private final double eventTimeSpeed;

    private ScenarioEvents(Scenario scenario, long seed, InstanceShare share, Instant start,
            Function<EventStream, RecordEncoder> encoder, ScenarioTally tally, double eventTimeSpeed) {
        this.scenario = scenario;
        this.seed = seed;
        this.share = share;
        this.start = start;
        this.encoder = encoder;
        this.tally = tally;
        this.eventTimeSpeed = eventTimeSpeed;
    }

    public static ScenarioEvents from(Scenario scenario) {
        return new ScenarioEvents(Objects.requireNonNull(scenario, "scenario"), 0, InstanceShare.WHOLE,
                scenario.start().orElse(null), stream -> Encoders.json(), null, 0);
    }

    public ScenarioEvents seed(long seed) {
        return new ScenarioEvents(scenario, seed, share, start, encoder, tally, eventTimeSpeed);
    }

    public ScenarioEvents share(InstanceShare share) {
        return new ScenarioEvents(scenario, seed, Objects.requireNonNull(share, "share"), start, encoder, tally,
                eventTimeSpeed);
    }

    /** Event time zero (otherwise the scenario's, or the time the iterator is made). */
    public ScenarioEvents start(Instant start) {
        return new ScenarioEvents(scenario, seed, share, Objects.requireNonNull(start, "start"), encoder, tally,
                eventTimeSpeed);
    }

    /** Every stream's records written by {@code encoder} (JSON otherwise). */
    public ScenarioEvents encoder(RecordEncoder encoder) {
        Objects.requireNonNull(encoder, "encoder");
        return encoders(stream -> encoder);
    }

    /** Each stream's records written by the encoder {@code encoders} gives it (made once per iterator). */
    public ScenarioEvents encoders(Function<EventStream, RecordEncoder> encoders) {
        return new ScenarioEvents(scenario, seed, share, start, Objects.requireNonNull(encoders, "encoders"), tally,
                eventTimeSpeed);
    }

    /** The tally every iterator of these events counts into, or null when each counts into its own. */
    public ScenarioTally tally() {
        return tally;
    }

    /** Every iterator of these events counts into {@code tally} (each counts into its own otherwise). */
    public ScenarioEvents tally(ScenarioTally tally) {
        return new ScenarioEvents(scenario, seed, share, start, encoder, Objects.requireNonNull(tally, "tally"),
                eventTimeSpeed);
    }

    /**
     * A run of these events ({@code Generator.from(events)}) hands each on when it is due in event time, played
     * {@code speedUp} times as fast as real time (1: real time, 60: a minute a second): an event when its event
     * time comes, a late one when its delay is over. Without it, a run goes as fast as its rate lets it.
     */
    public ScenarioEvents inEventTime(double speedUp) {
        if (!(speedUp > 0) || Double.isInfinite(speedUp)) {
            throw new IllegalArgumentException("the event-time speed must be a positive factor such as 1 (real "
                    + "time) or 60 (a minute a second) but was " + speedUp);
        }
        return new ScenarioEvents(scenario, seed, share, start, encoder, tally, speedUp);
    }

    /** Event-time seconds per real second a run plays the events at, or 0 for as fast as its rate lets it. */
    public double eventTimeSpeed() {
        return eventTimeSpeed;
    }

    public Scenario scenario() {
        return scenario;
    }

    public long seed() {
        return seed;
    }

    public InstanceShare share() {
        return share;
    }

    /**
     * The records of {@link #iterator(long)}'s events, each routed to its stream, for a run: they count in the
     * {@linkplain #tally tally} when the run hands them to its sink ({@link ScenarioTally#sent}).
     */
    public ScenarioRecords records(long total) {
        return new ScenarioRecords(iterator(total, true));
    }

    /** This instance's share of the first {@code total} events of the run ({@code Long.MAX_VALUE}: no end). */
    public ScenarioIterator iterator(long total) {
        return iterator(total, false);
    }

    private ScenarioIterator iterator(long total, boolean countWhenSent) {
        if (total < 0) {
            throw new IllegalArgumentException("total must be >= 0 but was " + total);
        }
        Instant zero = start != null ? start : Instant.ofEpochMilli(System.currentTimeMillis());
        return new ScenarioIterator(scenario, seed, share, zero.toEpochMilli(), encoder, total,
                tally != null ? tally : new ScenarioTally(), countWhenSent);
    }
}
