package io.kdg4j.flink;

import io.kdg4j.core.GeneratedRecord;
import io.kdg4j.core.scenario.EventStream;
import io.kdg4j.core.scenario.file.ScenarioFile;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.connector.source.lib.util.IteratorSourceEnumerator;
import org.apache.flink.api.connector.source.lib.util.IteratorSourceReader;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimitedSourceReader;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * A scenario ({@code kdg send --scenario}) as a Flink {@code Source}: each parallel subtask makes one share of the
 * run, the events of the entities {@code e % p == i}, as {@code --instance i/p} does, so the job makes the same
 * events at any parallelism, the same as {@code kdg preview --scenario} for the same seed, count and start. Each
 * record is routed to its stream ({@link GeneratedRecord#route()}); {@link KdgSinks#scenario} sends each stream
 * where the file says.
 *
 * <pre>{@code
 * KdgScenarioSource shop = KdgScenarioSource.file(Path.of("shop.yaml")).seed(7).events(10_000_000).rate(50_000);
 * KdgSinks.scenario(env.fromSource(shop, WatermarkStrategy.noWatermarks(), "shop"), shop, awsProperties);
 * }</pre>
 *
 * <p>An entity's events come from one subtask in order, but each stream has its own sink, so across streams Flink
 * does not keep the order in which they were made: unlike {@code kdg send}, a job may deliver an order before its
 * customer's created event. A restart from a checkpoint makes each share's events again from where the checkpoint
 * says, the same events.
 */
public final class KdgScenarioSource implements Source<GeneratedRecord, ShareSplit, Collection<ShareSplit>>,
        ResultTypeQueryable<GeneratedRecord> {
    private static final long serialVersionUID = 1L;

    private final ScenarioRecipe recipe;
    private final long seed;
    private final long events;
    /** Null for as fast as the job goes. */
    private final RateLimiterStrategy rate;
    /** Null for the file's start, or else the time the job starts. */
    private final Instant start;

    private KdgScenarioSource(ScenarioRecipe recipe, long seed, long events, RateLimiterStrategy rate,
                              Instant start) {
        this.recipe = recipe;
        this.seed = seed;
        this.events = events;
        this.rate = rate;
        this.start = start;
    }

    /** A scenario file on the machine that builds the job; the files it names are read now, beside it. */
    public static KdgScenarioSource file(Path file) {
        return new KdgScenarioSource(ScenarioRecipe.read(file), new SplittableRandom().nextLong(), Long.MAX_VALUE,
                null, null);
    }

    /** A scenario's text (YAML or JSON); {@code source} names it in messages. It may name no other file. */
    public static KdgScenarioSource text(String text, String source) {
        return new KdgScenarioSource(ScenarioRecipe.of(text, source), new SplittableRandom().nextLong(),
                Long.MAX_VALUE, null, null);
    }

    public KdgScenarioSource seed(long seed) {
        return new KdgScenarioSource(recipe, seed, events, rate, start);
    }

    /** The seed: random unless set; log it to rerun the same events. */
    public long seed() {
        return seed;
    }

    /** A bounded source of the run's first {@code count} events; the job ends when they are all sent. */
    public KdgScenarioSource events(long count) {
        if (count < 0) {
            throw new IllegalArgumentException("events must be >= 0 but was " + count);
        }
        return new KdgScenarioSource(recipe, seed, count, rate, start);
    }

    /** At most {@code eventsPerSecond} for the whole job, split evenly over its parallel subtasks. */
    public KdgScenarioSource rate(double eventsPerSecond) {
        if (!(eventsPerSecond > 0) || Double.isInfinite(eventsPerSecond)) {
            throw new IllegalArgumentException("rate must be a positive number of events/s but was "
                    + eventsPerSecond);
        }
        return new KdgScenarioSource(recipe, seed, events, new ProfileRate(Double.toString(eventsPerSecond)), start);
    }

    /** A rate that changes, for the whole job, as {@code kdg send --rate-profile} writes it. */
    public KdgScenarioSource rateProfile(String profile) {
        return new KdgScenarioSource(recipe, seed, events, new ProfileRate(Objects.requireNonNull(profile,
                "profile")), start);
    }

    /** Event time zero when the file gives no {@code start:} (by default the time the job starts). */
    public KdgScenarioSource start(Instant start) {
        return new KdgScenarioSource(recipe, seed, events, rate, Objects.requireNonNull(start, "start"));
    }

    /** The scenario, as parsed from its file. */
    public ScenarioFile scenarioFile() {
        return recipe.file();
    }

    /** The names of the scenario's streams, in the file's order. */
    public List<String> streams() {
        return recipe.file().scenario().streams().stream().map(EventStream::name).toList();
    }

    @Override
    public Boundedness getBoundedness() {
        return events == Long.MAX_VALUE ? Boundedness.CONTINUOUS_UNBOUNDED : Boundedness.BOUNDED;
    }

    @Override
    public SplitEnumerator<ShareSplit, Collection<ShareSplit>> createEnumerator(
            SplitEnumeratorContext<ShareSplit> context) {
        int shares = context.currentParallelism();
        // one instant for every share, or the subtasks' event times would not line up
        long startMillis = (start != null ? start : recipe.file().scenario().start().orElse(Instant.now()))
                .toEpochMilli();
        List<ShareSplit> splits = new ArrayList<>(shares);
        for (int share = 0; share < shares; share++) {
            splits.add(new ShareSplit(recipe, seed, startMillis, events, share, shares, 0));
        }
        return new IteratorSourceEnumerator<>(context, splits);
    }

    @Override
    public SplitEnumerator<ShareSplit, Collection<ShareSplit>> restoreEnumerator(
            SplitEnumeratorContext<ShareSplit> context, Collection<ShareSplit> remaining) {
        return new IteratorSourceEnumerator<>(context, remaining);
    }

    @Override
    public SourceReader<GeneratedRecord, ShareSplit> createReader(SourceReaderContext context) {
        IteratorSourceReader<GeneratedRecord, ShareSplit.Events, ShareSplit> reader =
                new IteratorSourceReader<>(context);
        return rate == null ? reader
                : new RateLimitedSourceReader<>(reader, rate.createRateLimiter(context.currentParallelism()));
    }

    @Override
    public SimpleVersionedSerializer<ShareSplit> getSplitSerializer() {
        return ShareSplitSerializer.INSTANCE;
    }

    @Override
    public SimpleVersionedSerializer<Collection<ShareSplit>> getEnumeratorCheckpointSerializer() {
        return ShareSplitSerializer.Remaining.INSTANCE;
    }

    @Override
    public TypeInformation<GeneratedRecord> getProducedType() {
        return GeneratedRecordType.INSTANCE;
    }

    @Override
    public String toString() {
        return "kdg4j events of " + recipe + ", seed " + seed
                + (events == Long.MAX_VALUE ? ", unbounded" : ", " + events + " events")
                + (rate != null ? ", rate " + rate : "");
    }
}
