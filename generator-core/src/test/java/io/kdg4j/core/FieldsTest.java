package io.kdg4j.core;

import static io.kdg4j.core.Fields.*;
import static io.kdg4j.core.TestRecords.column;
import static io.kdg4j.core.TestRecords.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every kind of value the DSL declares, generated and checked. Fixed seeds; tolerances stated per test. */
class FieldsTest {
    private static final int N = 20_000;

    private static List<Object> of(Object spec, int count) {
        return column(record(field("v", Specs.toSpec(spec))), "v", 42, count);
    }

    private static final class Specs {
        static io.kdg4j.core.schema.ValueSpec toSpec(Object o) {
            return io.kdg4j.core.schema.Specs.toSpec(o);
        }
    }

    @Test
    void constants_keepTheirJsonType() {
        Object record = values(record(field("s", "x"), field("i", 5), field("d", 2.5),
                field("b", true), field("n", (Object) null), field("m", new BigDecimal("1.50"))), 1, 1).get(0);
        assertThat(record).isEqualTo(new LinkedHashMap<>(orderedMap("s", "x", "i", 5L, "d", 2.5, "b", true,
                "n", null, "m", new BigDecimal("1.50"))));
    }

    @Test
    void integers_coverTheInclusiveRange_uniformly() {
        Map<Object, Long> counts = of(integers(1, 5), N).stream()
                .collect(Collectors.groupingBy(v -> v, Collectors.counting()));
        assertThat(counts.keySet()).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L);
        counts.values().forEach(c -> assertThat(c / (double) N).isCloseTo(0.2, within(0.015)));
    }

    @Test
    void integers_withStep_onlyHitTheSteps() {
        Set<Object> seen = new HashSet<>(of(integers(0, 100).step(25), N));
        assertThat(seen).containsExactlyInAnyOrder(0L, 25L, 50L, 75L, 100L);
    }

    @Test
    void integers_overTheWholeLongRange_work() {
        assertThat(of(integers(Long.MIN_VALUE, Long.MAX_VALUE), 100)).hasSize(100).doesNotContainNull();
    }

    @Test
    void doubles_withPrecision_areRoundedAndIncludeBothEnds() {
        List<Object> values = of(doubles(0.1, 0.3).precision(1), N);
        assertThat(new HashSet<>(values)).containsExactlyInAnyOrder(
                new BigDecimal("0.1"), new BigDecimal("0.2"), new BigDecimal("0.3"));
    }

    @Test
    void doubles_withoutPrecision_stayInTheHalfOpenRange() {
        for (Object v : of(doubles(-1.5, 2.5), N)) {
            assertThat((Double) v).isGreaterThanOrEqualTo(-1.5).isLessThan(2.5);
        }
    }

    @Test
    void decimals_keepTheScaleOfTheBounds() {
        List<Object> values = of(decimals("0.99", "1.05"), N);
        for (Object v : values) {
            BigDecimal d = (BigDecimal) v;
            assertThat(d.scale()).isEqualTo(2);
            assertThat(d).isBetween(new BigDecimal("0.99"), new BigDecimal("1.05"));
        }
        assertThat(new HashSet<>(values)).hasSize(7);
    }

    @Test
    void decimals_withAStep_onlyHitItsMultiples() {
        assertThat(new HashSet<>(of(decimals("0", "1").step("0.25"), N))).containsExactlyInAnyOrder(
                new BigDecimal("0.00"), new BigDecimal("0.25"), new BigDecimal("0.50"), new BigDecimal("0.75"),
                new BigDecimal("1.00"));
        assertThat(new HashSet<>(of(decimals("1", "12").step("5"), N))).containsExactlyInAnyOrder(5L, 10L);
    }

    @Test
    void booleans_followTheirProbability() {
        long trues = of(booleans(0.2), N).stream().filter(Boolean.TRUE::equals).count();
        assertThat(trues / (double) N).isCloseTo(0.2, within(0.012));
    }

    @Test
    void oneOf_isUniform_andAcceptsNestedSpecs() {
        List<Object> values = of(oneOf("a", integers(10, 10), constant(null)), N);
        Map<Object, Long> counts = new HashMap<>();
        values.forEach(v -> counts.merge(String.valueOf(v), 1L, Long::sum));
        assertThat(counts.keySet()).containsExactlyInAnyOrder("a", "10", "null");
        counts.values().forEach(c -> assertThat(c / (double) N).isCloseTo(1 / 3.0, within(0.015)));
    }

    @Test
    void weighted_frequenciesAreExactInExpectation_withoutKdgsRounding() {
        // KDG rounds weights to hundredths; 0.004 would vanish there.
        List<Object> values = of(weighted().option("rent", 0.3).option("buy", 0.1).option("trailer", 0.596)
                .option("rare", 0.004), 200_000);
        Map<Object, Long> counts = values.stream().collect(Collectors.groupingBy(v -> v, Collectors.counting()));
        // tolerances are about 4 standard errors at 200k draws
        assertThat(counts.get("rent") / 200_000.0).isCloseTo(0.3, within(0.005));
        assertThat(counts.get("buy") / 200_000.0).isCloseTo(0.1, within(0.003));
        assertThat(counts.get("trailer") / 200_000.0).isCloseTo(0.596, within(0.005));
        assertThat(counts.get("rare") / 200_000.0).isCloseTo(0.004, within(0.0006));
    }

    @Test
    void weighted_fromAMap_usesRelativeWeights() {
        Map<String, Integer> weights = new LinkedHashMap<>();
        weights.put("x", 3);
        weights.put("y", 1);
        long xs = of(weighted(weights), N).stream().filter("x"::equals).count();
        assertThat(xs / (double) N).isCloseTo(0.75, within(0.013));
    }

    @Test
    void normal_hasItsMeanAndStandardDeviation_andRespectsTheClamp() {
        List<Object> values = of(normal(100, 15), 100_000);
        double mean = values.stream().mapToDouble(v -> (Double) v).average().orElseThrow();
        double variance = values.stream().mapToDouble(v -> Math.pow((Double) v - mean, 2)).average().orElseThrow();
        assertThat(mean).isCloseTo(100, within(0.2));          // se 0.047
        assertThat(Math.sqrt(variance)).isCloseTo(15, within(0.15));
        for (Object v : of(normal(0, 10).clamp(-1, 1).precision(2), N)) {
            assertThat((BigDecimal) v).isBetween(new BigDecimal("-1"), new BigDecimal("1"));
            assertThat(((BigDecimal) v).scale()).isEqualTo(2);
        }
        assertThat(of(normal(5, 1).precision(0), 10)).allSatisfy(v -> assertThat(v).isInstanceOf(Long.class));
    }

    @Test
    void exponential_hasItsMean_andIsNeverNegative() {
        List<Object> values = of(exponential(4), 100_000);
        assertThat(values).allSatisfy(v -> assertThat((Double) v).isGreaterThanOrEqualTo(0));
        assertThat(values.stream().mapToDouble(v -> (Double) v).average().orElseThrow())
                .isCloseTo(4, within(0.06));                     // se 0.013
        assertThat(of(exponential(4).max(5).precision(1), N))
                .allSatisfy(v -> assertThat((BigDecimal) v).isLessThanOrEqualTo(new BigDecimal("5")));
    }

    @Test
    void zipf_makesTheFirstValueHottest() {
        List<Object> values = of(zipfOf(1.0, "hot", "warm", "cool", "cold"), 100_000);
        Map<Object, Long> counts = values.stream().collect(Collectors.groupingBy(v -> v, Collectors.counting()));
        double h4 = 1 + 1 / 2.0 + 1 / 3.0 + 1 / 4.0;
        assertThat(counts.get("hot") / 100_000.0).isCloseTo(1 / h4, within(0.006));
        assertThat(counts.get("cold") / 100_000.0).isCloseTo(0.25 / h4, within(0.004));
        assertThat(of(zipf(1000, 1.1), 1000)).allSatisfy(v -> assertThat((Long) v).isBetween(1L, 1000L));
    }

    @Test
    void sequences_followTheRecordIndex_andWrap() {
        assertThat(of(sequence(), 4)).containsExactly(0L, 1L, 2L, 3L);
        assertThat(of(sequence(10, 5).wrapAfter(3), 7)).containsExactly(10L, 15L, 20L, 10L, 15L, 20L, 10L);
    }

    @Test
    void uuids_areVersion4Shaped_andDistinct() {
        Pattern v4 = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        List<Object> values = of(uuid(), N);
        assertThat(values).allSatisfy(v -> assertThat((String) v).matches(v4));
        assertThat(new HashSet<>(values)).hasSize(N);
    }

    @Test
    void ulids_carryTheClockTime_andSortByIt() {
        List<Object> values = of(ulid(), 100);
        // 2026-01-02T03:04:05.678Z = 1767323045678 ms, the fixed test clock
        String timePart = Long.toString(1767323045678L, 32).toUpperCase();
        assertThat(values).allSatisfy(v -> {
            assertThat((String) v).hasSize(26).matches("[0-9A-HJKMNP-TV-Z]{26}");
            assertThat(Long.parseLong(((String) v).substring(0, 10)
                    .chars().mapToObj(c -> String.valueOf(Character.forDigit(
                            "0123456789ABCDEFGHJKMNPQRSTVWXYZ".indexOf(c), 32))).collect(Collectors.joining()), 32))
                    .isEqualTo(1767323045678L);
        });
        assertThat(timePart).isNotEmpty();
        assertThat(new HashSet<>(values)).hasSize(100);
    }

    @Test
    void wallClockTimestamps_renderInEveryFormat() {
        Object record = values(record(
                field("iso", now()),
                field("millis", now().epochMillis()),
                field("seconds", now().epochSeconds()),
                field("pattern", now().pattern("yyyy/MM/dd HH:mm")),
                field("zoned", now().zone("Asia/Kolkata"))), 1, 1).get(0);
        assertThat(record).isEqualTo(orderedMap(
                "iso", "2026-01-02T03:04:05.678Z",
                "millis", 1767323045678L,
                "seconds", 1767323045L,
                "pattern", "2026/01/02 03:04",
                "zoned", "2026-01-02T08:34:05.678+05:30"));
    }

    @Test
    void eventTime_stepsWithTheIndex_jittersAndArrivesLate() {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        assertThat(of(eventTime(start, Duration.ofSeconds(1)), 3))
                .containsExactly("2026-01-01T00:00:00.000Z", "2026-01-01T00:00:01.000Z", "2026-01-01T00:00:02.000Z");
        List<Object> jittered = of(eventTime(start, Duration.ofSeconds(10)).jitter(Duration.ofSeconds(2))
                .epochMillis(), 1000);
        for (int i = 0; i < jittered.size(); i++) {
            long expected = start.toEpochMilli() + 10_000L * i;
            assertThat((Long) jittered.get(i)).isBetween(expected - 2000, expected + 2000);
        }
        List<Object> late = of(eventTime(start, Duration.ofSeconds(1)).outOfOrder(0.25, Duration.ofMinutes(1))
                .epochMillis(), N);
        long outOfOrder = 0;
        for (int i = 0; i < late.size(); i++) {
            long expected = start.toEpochMilli() + 1000L * i;
            long actual = (Long) late.get(i);
            assertThat(actual).isBetween(expected - 60_000, expected);
            outOfOrder += actual < expected ? 1 : 0;
        }
        assertThat(outOfOrder / (double) N).isCloseTo(0.25, within(0.015));
    }

    @Test
    void shiftedWallClock_staysInsideItsWindow() {
        long now = TestRecords.FIXED_CLOCK.millis();
        List<Object> past = of(now().shifted(Duration.ofDays(-10), Duration.ZERO).epochMillis(), N);
        assertThat(past).allSatisfy(v -> assertThat((Long) v).isBetween(now - 10 * 86_400_000L, now));
        double mean = past.stream().mapToLong(v -> (Long) v).average().orElseThrow();
        assertThat(mean).isCloseTo(now - 5 * 86_400_000.0, within(0.05 * 86_400_000));  // se ~0.02 days
    }

    @Test
    void between_coversTheInterval() {
        Instant from = Instant.parse("2020-01-01T00:00:00Z");
        Instant to = Instant.parse("2020-12-31T00:00:00Z");
        List<Object> values = of(between(from, to).epochMillis(), N);
        assertThat(values).allSatisfy(v -> assertThat((Long) v).isBetween(from.toEpochMilli(), to.toEpochMilli()));
        assertThat(values.stream().mapToLong(v -> (Long) v).min().orElseThrow())
                .isLessThan(from.toEpochMilli() + 86_400_000L * 3);
    }

    @Test
    void momentPatterns_renderLikeMomentJs() {
        Object record = values(record(
                field("default", now().momentPattern("YYYY-MM-DDTHH:mm:ssZ")),
                field("log", now().momentPattern("DD/MMM/YYYY:HH:mm:ss ZZ")),
                field("long", now().momentPattern("dddd, MMMM Do YYYY, h:mm:ss a")),
                field("literal", now().momentPattern("[Week] W, Qo [quarter], SSS")),
                field("millis", now().momentPattern("x")),
                field("seconds", now().momentPattern("X")),
                field("iso", now().momentPattern("iso"))), 1, 1).get(0);
        assertThat(record).isEqualTo(orderedMap(
                "default", "2026-01-02T03:04:05+00:00",
                "log", "02/Jan/2026:03:04:05 +0000",
                "long", "Friday, January 2nd 2026, 3:04:05 am",
                "literal", "Week 1, 1st quarter, 678",
                "millis", 1767323045678L,
                "seconds", 1767323045L,
                "iso", "i5o"));
    }

    @Test
    void near_staysWithinTheRadius() {
        for (Object v : of(near(47.6097, -122.3422, 2.0), 5000)) {
            Map<?, ?> point = (Map<?, ?>) v;
            double lat = ((BigDecimal) point.get("lat")).doubleValue();
            double lon = ((BigDecimal) point.get("lon")).doubleValue();
            double dy = (lat - 47.6097) * 111.195;
            double dx = (lon + 122.3422) * 111.195 * Math.cos(Math.toRadians(47.6097));
            assertThat(Math.hypot(dx, dy)).isLessThanOrEqualTo(2.001);
        }
        assertThat(of(near(0, 0, 1).asText(), 10)).allSatisfy(v ->
                assertThat((String) v).matches("-?0\\.\\d{5},-?0\\.\\d{5}"));
    }

    @Test
    void fakerFields_byKeyExpressionAndFunction_comeFromDatafaker() {
        Set<Object> states = new HashSet<>(of(fake("address.state"), 5000));
        assertThat(states).hasSize(50).contains("Alaska", "Wyoming");
        assertThat(of(fake("#{numerify 'ID-####'}"), 100)).allSatisfy(v -> assertThat((String) v).matches("ID-\\d{4}"));
        assertThat(of(faker(f -> f.number().numberBetween(5, 6)), 10)).containsOnly(5L);
        assertThat(of(faker(f -> f.address().state()), 1000)).allSatisfy(v -> assertThat(states).contains(v));
    }

    @Test
    void fakerFields_useTheSchemasLocale_orTheirOwn() {
        RecordSchema german = record(field("city", fake("address.state"))).locale(java.util.Locale.GERMANY);
        Set<Object> bundeslaender = new HashSet<>(column(german, "city", 1, 2000));
        assertThat(bundeslaender).contains("Bayern").doesNotContain("Texas");
        assertThat(of(fake("address.state").locale(java.util.Locale.GERMANY), 2000)).contains("Bayern");
    }

    @Test
    void objectsAndArrays_nest_withFixedOrRangedLength() {
        List<Object> values = of(object(field("tags", arrayOf(oneOf("a", "b"), 2, 4)),
                field("pair", arrayOf(integers(1, 1), 2))), 1000);
        Set<Integer> lengths = new HashSet<>();
        for (Object v : values) {
            Map<?, ?> map = (Map<?, ?>) v;
            lengths.add(((List<?>) map.get("tags")).size());
            assertThat(map.get("pair")).isEqualTo(List.of(1L, 1L));
        }
        assertThat(lengths).containsExactlyInAnyOrder(2, 3, 4);
        assertThat(of(arrayOf(uuid(), 0), 3)).containsOnly(List.of());
    }

    @Test
    void nullable_isNullAtItsRate() {
        long nulls = of(integers(1, 9).nullable(0.3), N).stream().filter(v -> v == null).count();
        assertThat(nulls / (double) N).isCloseTo(0.3, within(0.013));
    }

    @Test
    void derivedFields_readOtherFields_evenWhenDeclaredBeforeThem_andKeepDeclaredOrder() {
        RecordSchema schema = record(
                field("email", template("${first}.${last}@example.com").lowerCase()),
                field("first", oneOf("Ada", "Alan")),
                field("last", oneOf("Lovelace", "Turing")),
                field("initials", derived("first", "last", (f, l) -> f.toString().charAt(0) + "" + l.toString().charAt(0))),
                field("sum", derived(List.of("a.x", "a.y"), v -> v.asLong("a.x") + v.asLong("a.y"))),
                field("a", object(field("x", integers(1, 9)), field("y", integers(10, 90)))));
        for (Object v : values(schema, 3, 500)) {
            Map<?, ?> r = (Map<?, ?>) v;
            assertThat(r.keySet().stream().map(Object::toString).toList()).containsExactly("email", "first", "last", "initials", "sum", "a");
            assertThat(r.get("email")).isEqualTo((r.get("first") + "." + r.get("last") + "@example.com").toLowerCase());
            assertThat(r.get("initials")).isEqualTo("" + r.get("first").toString().charAt(0)
                    + r.get("last").toString().charAt(0));
            Map<?, ?> a = (Map<?, ?>) r.get("a");
            assertThat(r.get("sum")).isEqualTo((Long) a.get("x") + (Long) a.get("y"));
        }
    }

    @Test
    void nestedFields_canReadFieldsOfEnclosingObjects() {
        RecordSchema schema = record(
                field("person", object(
                        field("title", switchOn("gender").when("m", "Mr").when("f", "Ms")),
                        field("name", fake("name.last_name")))),
                field("gender", oneOf("m", "f")));
        for (Object v : values(schema, 9, 300)) {
            Map<?, ?> r = (Map<?, ?>) v;
            Object title = ((Map<?, ?>) r.get("person")).get("title");
            assertThat(title).isEqualTo(r.get("gender").equals("m") ? "Mr" : "Ms");
        }
    }

    @Test
    void switchOn_usesOtherwise_whenNoCaseMatches() {
        RecordSchema schema = record(field("k", oneOf("a", "b", "c")),
                field("v", switchOn("k").when("a", 1).when("b", 2).otherwise(0)));
        for (Object v : values(schema, 1, 300)) {
            Map<?, ?> r = (Map<?, ?>) v;
            long expected = switch ((String) r.get("k")) {
                case "a" -> 1L;
                case "b" -> 2L;
                default -> 0L;
            };
            assertThat(r.get("v")).isEqualTo(expected);
        }
    }

    @Test
    void concat_mixesLiteralsAndGeneratedValues() {
        assertThat(of(concat("ORD-", integers(7, 7), "-", oneOf("x")), 3)).containsOnly("ORD-7-x");
    }

    @Test
    void nonObjectRecords_areAllowed() {
        List<Object> lines = values(RecordSchema.of(concat("line ", sequence())), 1, 3);
        assertThat(lines).containsExactly("line 0", "line 1", "line 2");
    }

    @Test
    void partitionKeys_fromFieldConstantTemplateOrRandom() {
        RecordSchema base = record(field("id", sequence(100, 1)), field("geo", object(field("region", "eu"))));
        assertThat(key(base.partitionKeyField("id"), 0)).isEqualTo("100");
        assertThat(key(base.partitionKeyField("geo.region"), 0)).isEqualTo("eu");
        assertThat(key(base.partitionKey(io.kdg4j.core.schema.PartitionKeySpec.constant("1")), 5)).isEqualTo("1");
        assertThat(key(base.partitionKey(io.kdg4j.core.schema.PartitionKeySpec.template("${geo.region}-${id}")), 2))
                .isEqualTo("eu-102");
        Set<String> randomKeys = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String k = key(base, i);
            assertThat(Long.parseLong(k)).isBetween(0L, 9_999_999_999L);
            randomKeys.add(k);
        }
        assertThat(randomKeys).hasSizeGreaterThan(990);
    }

    private static String key(RecordSchema schema, long index) {
        RecordGenerator generator = RecordGenerator.of(schema, 1, TestRecords.FIXED_CLOCK);
        generator.generate(index);
        return generator.partitionKey();
    }

    static Map<String, Object> orderedMap(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
