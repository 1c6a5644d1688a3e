package io.kdg4j.core;

import io.kdg4j.core.schema.ArraySpec;
import io.kdg4j.core.schema.BooleanSpec;
import io.kdg4j.core.schema.ChoiceSpec;
import io.kdg4j.core.schema.ConcatSpec;
import io.kdg4j.core.schema.ConstantSpec;
import io.kdg4j.core.schema.DecimalRangeSpec;
import io.kdg4j.core.schema.DerivedSpec;
import io.kdg4j.core.schema.DoubleRangeSpec;
import io.kdg4j.core.schema.EventSpec;
import io.kdg4j.core.schema.ExponentialSpec;
import io.kdg4j.core.schema.FakerSpec;
import io.kdg4j.core.schema.FieldSpec;
import io.kdg4j.core.schema.FieldValues;
import io.kdg4j.core.schema.GeoPointSpec;
import io.kdg4j.core.schema.LongRangeSpec;
import io.kdg4j.core.schema.NormalSpec;
import io.kdg4j.core.schema.ObjectSpec;
import io.kdg4j.core.schema.RefSpec;
import io.kdg4j.core.scenario.Pick;
import io.kdg4j.core.scenario.Population;
import io.kdg4j.core.schema.SequenceSpec;
import io.kdg4j.core.schema.Specs;
import io.kdg4j.core.schema.SwitchSpec;
import io.kdg4j.core.schema.TemplateSpec;
import io.kdg4j.core.schema.TimestampSpec;
import io.kdg4j.core.schema.UlidSpec;
import io.kdg4j.core.schema.UuidSpec;
import io.kdg4j.core.schema.ValueSpec;
import io.kdg4j.core.schema.ZipfSpec;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import net.datafaker.Faker;

/**
 * The schema DSL: static factories for every kind of value. Import them all with
 * {@code import static io.kdg4j.core.Fields.*;}.
 *
 * <p>Every factory returns an immutable spec, so a half-built schema can be a constant. Values are checked when
 * the {@link RecordSchema} is built ({@link #record}), where an error can name the field.
 *
 * <pre>{@code
 * RecordSchema films = record(
 *     field("timestamp", now()),
 *     field("eventType", weighted().option("rent", 0.3).option("buy", 0.1).option("trailer", 0.6)),
 *     field("film_id", integers(1, 1000)),
 *     field("state", fake("address.state")));
 *
 * RecordSchema users = record(
 *     field("first", fake("name.first_name")),
 *     field("last", fake("name.last_name")),
 *     field("email", template("${first}.${last}@example.com").lowerCase()),
 *     field("tags", arrayOf(oneOf("new", "vip", "churned"), 0, 3)),
 *     field("score", normal(50, 15).clamp(0, 100).precision(1).nullable(0.1)))
 *   .partitionKeyField("email");
 *
 * Records.from(users).seed(7).stream().limit(3).forEach(r -> System.out.println(r.text()));
 * }</pre>
 */
public final class Fields {
    private Fields() {
    }

    // ----- records and structure -----

    /** A schema whose records are objects with these fields, in this order. */
    public static RecordSchema record(FieldSpec... fields) {
        return RecordSchema.of(object(fields));
    }

    public static ObjectSpec object(FieldSpec... fields) {
        return new ObjectSpec(Arrays.asList(fields));
    }

    public static FieldSpec field(String name, ValueSpec value) {
        return new FieldSpec(name, value);
    }

    /** A field with a constant value (a String, Number, Boolean or null). */
    public static FieldSpec field(String name, Object constant) {
        return new FieldSpec(name, Specs.toSpec(constant));
    }

    /** An array of exactly {@code length} elements. */
    public static ArraySpec arrayOf(ValueSpec element, int length) {
        return new ArraySpec(element, length, length);
    }

    /** An array of minLength to maxLength elements, inclusive. */
    public static ArraySpec arrayOf(ValueSpec element, int minLength, int maxLength) {
        return new ArraySpec(element, minLength, maxLength);
    }

    // ----- scalars -----

    public static ConstantSpec constant(Object value) {
        return new ConstantSpec(value);
    }

