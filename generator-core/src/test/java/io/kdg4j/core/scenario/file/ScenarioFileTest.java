package io.kdg4j.core.scenario.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.kdg4j.core.Fields;
import io.kdg4j.core.scenario.Arrivals;
import io.kdg4j.core.scenario.Delay;
import io.kdg4j.core.scenario.EventStream;
import io.kdg4j.core.scenario.Pick;
import io.kdg4j.core.scenario.Population;
import io.kdg4j.core.scenario.Scenario;
import io.kdg4j.core.scenario.ScenarioEvent;
import io.kdg4j.core.scenario.ScenarioEvents;
import io.kdg4j.core.scenario.StateMachine;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScenarioFileTest {
    static final Path SHOP = Path.of("..", "examples", "scenarios", "shop.yaml");
    private static final ObjectMapper JSON = new ObjectMapper();

    static final String SMALL = """
            start: 2026-03-01T00:00:00Z
            populations:
              device:
                size: 50
                key: device_id
                arrivals: { initial: 10, every: 1s }
                fields:
                  device_id: { concat: ["D-", { sequence: {} }] }
                  site: { oneOf: [north, south] }
                  firmware: { integers: [1, 9], nullable: 0.2 }
            machines:
              power:
                start: "on"
                transitions:
                  "on": { idle: 0.8, "off": 0.2 }
                  idle: { "on": 1 }
                dwell:
                  "on": { exponential: 30s }
                  idle: 5s
            streams:
              devices:
                created: device
                fields:
                  device_id: { ref: device }
                  site: { ref: device, field: site }
              readings:
                every: 20
                by: device
                pick: { zipf: 1.2 }
                late: { share: 0.1, by: { uniform: [1s, 20s] } }
                to: { firehose: readings-to-s3 }
                fields:
                  device_id: { ref: device }
                  site: { ref: device, field: site }
                  celsius: { decimals: ["-10.0", "40.0"] }
                  at: { event: timeMillis }
              power:
                sessions: device
                machine: power
                gap: 1m
                duplicates: 0.05
                partitionKey: "${device_id}-${state}"
                fields:
                  device_id: { ref: device }
                  state: { event: state }
                  seq: { event: sequence }
            """;

    /** SMALL written with the Java DSL. */
    static Scenario smallInJava() {
        Population devices = Population.of("device", 50, Fields.record(
                Fields.field("device_id", Fields.concat("D-", Fields.sequence())),
                Fields.field("site", Fields.oneOf("north", "south")),
                Fields.field("firmware", Fields.integers(1, 9).nullable(0.2))), "device_id");
        StateMachine power = StateMachine.startingAt("on").transition("on", "idle", 0.8).transition("on", "off", 0.2)
                .transition("idle", "on", 1).dwell("on", Delay.exponential(Duration.ofSeconds(30)))
                .dwell("idle", Delay.fixed(Duration.ofSeconds(5))).build();
        return Scenario.builder().start(Instant.parse("2026-03-01T00:00:00Z"))
                .population(devices, Arrivals.of(10, Duration.ofSeconds(1)))
                .stream(EventStream.created("devices", devices, Fields.record(
                        Fields.field("device_id", Fields.ref(devices)),
                        Fields.field("site", Fields.ref(devices).field("site")))))
                .stream(EventStream.every("readings", Fields.record(
                        Fields.field("device_id", Fields.ref(devices)),
                        Fields.field("site", Fields.ref(devices).field("site")),
                        Fields.field("celsius", Fields.decimals("-10.0", "40.0")),
                        Fields.field("at", Fields.eventTimeMillis())), 20).by(devices, new Pick.Zipf(1.2))
                        .late(0.1, Delay.uniform(Duration.ofSeconds(1), Duration.ofSeconds(20))))
                .stream(EventStream.sessions("power", devices, power, Fields.record(
                        Fields.field("device_id", Fields.ref(devices)),
                        Fields.field("state", Fields.eventState()),
                        Fields.field("seq", Fields.eventSequence()))
                        .partitionKey(io.kdg4j.core.schema.PartitionKeySpec.template("${device_id}-${state}")))
                        .gap(Delay.fixed(Duration.ofMinutes(1))).duplicates(0.05))
                .build();
    }

    private static List<ScenarioEvent> events(Scenario scenario, int count) {
        List<ScenarioEvent> events = new ArrayList<>();
        ScenarioEvents.from(scenario).seed(9).iterator(count).forEachRemaining(events::add);
        return events;
    }

    @Test
    void aFile_makesTheSameEventsAsTheSameScenarioInJava() {
        ScenarioFile file = ScenarioFile.parse(SMALL, "small.yaml");
        List<ScenarioEvent> fromFile = events(file.scenario(), 20_000);
        List<ScenarioEvent> fromJava = events(smallInJava(), 20_000);
        assertThat(fromFile).isEqualTo(fromJava);
        assertThat(fromFile.stream().map(ScenarioEvent::stream).distinct())
                .containsExactly("devices", "readings", "power");
        assertThat(fromFile.stream().filter(e -> e.stream().equals("power")).findFirst().orElseThrow()
                .record().partitionKey()).matches("D-\\d+-(on|idle|off)");
        assertThat(file.target("readings")).isEqualTo(new ScenarioFile.Target(ScenarioFile.Target.Kind.FIREHOSE,
                "readings-to-s3"));
        assertThat(file.target("devices")).isEqualTo(new ScenarioFile.Target(ScenarioFile.Target.Kind.KINESIS,
                "devices"));
    }

    @Test
    void theShopExample_runs_withEveryReferenceAfterItsCreatedEvent() throws Exception {
        ScenarioFile shop = ScenarioFile.load(SHOP);
        Map<String, String> tiers = new HashMap<>();
        Map<String, Integer> perStream = new HashMap<>();
        for (ScenarioEvent event : events(shop.scenario(), 100_000)) {
            JsonNode record = JSON.readTree(event.record().text());
            String customer = record.get("customer_id").asText();
            perStream.merge(event.stream(), 1, Integer::sum);
            if (event.stream().equals("customers")) {
                tiers.put(customer, record.get("tier").asText());
            } else {
                assertThat(tiers).containsKey(customer);
            }
            if (event.stream().equals("orders")) {
                assertThat(record.get("customer_tier").asText()).isEqualTo(tiers.get(customer));
            }
        }
        assertThat(perStream).containsOnlyKeys("customers", "orders", "clicks");
        assertThat(perStream.values()).allSatisfy(count -> assertThat(count).isGreaterThan(1_000));
    }

    @Test
    void theIssuesExampleMistake_isNamedByItsPath_withASuggestion() {
        String misspelt = SMALL.replace("device_id: { ref: device }\n      site: { ref: device, field: site }\n"
                + "      celsius", "device_id: { ref: devise }\n      site: { ref: device, field: site }\n      celsius");
        assertThat(misspelt).isNotEqualTo(SMALL);
        assertThatThrownBy(() -> ScenarioFile.parse(misspelt, "small.yaml"))
                .isInstanceOf(ScenarioFileException.class)
                .hasMessage("scenario small.yaml: streams.readings.fields.device_id: unknown population \"devise\" "
                        + "(did you mean \"device\"?)");
    }

    @Test
    void everyProblemOfAFile_isReportedAtOnce_eachWithItsPath() {
        String bad = """
                populations:
                  customer:
                    size: 0
                    key: id
                    fields:
                      id: { uuidd: {} }
                machines:
                  m:
                    start: a
                    transitions:
                      a: { b: -1 }
                streams:
                  customers:
                    created: customer
                    late: { share: 0.1, by: 5s }
                    fields: { id: { ref: customer } }
                  orders:
                    every: 10
                    sessions: customer
                    fields: { amount: { integers: [1] } }
                  clicks:
                    sessions: customer
                    machine: mm
                    gap: 5 minutes
                    fields: { when: { event: tiem } }
                """;
        assertThatThrownBy(() -> ScenarioFile.parse(bad, "bad.yaml"))
                .isInstanceOfSatisfying(ScenarioFileException.class, e -> assertThat(e.problems()).containsExactly(
                        "populations.customer.size: must be in [1, 2147483647] but was 0",
                        "populations.customer.fields.id: unknown generator \"uuidd\" (did you mean \"uuid\"?)",
                        "machines.m.transitions.a.b: must be >= 0 but was -1",
                        "streams.customers.late: does not apply to a created stream (created events are never late: "
                                + "references rely on them)",
                        "streams.orders: must say when its events happen with exactly one of created: POPULATION, "
                                + "every: EVENTS_PER_SECOND or sessions: POPULATION, but has every and sessions",
                        "streams.clicks.fields.when.event: unknown event part \"tiem\" (did you mean \"time\"?)",
                        "streams.clicks.machine: unknown machine \"mm\"",
                        "streams.clicks.gap: duration must look like 250ms, 10s, 5m, 1h, 2d or PT10S but was "
                                + "'5 minutes'"));
    }

    @Test
    void thePublishedJsonSchema_acceptsTheExamples_rejectsMistakes_andNamesEveryGenerator() throws Exception {
        JsonNode schemaNode;
        try (InputStream in = ScenarioFile.class.getResourceAsStream(ScenarioFile.JSON_SCHEMA)) {
            schemaNode = JSON.readTree(in);
        }
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(JSON.writeValueAsString(schemaNode));
        YAMLMapper yaml = new YAMLMapper();
        assertThat(schema.validate(yaml.readTree(Files.readString(SHOP)))).isEmpty();
        assertThat(schema.validate(yaml.readTree(SMALL))).isEmpty();
        assertThat(schema.validate(yaml.readTree(SMALL.replace("{ zipf: 1.2 }", "{ zipff: 1.2 }")))).isNotEmpty();
        assertThat(schema.validate(yaml.readTree(SMALL.replace("every: 20", "every: -20")))).isNotEmpty();
        assertThat(schema.validate(yaml.readTree(SMALL.replace("{ event: timeMillis }", "{ event: tiem }"))))
                .isNotEmpty();
        // the schema knows each generator the reader knows, with the same options
        JsonNode values = schemaNode.at("/$defs/value/anyOf");
        Map<String, List<String>> inSchema = new HashMap<>();
        for (JsonNode option : values) {
            if (option.has("required")) {
                String generator = option.get("required").get(0).asText();
                List<String> keys = new ArrayList<>();
                for (Iterator<String> it = option.get("properties").fieldNames(); it.hasNext(); ) {
                    String key = it.next();
                    if (!key.equals(generator) && !key.equals("nullable")) {
                        keys.add(key);
                    }
                }
                inSchema.put(generator, keys);
            }
        }
        assertThat(inSchema.keySet()).containsExactlyInAnyOrderElementsOf(ValueReader.GENERATORS.keySet());
        ValueReader.GENERATORS.forEach((generator, options) ->
                assertThat(inSchema.get(generator)).as(generator).containsExactlyInAnyOrderElementsOf(options));
    }

    @Test
    void jsonFiles_readLikeYaml() throws Exception {
        JsonNode asTree = new YAMLMapper().readTree(SMALL);
        ScenarioFile fromJson = ScenarioFile.parse(JSON.writeValueAsString(asTree), "small.json");
        assertThat(events(fromJson.scenario(), 2_000)).isEqualTo(events(smallInJava(), 2_000));
    }
}
