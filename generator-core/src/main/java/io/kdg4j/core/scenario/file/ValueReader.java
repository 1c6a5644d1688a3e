package io.kdg4j.core.scenario.file;

import com.fasterxml.jackson.databind.JsonNode;
import io.kdg4j.core.Fields;
import io.kdg4j.core.scenario.Pick;
import io.kdg4j.core.scenario.Population;
import io.kdg4j.core.schema.ArraySpec;
import io.kdg4j.core.schema.FieldSpec;
import io.kdg4j.core.schema.ObjectSpec;
import io.kdg4j.core.schema.RefSpec;
import io.kdg4j.core.schema.SwitchSpec;
import io.kdg4j.core.schema.TimestampSpec;
import io.kdg4j.core.schema.ValueSpec;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a field's value: a scalar is a constant; a map names one generator and its argument
 * ({@code {integers: [1, 1000]}}), with the generator's options beside it ({@code {ref: customer, field: tier}})
 * and {@code nullable: 0.1} on any of them. One generator per {@link io.kdg4j.core.Fields} method.
 */
final class ValueReader {
    /** Each generator and the option keys it takes beside its own. */
    static final Map<String, Set<String>> GENERATORS = generators();

    private static Map<String, Set<String>> generators() {
        Map<String, Set<String>> all = new LinkedHashMap<>();
        for (String plain : List.of("constant", "integers", "doubles", "decimals", "booleans", "oneOf", "weighted",
                "normal", "exponential", "zipf", "sequence", "uuid", "ulid", "fake", "object", "template", "concat",
                "near", "event")) {
            all.put(plain, Set.of());
        }
        all.put("now", Set.of("format"));
        all.put("between", Set.of("format"));
        all.put("arrayOf", Set.of("length"));
        all.put("switch", Set.of("cases", "otherwise"));
        all.put("ref", Set.of("field", "pick"));
        return Collections.unmodifiableMap(all);
    }

    static final List<String> EVENT_PARTS = List.of("time", "timeMillis", "sequence", "state", "stream");

    private final Problems problems;
    private final Map<String, Population> populations;
    private final Set<String> broken;

    /** {@code broken}: populations defined with problems of their own, to which references say nothing more. */
    ValueReader(Problems problems, Map<String, Population> populations, Set<String> broken) {
        this.problems = problems;
        this.populations = populations;
        this.broken = broken;
    }

    /** The fields of an object, in file order. */
    ObjectSpec object(JsonNode node, String path) {
        List<FieldSpec> fields = new ArrayList<>();
        if (problems.isObject(node, path)) {
            if (node.isEmpty()) {
                problems.add(path, "has no fields");
            }
            for (Map.Entry<String, JsonNode> field : Problems.entries(node)) {
                fields.add(Fields.field(field.getKey(), value(field.getValue(), Problems.join(path, field.getKey()))));
            }
        }
        return Fields.object(fields.toArray(FieldSpec[]::new));
    }

    ValueSpec value(JsonNode node, String path) {
        if (node == null || node.isMissingNode()) {
            problems.add(path, "is missing");
            return Fields.constant(null);
        }
        if (node.isValueNode()) {
            return Fields.constant(scalar(node));
        }
        if (node.isArray()) {
            problems.add(path, "a list is not a value; choose from a list with {oneOf: [...]}, or make one with "
                    + "{arrayOf: ...}");
            return Fields.constant(null);
        }
        String generator = null;
        for (Map.Entry<String, JsonNode> entry : Problems.entries(node)) {
            if (GENERATORS.containsKey(entry.getKey())) {
                if (generator != null) {
                    problems.add(path, "names two generators, " + generator + " and " + entry.getKey()
                            + "; a value has one (nest objects with {object: {...}})");
                    return Fields.constant(null);
                }
                generator = entry.getKey();
            }
        }
        if (generator == null) {
            String first = node.fieldNames().hasNext() ? node.fieldNames().next() : "";
            problems.unknown(path, "generator", first, GENERATORS.keySet());
            return Fields.constant(null);
        }
        Set<String> allowed = new HashSet<>(GENERATORS.get(generator));
        allowed.add(generator);
        allowed.add("nullable");
        problems.onlyKeys(node, path, allowed);
        ValueSpec spec = generate(generator, node.get(generator), node, path);
        if (node.has("nullable")) {
            spec = spec.nullable(problems.number(node.get("nullable"), path + ".nullable", 0, 1));
        }
        return spec;
    }