    /** Whole numbers uniform in [min, max]; {@code .step(n)} for every n-th. */
    public static LongRangeSpec integers(long min, long max) {
        return new LongRangeSpec(min, max, 1);
    }

    /** Doubles uniform in [min, max); {@code .precision(d)} rounds to d decimals with both ends included. */
    public static DoubleRangeSpec doubles(double min, double max) {
        return new DoubleRangeSpec(min, max, DoubleRangeSpec.FULL_PRECISION);
    }

    /** Exact decimals in [min, max] with as many decimals as the bounds show, e.g. ("0.99", "99.99"). */
    public static DecimalRangeSpec decimals(String min, String max) {
        return decimals(new BigDecimal(min), new BigDecimal(max));
    }

    public static DecimalRangeSpec decimals(BigDecimal min, BigDecimal max) {
        int scale = Math.max(0, Math.max(min.scale(), max.scale()));
        return new DecimalRangeSpec(min, max, BigDecimal.ONE.movePointLeft(scale));
    }

    /** true or false, evenly. */
    public static BooleanSpec booleans() {
        return new BooleanSpec(0.5);
    }

    /** true with the given probability. */
    public static BooleanSpec booleans(double probabilityOfTrue) {
        return new BooleanSpec(probabilityOfTrue);
    }

    // ----- choices and distributions -----

    /** One of the values (constants or specs), uniformly. */
    public static ChoiceSpec oneOf(Object... values) {
        return new ChoiceSpec(Specs.toSpecs(Arrays.asList(values)), List.of());
    }

    public static ChoiceSpec oneOf(List<?> values) {
        return new ChoiceSpec(Specs.toSpecs(values), List.of());
    }

    /** An empty weighted choice: add options with {@code .option(value, weight)}. */
    public static ChoiceSpec weighted() {
        return new ChoiceSpec(List.of(), List.of());
    }

    /** A weighted choice from a map of value to weight (use a LinkedHashMap to keep its order). */
    public static ChoiceSpec weighted(Map<?, ? extends Number> weights) {
        List<ValueSpec> options = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        weights.forEach((value, weight) -> {
            options.add(Specs.toSpec(value));
            values.add(weight == null ? null : weight.doubleValue());
        });
        return new ChoiceSpec(options, values);
    }

    /** Normal(mean, standardDeviation); {@code .clamp(min, max)}, {@code .precision(d)}. */
    public static NormalSpec normal(double mean, double standardDeviation) {
        return new NormalSpec(mean, standardDeviation, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
                DoubleRangeSpec.FULL_PRECISION);
    }

    /** Exponential with the given mean; {@code .max(m)}, {@code .precision(d)}. */
    public static ExponentialSpec exponential(double mean) {
        return new ExponentialSpec(mean, Double.POSITIVE_INFINITY, DoubleRangeSpec.FULL_PRECISION);
    }

    /** Zipf ranks 1..n with the given exponent (1 is classic Zipf; larger is more skewed). */
    public static ZipfSpec zipf(long n, double exponent) {
        return new ZipfSpec(n, exponent, List.of());
    }

    /** One of the values by Zipf rank: the first is the hottest. */
    public static ZipfSpec zipfOf(double exponent, Object... values) {
        return new ZipfSpec(values.length, exponent, Specs.toSpecs(Arrays.asList(values)));
    }

    /** A point within {@code radiusKm} of (latitude, longitude), as {@code {"lat":..,"lon":..}} with 5 decimals. */
    public static GeoPointSpec near(double latitude, double longitude, double radiusKm) {
        return new GeoPointSpec(latitude, longitude, radiusKm, 5, false);
    }

    // ----- sequences and identifiers -----

    /** The record index: 0, 1, 2, ... */
    public static SequenceSpec sequence() {
        return new SequenceSpec(0, 1, 0);
    }

    /** start, start + step, ...; {@code .wrapAfter(n)} cycles through n values. */
    public static SequenceSpec sequence(long start, long step) {
        return new SequenceSpec(start, step, 0);
    }

    public static UuidSpec uuid() {
        return new UuidSpec();
    }

    public static UlidSpec ulid() {
        return new UlidSpec();
    }

    // ----- time -----

    /** The generator clock's current time, ISO-8601 in UTC; {@code .epochMillis()}, {@code .pattern(p)}... */
    public static TimestampSpec now() {
        return TimestampSpec.wallClock();
    }

