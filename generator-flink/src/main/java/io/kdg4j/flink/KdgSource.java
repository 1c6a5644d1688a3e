package io.kdg4j.flink;

import io.kdg4j.core.GeneratedRecord;
import io.kdg4j.core.RecordSchema;
import java.time.Instant;
import java.util.Objects;
import java.util.SplittableRandom;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.util.function.SerializableSupplier;

/**
 * kdg4j records as a Flink {@code Source}: Flink's {@link DataGeneratorSource} hands each parallel subtask a range
 * of indexes, and record n is a pure function of (schema, seed, n), so the job makes the same records at any
 * parallelism, the same as {@code kdg preview} and {@code kdg send} for the same schema, seed and count, and a
 * restart makes again exactly the records of the indexes it replays.
 *
 * <pre>{@code
 * DataGeneratorSource<GeneratedRecord> orders = KdgSource.preset("sakila").seed(7).records(1_000_000)
 *         .rate(200_000).build();
 * env.fromSource(orders, WatermarkStrategy.noWatermarks(), "orders")
 *         .sinkTo(KdgSinks.kinesis("orders", awsProperties));
 * }</pre>
 *
 * <p>Defaults: a random seed (printed by {@link #seed()} for a rerun), unbounded, as fast as the job goes, the
 * source's own format (a template's text, a preset's default, a schema's JSON) and partition keys, and the
 * system clock for wall-clock fields (so timestamps differ between runs; {@link #fixedClock} makes them
 * reproducible too).
 */
public final class KdgSource {
    private final RecordRecipe recipe;
    private final long seed;
    private final long records;
    /** Null for as fast as the job goes. */
    private final RateLimiterStrategy rate;
    private final Instant fixedClock;

    private KdgSource(RecordRecipe recipe, long seed, long records, RateLimiterStrategy rate, Instant fixedClock) {
        this.recipe = recipe;
        this.seed = seed;
        this.records = records;
        this.rate = rate;
        this.fixedClock = fixedClock;
    }

    /** Records of a KDG template (its text, as written for the Amazon Kinesis Data Generator). */
    public static KdgSource template(String template) {
        return of(RecordRecipe.template(template));
    }

    /** Records of a built-in preset: sakila, randomuser, atm, clickstream, iot, apache-log, security. */
    public static KdgSource preset(String name) {
        return of(RecordRecipe.preset(name));
    }

    /**
     * Records of a schema built by the DSL. A schema is compiled and not serialisable, so pass the function that
     * builds it ({@code Shop::orders}); each subtask calls it once.
     */
    public static KdgSource schema(SerializableSupplier<RecordSchema> schema) {
        return of(RecordRecipe.schema(schema));
    }

    private static KdgSource of(RecordRecipe recipe) {
        return new KdgSource(recipe, new SplittableRandom().nextLong(), Long.MAX_VALUE, null, null);
    }

    public KdgSource seed(long seed) {
        return new KdgSource(recipe, seed, records, rate, fixedClock);
    }

    /** The seed of this source: random unless set; log it to rerun the same records. */
    public long seed() {
        return seed;
    }

    /** A bounded source of records 0 to {@code count - 1}; the job ends when they are all made and sent. */
    public KdgSource records(long count) {
        if (count < 0) {
            throw new IllegalArgumentException("records must be >= 0 but was " + count);
        }
        return new KdgSource(recipe, seed, count, rate, fixedClock);
    }

    /** Unbounded (the default): records until the job is cancelled. */
    public KdgSource unbounded() {
        return new KdgSource(recipe, seed, Long.MAX_VALUE, rate, fixedClock);
    }

    /** At most {@code recordsPerSecond} for the whole job, split evenly over its parallel subtasks. */
    public KdgSource rate(double recordsPerSecond) {
        if (!(recordsPerSecond > 0) || Double.isInfinite(recordsPerSecond)) {
            throw new IllegalArgumentException("rate must be a positive number of records/s but was "
                    + recordsPerSecond);
        }
        return new KdgSource(recipe, seed, records, new ProfileRate(Double.toString(recordsPerSecond)), fixedClock);
    }

    /**
     * A rate that changes, for the whole job, as {@code kdg send --rate-profile} writes it: ramp:100..5000/60s,
     * steps:1000/30s,5000/30s,2000, sine:mean=1000,amplitude=500,period=10m, diurnal:min=100,max=2000,
     * bursts:base=100,peak=5000,every=60s,for=5s, periodic:mean=100,spread=10. Each subtask starts the profile when
     * it starts (and again after a restart).
     */
    public KdgSource rateProfile(String profile) {
        return new KdgSource(recipe, seed, records, new ProfileRate(Objects.requireNonNull(profile, "profile")),
                fixedClock);
    }

    /** json, jsonl, csv or text, as {@code kdg send --format}. */
    public KdgSource format(String format) {
        return new KdgSource(recipe.format(format), seed, records, rate, fixedClock);
    }

    /** Another partition key, as {@code kdg send --partition-key}: random, field:PATH, ${...} or a constant. */
    public KdgSource partitionKey(String expression) {
        return new KdgSource(recipe.partitionKey(expression), seed, records, rate, fixedClock);
    }

    /** Wall-clock fields (timestamps, ULIDs) read this instant, so that every byte of every record repeats. */
    public KdgSource fixedClock(Instant instant) {
        return new KdgSource(recipe, seed, records, rate, Objects.requireNonNull(instant, "instant"));
    }

    /** The source of records; fails now, with the template's line and column, if the records cannot be made. */
    public DataGeneratorSource<GeneratedRecord> build() {
        recipe.check();
        return new RecordSource<>(new RecordFunction(recipe, seed, fixedClock), records, rate,
                GeneratedRecordType.INSTANCE);
    }

    /** The same records as their encoded bytes only, for sinks that take {@code byte[]}. */
    public DataGeneratorSource<byte[]> buildBytes() {
        recipe.check();
        RecordFunction records = new RecordFunction(recipe, seed, fixedClock);
        return new RecordSource<>(new BytesFunction(records), this.records, rate,
                PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO);
    }

    @Override
    public String toString() {
        return "kdg4j records of " + recipe + ", seed " + seed
                + (records == Long.MAX_VALUE ? ", unbounded" : ", " + records + " records")
                + (rate instanceof ProfileRate ? ", rate " + rate : "");
    }
}