    private ValueSpec generate(String generator, JsonNode arg, JsonNode node, String path) {
        String at = path + "." + generator;
        switch (generator) {
            case "constant":
                return arg.isValueNode() ? Fields.constant(scalar(arg))
                        : fail(at, "must be text, a number, true/false or empty but was " + Problems.describe(arg));
            case "integers": {
                JsonNode[] pair = pair(arg, at);
                return Fields.integers(problems.whole(pair[0], at + "[0]", Long.MIN_VALUE, Long.MAX_VALUE),
                        problems.whole(pair[1], at + "[1]", Long.MIN_VALUE, Long.MAX_VALUE));
            }
            case "doubles": {
                JsonNode[] pair = pair(arg, at);
                return Fields.doubles(problems.number(pair[0], at + "[0]", -Double.MAX_VALUE, Double.MAX_VALUE),
                        problems.number(pair[1], at + "[1]", -Double.MAX_VALUE, Double.MAX_VALUE));
            }
            case "decimals": {
                JsonNode[] pair = pair(arg, at);
                return Fields.decimals(decimal(pair[0], at + "[0]"), decimal(pair[1], at + "[1]"));
            }
            case "booleans":
                return arg.isNumber() ? Fields.booleans(problems.number(arg, at, 0, 1)) : Fields.booleans();
            case "oneOf": {
                if (!arg.isArray() || arg.isEmpty()) {
                    return fail(at, "must be a list of one or more values but was " + Problems.describe(arg));
                }
                List<Object> options = new ArrayList<>();
                for (int i = 0; i < arg.size(); i++) {
                    options.add(value(arg.get(i), at + "[" + i + "]"));
                }
                return Fields.oneOf(options);
            }
            case "weighted": {
                if (!problems.isObject(arg, at)) {
                    return Fields.constant(null);
                }
                Map<Object, Double> weights = new LinkedHashMap<>();
                for (Map.Entry<String, JsonNode> option : Problems.entries(arg)) {
                    weights.put(option.getKey(), problems.number(option.getValue(), at + "." + option.getKey(), 0,
                            Double.MAX_VALUE));
                }
                return Fields.weighted(weights);
            }
            case "normal":
                problems.onlyKeys(arg, at, Set.of("mean", "stddev"));
                return Fields.normal(problems.number(arg.get("mean"), at + ".mean", -Double.MAX_VALUE,
                        Double.MAX_VALUE), problems.number(arg.get("stddev"), at + ".stddev", 0, Double.MAX_VALUE));
            case "exponential":
                return Fields.exponential(problems.number(arg, at, Double.MIN_VALUE, Double.MAX_VALUE));
            case "zipf":
                problems.onlyKeys(arg, at, Set.of("n", "exponent", "values"));
                if (arg.has("values")) {
                    JsonNode values = arg.get("values");
                    List<Object> options = new ArrayList<>();
                    for (int i = 0; values.isArray() && i < values.size(); i++) {
                        options.add(value(values.get(i), at + ".values[" + i + "]"));
                    }
                    return Fields.zipfOf(problems.number(arg.get("exponent"), at + ".exponent", 0, 100),
                            options.toArray());
                }
                return Fields.zipf(problems.whole(arg.get("n"), at + ".n", 1, Long.MAX_VALUE),
                        problems.number(arg.get("exponent"), at + ".exponent", 0, 100));
            case "sequence":
                if (arg.isObject()) {
                    problems.onlyKeys(arg, at, Set.of("start", "step"));
                    return Fields.sequence(arg.has("start") ? problems.whole(arg.get("start"), at + ".start",
                            Long.MIN_VALUE, Long.MAX_VALUE) : 0, arg.has("step") ? problems.whole(arg.get("step"),
                            at + ".step", Long.MIN_VALUE, Long.MAX_VALUE) : 1);
                }
                return Fields.sequence();
            case "uuid":
                return Fields.uuid();
            case "ulid":
                return Fields.ulid();
            case "now":
                return formatted(Fields.now(), node, path);
            case "between": {
                JsonNode[] pair = pair(arg, at);
                return formatted(Fields.between(instant(pair[0], at + "[0]"), instant(pair[1], at + "[1]")), node,
                        path);
            }
            case "fake":
                return Fields.fake(problems.text(arg, at));
            case "object":
                return object(arg, at);
            case "arrayOf": {
                ValueSpec element = value(arg, at);
                JsonNode length = node.get("length");
                if (length == null) {
                    return fail(path + ".length", "is missing: give a number or [min, max]");
                }
                if (length.isArray()) {
                    JsonNode[] pair = pair(length, path + ".length");
                    return new ArraySpec(element, (int) problems.whole(pair[0], path + ".length[0]", 0, 1_000_000),
                            (int) problems.whole(pair[1], path + ".length[1]", 0, 1_000_000));
                }
                return Fields.arrayOf(element, (int) problems.whole(length, path + ".length", 0, 1_000_000));
            }
            case "template":
                return Fields.template(problems.text(arg, at));
            case "concat": {
                if (!arg.isArray() || arg.isEmpty()) {
                    return fail(at, "must be a list of parts but was " + Problems.describe(arg));
                }
                List<Object> parts = new ArrayList<>();
                for (int i = 0; i < arg.size(); i++) {
                    parts.add(value(arg.get(i), at + "[" + i + "]"));
                }
                return Fields.concat(parts.toArray());
            }
            case "switch": {
                SwitchSpec spec = Fields.switchOn(problems.text(arg, at));
                JsonNode cases = node.get("cases");
                if (problems.isObject(cases, path + ".cases")) {
                    for (Map.Entry<String, JsonNode> c : Problems.entries(cases)) {
                        spec = spec.when(c.getKey(), value(c.getValue(), path + ".cases." + c.getKey()));
                    }
                }
                return node.has("otherwise") ? spec.otherwise(value(node.get("otherwise"), path + ".otherwise"))
                        : spec;
            }
            case "near":
                problems.onlyKeys(arg, at, Set.of("lat", "lon", "radiusKm"));
                return Fields.near(problems.number(arg.get("lat"), at + ".lat", -90, 90),
                        problems.number(arg.get("lon"), at + ".lon", -180, 180),
                        problems.number(arg.get("radiusKm"), at + ".radiusKm", 0, 20_000));
            case "event":
                return event(problems.text(arg, at), at);
            case "ref":
                return ref(arg, node, path);
            default:
                throw new IllegalStateException("generator without a reader: " + generator);
        }
    }