    /** Instants uniform in [from, to], ISO-8601 by default. */
    public static TimestampSpec between(Instant from, Instant to) {
        Duration half = Duration.between(from, to).dividedBy(2);
        return TimestampSpec.eventTime(from.plus(half), Duration.ZERO).jitter(half);
    }

    /** Event time: record n at start + n * step; {@code .jitter(d)}, {@code .outOfOrder(f, late)}. */
    public static TimestampSpec eventTime(Instant start, Duration step) {
        return TimestampSpec.eventTime(Objects.requireNonNull(start, "start"), Objects.requireNonNull(step, "step"));
    }

    // ----- Datafaker -----

    /**
     * A Datafaker expression: a key such as {@code address.state} or {@code name.first_name}, or any
     * expression such as {@code #{Name.firstName} #{Name.lastName}} or {@code #{numerify 'ID-####'}}.
     */
    public static FakerSpec fake(String expression) {
        return new FakerSpec(Objects.requireNonNull(expression, "expression"), null, null);
    }

    /** A Datafaker provider call, e.g. {@code faker(f -> f.address().state())}. */
    public static FakerSpec faker(Function<Faker, ?> call) {
        return new FakerSpec(null, Objects.requireNonNull(call, "call"), null);
    }

    // ----- fields made from other fields -----

    /** A value computed from one other field of the same object. */
    public static DerivedSpec derived(String source, Function<Object, ?> function) {
        Objects.requireNonNull(function, "function");
        return new DerivedSpec(List.of(source), values -> function.apply(values.get(source)));
    }

    /** A value computed from two other fields of the same object. */
    public static DerivedSpec derived(String first, String second, BiFunction<Object, Object, ?> function) {
        Objects.requireNonNull(function, "function");
        return new DerivedSpec(List.of(first, second),
                values -> function.apply(values.get(first), values.get(second)));
    }

    /** A value computed from any fields of the same object (or dotted paths into nested objects). */
    public static DerivedSpec derived(List<String> sources, Function<FieldValues, ?> function) {
        return new DerivedSpec(sources, function);
    }

    /**
     * A value chosen by another field's text: {@code switchOn("gender").when("male", fake("name.male_first_name"))
     * .when("female", fake("name.female_first_name"))}. JSON null when no case matches, unless
     * {@code .otherwise(spec)}.
     */
    public static SwitchSpec switchOn(String source) {
        return new SwitchSpec(source, List.of(), List.of(), new ConstantSpec(null));
    }

    /** Text with {@code ${field}} placeholders, e.g. {@code template("${first}.${last}@example.com")}. */
    public static TemplateSpec template(String template) {
        return new TemplateSpec(template, false);
    }

    /** Text joined from literals and generated values, e.g. {@code concat("ORD-", integers(1000, 9999))}. */
    public static ConcatSpec concat(Object... parts) {
        return new ConcatSpec(Specs.toSpecs(Arrays.asList(parts)));
    }

    // ----- entities and events (scenarios) -----

    /**
     * The key of an entity of {@code population}, picked uniformly; {@code ref(customers).field("tier")} copies
     * an attribute instead, {@code .zipf(1.1)} makes a few entities hot. Every reference to one population in a
     * record refers to the same entity.
     */
    public static RefSpec ref(Population population) {
        return new RefSpec(population, null, Pick.UNIFORM);
    }

    /** The scenario event's time, ISO-8601 UTC with milliseconds (the clock's time outside a scenario). */
    public static EventSpec eventTime() {
        return new EventSpec(EventSpec.Part.TIME_ISO);
    }

    /** The scenario event's time in epoch milliseconds. */
    public static EventSpec eventTimeMillis() {
        return new EventSpec(EventSpec.Part.TIME_MILLIS);
    }

    /** The entity's own event number in its stream: 0, 1, 2... (the record index outside a scenario). */
    public static EventSpec eventSequence() {
        return new EventSpec(EventSpec.Part.SEQUENCE);
    }

    /** The state machine state the event enters (null where there is no machine). */
    public static EventSpec eventState() {
        return new EventSpec(EventSpec.Part.STATE);
    }
}
