package io.kdg4j.core.scenario.file;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.kdg4j.core.KdgException;
import io.kdg4j.core.RecordSchema;
import io.kdg4j.core.SchemaException;
import io.kdg4j.core.scenario.Arrivals;
import io.kdg4j.core.scenario.Delay;
import io.kdg4j.core.scenario.EventStream;
import io.kdg4j.core.scenario.Pick;
import io.kdg4j.core.scenario.Population;
import io.kdg4j.core.scenario.Scenario;
import io.kdg4j.core.scenario.StateMachine;
import io.kdg4j.core.scenario.Weight;
import io.kdg4j.core.schema.ObjectSpec;
import io.kdg4j.core.schema.PartitionKeySpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A scenario written as YAML (or JSON), one to one with the Java DSL, for the command line and the web page:
 * {@code kdg send --scenario shop.yaml}. Its JSON Schema, {@code scenario.schema.json} beside this class, lets
 * editors complete and check it. Every problem of a file is reported at once, each with its path in the file:
 * {@code streams.orders.fields.customer_id.ref: unknown population "custmer" (did you mean "customer"?)}.
 *
 * <p>Besides the scenario, a file says where each stream goes ({@code to: {kinesis: NAME}} or
 * {@code {firehose: NAME}}; by default the Kinesis stream of the same name).
 */
public final class ScenarioFile {
    /** Where the JSON Schema of scenario files is, on the class path. */
    public static final String JSON_SCHEMA = "/io/kdg4j/core/scenario/file/scenario.schema.json";

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    private static final Set<String> TOP = Set.of("$schema", "start", "populations", "machines", "streams");
    private static final Set<String> POPULATION = Set.of("size", "key", "arrivals", "fields");
    private static final Set<String> MACHINE = Set.of("start", "transitions", "dwell");
    private static final Set<String> STREAM = Set.of("created", "every", "sessions", "by", "pick", "machine", "gap",
            "late", "duplicates", "partitionKey", "fields", "to", "format", "glueSchemaVersionId", "avroSchema");
    /** Formats a stream may be written in; the tools that send (kdg, the page) map them to encoders. */
    public static final List<String> FORMATS = List.of("json", "avro", "protobuf");

    /** Where a stream's events are sent. */
    public record Target(Kind kind, String name) {
        public enum Kind { KINESIS, FIREHOSE }

        public Target {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(name, "name");
        }
    }

    /**
     * How a stream's records are written: {@code json} (the default), {@code avro} or {@code protobuf}, optionally
     * with the Glue Schema Registry header naming a schema version. Binary schemas are derived from the stream's
     * records unless the file gives an Avro schema: {@code avroSchema} is then its JSON text, else null.
     */
    public record Format(String name, UUID glueSchemaVersionId, String avroSchema) {
        public static final Format JSON = new Format("json", null, null);

        public Format(String name, UUID glueSchemaVersionId) {
            this(name, glueSchemaVersionId, null);
        }
    }

    private final String source;
    private final Scenario scenario;
    private final Map<String, Target> targets;
    private final Map<String, Format> formats;

    private ScenarioFile(String source, Scenario scenario, Map<String, Target> targets, Map<String, Format> formats) {
        this.source = source;
        this.scenario = scenario;
        this.targets = Map.copyOf(targets);
        this.formats = Map.copyOf(formats);
    }

    /** The files a scenario names (a stream's {@code avroSchema: orders.avsc}), read by the name it gives. */
    @FunctionalInterface
    public interface Siblings {
        /** The text of file {@code name}; an IOException when it cannot be read. */
        String read(String name) throws IOException;
    }