    private ValueSpec event(String part, String path) {
        return switch (part) {
            case "time" -> Fields.eventTime();
            case "timeMillis" -> Fields.eventTimeMillis();
            case "sequence" -> Fields.eventSequence();
            case "state" -> Fields.eventState();
            case "stream" -> new io.kdg4j.core.schema.EventSpec(io.kdg4j.core.schema.EventSpec.Part.STREAM);
            default -> {
                problems.unknown(path, "event part", part, EVENT_PARTS);
                yield Fields.constant(null);
            }
        };
    }

    private ValueSpec ref(JsonNode arg, JsonNode node, String path) {
        Population population = population(arg, path);
        if (population == null) {
            return Fields.constant(null);
        }
        RefSpec ref = Fields.ref(population);
        if (node.has("field")) {
            ref = ref.field(problems.text(node.get("field"), path + ".field"));
        }
        if (node.has("pick")) {
            ref = new RefSpec(population, ref.field(), pick(node.get("pick"), path + ".pick"));
        }
        return ref;
    }

    /** A population named in the file before this point. */
    Population population(JsonNode name, String path) {
        String text = problems.text(name, path);
        Population population = populations.get(text);
        if (population == null && !text.isEmpty() && !broken.contains(text)) {
            problems.unknown(path, "population", text, populations.keySet());
        }
        return population;
    }

    /** {@code uniform}, {@code {zipf: 1.1}} or {@code {weightedBy: tier, weights: {gold: 5, silver: 2}}}. */
    Pick pick(JsonNode node, String path) {
        if (node.isTextual() && node.asText().equals("uniform")) {
            return Pick.UNIFORM;
        }
        if (node.isObject() && node.has("zipf")) {
            problems.onlyKeys(node, path, Set.of("zipf"));
            return new Pick.Zipf(problems.number(node.get("zipf"), path + ".zipf", Double.MIN_VALUE, 100));
        }
        if (node.isObject() && node.has("weightedBy")) {
            problems.onlyKeys(node, path, Set.of("weightedBy", "weights", "otherwise"));
            Map<String, Double> weights = new LinkedHashMap<>();
            JsonNode given = node.get("weights");
            if (problems.isObject(given, path + ".weights")) {
                for (Map.Entry<String, JsonNode> w : Problems.entries(given)) {
                    weights.put(w.getKey(), problems.number(w.getValue(), path + ".weights." + w.getKey(), 0,
                            Double.MAX_VALUE));
                }
            }
            double otherwise = node.has("otherwise")
                    ? problems.number(node.get("otherwise"), path + ".otherwise", 0, Double.MAX_VALUE) : 0;
            return new Pick.Weighted(problems.text(node.get("weightedBy"), path + ".weightedBy"), weights, otherwise);
        }
        problems.add(path, "must be uniform, {zipf: EXPONENT} or {weightedBy: ATTRIBUTE, weights: {...}} but was "
                + Problems.describe(node));
        return Pick.UNIFORM;
    }

    private TimestampSpec formatted(TimestampSpec spec, JsonNode node, String path) {
        if (!node.has("format")) {
            return spec;
        }
        String format = problems.text(node.get("format"), path + ".format");
        return switch (format) {
            case "iso" -> spec.iso();
            case "epochMillis" -> spec.epochMillis();
            case "epochSeconds" -> spec.epochSeconds();
            default -> {
                if (format.contains("y") || format.contains("H")) {
                    yield spec.pattern(format);
                }
                problems.add(path + ".format", "must be iso, epochMillis, epochSeconds or a pattern such as "
                        + "yyyy-MM-dd HH:mm:ss but was \"" + format + "\"");
                yield spec;
            }
        };
    }

    private JsonNode[] pair(JsonNode arg, String path) {
        if (arg == null || !arg.isArray() || arg.size() != 2) {
            problems.add(path, "must be a list of two values [min, max] but was " + Problems.describe(arg));
            return new JsonNode[] {null, null};
        }
        return new JsonNode[] {arg.get(0), arg.get(1)};
    }

    private String decimal(JsonNode node, String path) {
        if (node != null && (node.isNumber() || node.isTextual())) {
            try {
                return new BigDecimal(node.asText().trim()).toPlainString();
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        problems.add(path, "must be a decimal number such as 1.00 but was " + Problems.describe(node));
        return "0";
    }

    private Instant instant(JsonNode node, String path) {
        String text = problems.text(node, path);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            problems.add(path, "must be an instant such as 2026-03-01T00:00:00Z but was \"" + text + "\"");
            return Instant.EPOCH;
        }
    }

    private ValueSpec fail(String path, String message) {
        problems.add(path, message);
        return Fields.constant(null);
    }

    /** A YAML scalar as the Java value a constant holds: decimals keep the scale written in the file. */
    static Object scalar(JsonNode node) {
        if (node.isNull()) {
            return null;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue();
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        return node.asText();
    }
}