    /** Reads a scenario file; the files it names are beside it. */
    public static ScenarioFile load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new KdgException("cannot read scenario file " + file + ": " + e.getMessage(), e);
        }
        Path directory = file.toAbsolutePath().getParent();
        return parse(text, file.toString(), name -> Files.readString(directory.resolve(name)));
    }

    /**
     * Reads a scenario from its text; {@code source} names it in messages. A scenario read this way names no other
     * file: its Avro schemas are written inline.
     */
    public static ScenarioFile parse(String text, String source) {
        return parse(text, source, null);
    }

    /**
     * Reads a scenario from its text, with the files it names read by {@code siblings} (null: it may name none),
     * such as the resources beside a scenario on the class path.
     */
    public static ScenarioFile parse(String text, String source, Siblings siblings) {
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ScenarioFileException(source, List.of("not valid YAML: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")")));
        }
        return new Reader(siblings).read(root, source);
    }

    public Scenario scenario() {
        return scenario;
    }

    /** What the file is called in messages: its path, or the name it was parsed under. */
    public String source() {
        return source;
    }

    /** Where stream {@code name} goes. */
    public Target target(String name) {
        Target target = targets.get(name);
        if (target == null) {
            throw new IllegalArgumentException("the scenario has no stream '" + name + "'");
        }
        return target;
    }

    /** How stream {@code name}'s records are written. */
    public Format format(String name) {
        target(name);
        return formats.getOrDefault(name, Format.JSON);
    }

    /** One reading of one file: collects problems, builds what it can. */
    private static final class Reader {
        private final Problems problems = new Problems();
        private final Map<String, Population> populations = new LinkedHashMap<>();
        private final Map<String, Arrivals> arrivals = new LinkedHashMap<>();
        private final Map<String, StateMachine> machines = new LinkedHashMap<>();
        private final Map<String, Target> targets = new LinkedHashMap<>();
        private final Map<String, Format> formats = new LinkedHashMap<>();
        private final Set<String> broken = new HashSet<>();
        private final ValueReader values = new ValueReader(problems, populations, broken);
        /** Reads the files the scenario names, or null when it may name none. */
        private final Siblings siblings;

        Reader(Siblings siblings) {
            this.siblings = siblings;
        }

        ScenarioFile read(JsonNode root, String source) {
            if (root == null || !problems.isObject(root, "(the file)")) {
                throw new ScenarioFileException(source, problems.found());
            }
            problems.onlyKeys(root, "", TOP);
            Scenario.Builder builder = Scenario.builder();
            if (root.has("start")) {
                String start = problems.text(root.get("start"), "start");
                try {
                    builder.start(Instant.parse(start));
                } catch (DateTimeParseException e) {
                    problems.add("start", "must be an instant such as 2026-03-01T00:00:00Z but was \"" + start + "\"");
                }
            }
            if (root.has("populations") && problems.isObject(root.get("populations"), "populations")) {
                for (Map.Entry<String, JsonNode> p : Problems.entries(root.get("populations"))) {
                    population(p.getKey(), p.getValue(), "populations." + p.getKey());
                }
            }
            if (root.has("machines") && problems.isObject(root.get("machines"), "machines")) {
                for (Map.Entry<String, JsonNode> m : Problems.entries(root.get("machines"))) {
                    machine(m.getKey(), m.getValue(), "machines." + m.getKey());
                }
            }
            populations.forEach((name, population) -> builder.population(population, arrivals.get(name)));
            JsonNode streams = root.get("streams");
            if (streams == null) {
                problems.add("streams", "is missing: a scenario sends at least one stream");
            } else if (problems.isObject(streams, "streams")) {
                for (Map.Entry<String, JsonNode> s : Problems.entries(streams)) {
                    EventStream stream = stream(s.getKey(), s.getValue(), "streams." + s.getKey());
                    if (stream != null) {
                        builder.stream(stream);
                    }
                }
            }
            if (!problems.found().isEmpty()) {
                throw new ScenarioFileException(source, problems.found());
            }
            try {
                return new ScenarioFile(source, builder.build(), targets, formats);
            } catch (SchemaException e) {
                throw new ScenarioFileException(source, e.problems());
            }
        }

        private void population(String name, JsonNode node, String path) {
            if (!problems.isObject(node, path)) {
                return;
            }
            int before = problems.count();
            problems.onlyKeys(node, path, POPULATION);
            long size = problems.whole(node.get("size"), path + ".size", 1, Integer.MAX_VALUE);
            String key = problems.text(node.get("key"), path + ".key");
            ObjectSpec fields = values.object(node.get("fields"), path + ".fields");
            Arrivals arrival = Arrivals.allAtStart();
            JsonNode given = node.get("arrivals");
            if (given != null && problems.isObject(given, path + ".arrivals")) {
                problems.onlyKeys(given, path + ".arrivals", Set.of("initial", "every"));
                arrival = Arrivals.of((int) problems.whole(given.get("initial"), path + ".arrivals.initial", 0,
                        Integer.MAX_VALUE), problems.duration(given.get("every"), path + ".arrivals.every"));
            }
            Population population = built(before, path + ".fields",
                    () -> Population.of(name, (int) size, RecordSchema.of(fields), key));
            if (population != null) {
                populations.put(name, population);
                arrivals.put(name, arrival);
            } else {
                broken.add(name);
            }
        }

        private void machine(String name, JsonNode node, String path) {
            if (!problems.isObject(node, path)) {
                return;
            }
            int before = problems.count();
            problems.onlyKeys(node, path, MACHINE);
            StateMachine.Builder machine = StateMachine.startingAt(problems.text(node.get("start"), path + ".start"));
            JsonNode transitions = node.get("transitions");
            if (problems.isObject(transitions, path + ".transitions")) {
                for (Map.Entry<String, JsonNode> from : Problems.entries(transitions)) {
                    String at = path + ".transitions." + from.getKey();
                    if (!problems.isObject(from.getValue(), at)) {
                        continue;
                    }
                    for (Map.Entry<String, JsonNode> to : Problems.entries(from.getValue())) {
                        machine.transition(from.getKey(), to.getKey(), weight(to.getValue(), at + "." + to.getKey()));
                    }
                }
            }
            JsonNode dwells = node.get("dwell");
            if (dwells != null && problems.isObject(dwells, path + ".dwell")) {
                for (Map.Entry<String, JsonNode> dwell : Problems.entries(dwells)) {
                    machine.dwell(dwell.getKey(), delay(dwell.getValue(), path + ".dwell." + dwell.getKey()));
                }
            }
            StateMachine built = built(before, path, machine::build);
            if (built != null) {
                machines.put(name, built);
            } else {
                broken.add(name);
            }
        }

        private Weight weight(JsonNode node, String path) {
            if (node.isObject() && node.has("hourly")) {
                problems.onlyKeys(node, path, Set.of("hourly"));
                JsonNode hours = node.get("hourly");
                if (!hours.isArray() || hours.size() != 24) {
                    problems.add(path + ".hourly", "must be a list of 24 weights (hours 0-23, UTC) but was "
                            + Problems.describe(hours) + (hours.isArray() ? " of " + hours.size() : ""));
                    return Weight.of(1);
                }
                double[] byHour = new double[24];
                for (int h = 0; h < 24; h++) {
                    byHour[h] = problems.number(hours.get(h), path + ".hourly[" + h + "]", 0, Double.MAX_VALUE);
                }
                return Weight.hourly(byHour);
            }
            return Weight.of(problems.number(node, path, 0, Double.MAX_VALUE));
        }

        /** {@code 30s} (fixed), {@code {exponential: 30s}}, {@code {uniform: [5s, 30s]}}, {@code {fixed: 30s}}. */
        private Delay delay(JsonNode node, String path) {
            if (node != null && node.isObject() && node.size() == 1) {
                String kind = node.fieldNames().next();
                JsonNode arg = node.get(kind);
                switch (kind) {
                    case "fixed":
                        return Delay.fixed(problems.duration(arg, path + ".fixed"));
                    case "exponential":
                        return Delay.exponential(problems.duration(arg, path + ".exponential"));
                    case "uniform":
                        if (arg.isArray() && arg.size() == 2) {
                            var min = problems.duration(arg.get(0), path + ".uniform[0]");
                            var max = problems.duration(arg.get(1), path + ".uniform[1]");
                            if (max.compareTo(min) >= 0) {
                                return Delay.uniform(min, max);
                            }
                            problems.add(path + ".uniform", "max " + arg.get(1).asText() + " is less than min "
                                    + arg.get(0).asText());
                        } else {
                            problems.add(path + ".uniform", "must be a list [min, max] of durations");
                        }
                        return Delay.fixed(Duration.ZERO);
                    default:
                        problems.unknown(path, "delay", kind, List.of("fixed", "exponential", "uniform"));
                        return Delay.fixed(Duration.ZERO);
                }
            }
            if (node != null && node.isValueNode()) {
                return Delay.fixed(problems.duration(node, path));
            }
            problems.add(path, "must be a duration (30s) or {exponential: 30s}, {uniform: [5s, 30s]} but was "
                    + Problems.describe(node));
            return Delay.fixed(Duration.ZERO);
        }

        private EventStream stream(String name, JsonNode node, String path) {
            if (!problems.isObject(node, path)) {
                return null;
            }
            problems.onlyKeys(node, path, STREAM);
            List<String> kinds = List.of("created", "every", "sessions").stream().filter(node::has).toList();
            if (kinds.size() != 1) {
                problems.add(path, "must say when its events happen with exactly one of created: POPULATION, "
                        + "every: EVENTS_PER_SECOND or sessions: POPULATION" + (kinds.isEmpty() ? ""
                        : ", but has " + String.join(" and ", kinds)));
                return null;
            }
            targets.put(name, target(name, node.get("to"), path + ".to"));
            formats.put(name, format(node, path));
            int before = problems.count();
            ObjectSpec fields = values.object(node.get("fields"), path + ".fields");
            RecordSchema schema = built(before, path + ".fields", () -> {
                RecordSchema record = RecordSchema.of(fields);
                return node.has("partitionKey")
                        ? record.partitionKey(PartitionKeySpec.parse(problems.text(node.get("partitionKey"),
                                path + ".partitionKey")))
                        : record;
            });
            double late = node.has("late") ? lateShare(node.get("late"), path + ".late") : 0;
            Delay lateBy = node.has("late") && node.get("late").has("by")
                    ? delay(node.get("late").get("by"), path + ".late.by") : Delay.fixed(Duration.ZERO);
            double duplicates = node.has("duplicates")
                    ? problems.number(node.get("duplicates"), path + ".duplicates", 0, 1) : 0;
            switch (kinds.get(0)) {
                case "created": {
                    Population population = values.population(node.get("created"), path + ".created");
                    notFor(node, path, "created", "by", "pick", "machine", "gap", "late");
                    return schema == null || population == null ? null
                            : EventStream.created(name, population, schema).duplicates(duplicates);
                }
                case "every": {
                    double perSecond = problems.number(node.get("every"), path + ".every", Double.MIN_VALUE, 1e9);
                    notFor(node, path, "every", "machine", "gap");
                    Population owner = node.has("by") ? values.population(node.get("by"), path + ".by") : null;
                    Pick pick = node.has("pick") ? values.pick(node.get("pick"), path + ".pick") : Pick.UNIFORM;
                    if (schema == null || node.has("by") && owner == null) {
                        return null;
                    }
                    EventStream.Periodic stream = EventStream.every(name, schema, perSecond);
                    return (owner == null ? stream : stream.by(owner, pick)).late(late, lateBy).duplicates(duplicates);
                }
                default: {
                    Population population = values.population(node.get("sessions"), path + ".sessions");
                    notFor(node, path, "sessions", "by", "pick");
                    String machineName = problems.text(node.get("machine"), path + ".machine");
                    StateMachine machine = machines.get(machineName);
                    if (machine == null && !machineName.isEmpty() && !broken.contains(machineName)) {
                        problems.unknown(path + ".machine", "machine", machineName, machines.keySet());
                    }
                    Delay gap = node.has("gap") ? delay(node.get("gap"), path + ".gap") : EventStream.DEFAULT_SESSION_GAP;
                    if (schema == null || population == null || machine == null) {
                        return null;
                    }
                    return EventStream.sessions(name, population, machine, schema).gap(gap).late(late, lateBy)
                            .duplicates(duplicates);
                }
            }
        }

        private Format format(JsonNode node, String path) {
            String name = node.has("format") ? problems.text(node.get("format"), path + ".format") : "json";
            if (!FORMATS.contains(name)) {
                problems.unknown(path + ".format", "format", name, FORMATS);
                name = "json";
            }
            UUID glue = null;
            if (node.has("glueSchemaVersionId")) {
                String id = problems.text(node.get("glueSchemaVersionId"), path + ".glueSchemaVersionId");
                try {
                    glue = UUID.fromString(id);
                } catch (IllegalArgumentException e) {
                    problems.add(path + ".glueSchemaVersionId", "must be a schema version id such as "
                            + "b7b4a7f0-1f5a-4d8e-9a3c-0123456789ab but was \"" + id + "\"");
                }
            }
            String avroSchema = node.has("avroSchema") ? avroSchema(node.get("avroSchema"), name,
                    path + ".avroSchema") : null;
            return new Format(name, glue, avroSchema);
        }

        /** A given Avro schema: inline (a JSON object, as YAML may write it), or the name of a file beside this one. */
        private String avroSchema(JsonNode node, String format, String path) {
            if (!format.equals("avro")) {
                problems.add(path, "gives the schema of format: avro, but the stream's format is " + format);
                return null;
            }
            if (node.isObject()) {
                return node.toString();
            }
            if (!node.isTextual()) {
                problems.add(path, "must be an Avro schema written inline, or the name of an .avsc file, but was "
                        + node);
                return null;
            }
            if (siblings == null) {
                problems.add(path, "names the file \"" + node.asText() + "\", but this scenario was not read from a "
                        + "file, so there is nothing to look beside: write the schema inline");
                return null;
            }
            try {
                return siblings.read(node.asText());
            } catch (IOException e) {
                problems.add(path, "cannot read the file \"" + node.asText() + "\" (" + e + ")");
                return null;
            }
        }

        private double lateShare(JsonNode late, String path) {
            if (!problems.isObject(late, path)) {
                return 0;
            }
            problems.onlyKeys(late, path, Set.of("share", "by"));
            if (!late.has("by")) {
                problems.add(path + ".by", "is missing: how late, e.g. {exponential: 30s}");
            }
            return problems.number(late.get("share"), path + ".share", 0, 1);
        }

        private void notFor(JsonNode node, String path, String kind, String... keys) {
            for (String key : keys) {
                if (node.has(key)) {
                    problems.add(path + "." + key, "does not apply to a " + kind + " stream"
                            + (key.equals("late") ? " (created events are never late: references rely on them)"
                            : ""));
                }
            }
        }

        private Target target(String name, JsonNode to, String path) {
            if (to == null) {
                return new Target(Target.Kind.KINESIS, name);
            }
            if (problems.isObject(to, path) && to.size() == 1 && (to.has("kinesis") || to.has("firehose"))) {
                boolean kinesis = to.has("kinesis");
                return new Target(kinesis ? Target.Kind.KINESIS : Target.Kind.FIREHOSE,
                        problems.text(to.get(kinesis ? "kinesis" : "firehose"), path + (kinesis ? ".kinesis"
                                : ".firehose")));
            }
            problems.add(path, "must be {kinesis: STREAM} or {firehose: DELIVERY_STREAM}");
            return new Target(Target.Kind.KINESIS, name);
        }

        /**
         * Builds what checks itself (a schema, a machine), its problems reported under {@code path}; nothing when
         * reading it already found problems (since {@code before}), which would only echo them.
         */
        private <T> T built(int before, String path, Supplier<T> build) {
            if (problems.count() > before) {
                return null;
            }
            try {
                T built = build.get();
                return problems.count() == before ? built : null;
            } catch (SchemaException e) {
                e.problems().forEach(problem -> problems.add(path, problem));
                return null;
            } catch (IllegalArgumentException e) {
                problems.add(path, e.getMessage());
                return null;
            }
        }
    }
}
