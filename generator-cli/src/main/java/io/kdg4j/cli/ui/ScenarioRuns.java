package io.kdg4j.cli.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kdg4j.aws.Provisioning;
import io.kdg4j.core.rate.RateProfile;
import io.kdg4j.core.run.Generator;
import io.kdg4j.core.run.RecordSink;
import io.kdg4j.core.run.RoutingSink;
import io.kdg4j.core.scenario.EventStream;
import io.kdg4j.core.scenario.ScenarioEvent;
import io.kdg4j.core.scenario.ScenarioEvents;
import io.kdg4j.core.scenario.ScenarioIterator;
import io.kdg4j.core.scenario.ScenarioTally;
import io.kdg4j.core.scenario.StreamCounts;
import io.kdg4j.core.scenario.file.ScenarioFile;
import io.kdg4j.formats.StreamFormats;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/** The page's scenarios: previewed as events with their streams, sent each stream where the scenario says. */
final class ScenarioRuns {
    private static final Duration CREATE_TIMEOUT = Duration.ofMinutes(2);

    private ScenarioRuns() {
    }

    static ScenarioFile parse(JsonNode body) {
        String text = body.path("scenario").asText("");
        if (text.isBlank()) {
            throw new Api.BadRequest("scenario: the scenario is empty");
        }
        return ScenarioFile.parse(text, "(from the page)");
    }

    /** A scenario without its own start begins today at 00:00Z, so that a seed gives the same events all day. */
    private static ScenarioEvents events(ScenarioFile file, long seed) {
        ScenarioEvents events = ScenarioEvents.from(file.scenario()).seed(seed)
                .encoders(StreamFormats.encoders(file));
        return file.scenario().start().isPresent() ? events
                : events.start(LocalDate.now(ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    /** The first {@code count} events: stream, record text, bytes, partition key, and whether late or a copy. */
    static ObjectNode preview(JsonNode body, int count) {
        ScenarioFile file = parse(body);
        ScenarioIterator events = events(file, body.path("seed").asLong(1)).iterator(count);
        ArrayNode records = Exchanges.JSON.createArrayNode();
        while (events.hasNext()) {
            ScenarioEvent event = events.next();
            boolean json = file.format(event.stream()).name().equals("json");
            records.addObject().put("stream", event.stream()).put("text", json ? event.record().text()
                    : Base64.getEncoder().encodeToString(event.record().bytes()))
                    .put("bytes", event.record().size()).put("partitionKey", event.record().partitionKey())
                    .put("late", event.late()).put("duplicate", event.duplicate());
        }
        ObjectNode answer = Exchanges.JSON.createObjectNode();
        answer.set("records", records);
        answer.set("streams", counts(events.counts(), Map.of()));
        return answer;
    }

    /**
     * Starts sending: every stream to its target, which must exist unless {@code createMissing} asks for the
     * missing Kinesis streams (one shard each); created events are answered before what refers to them is sent.
     */
    static UiRun start(UiRuns runs, UiTarget target, JsonNode body, RateProfile rate,
            UnaryOperator<Generator> limits) {
        ScenarioFile file = parse(body);
        boolean createMissing = body.path("createMissing").asBoolean(false);
        List<String> missing = new ArrayList<>();
        Map<String, RecordSink> sinks = new LinkedHashMap<>();
        List<String> destinations = new ArrayList<>();
        for (EventStream stream : file.scenario().streams()) {
            ScenarioFile.Target to = file.target(stream.name());
            boolean kinesis = to.kind() == ScenarioFile.Target.Kind.KINESIS;
            boolean exists = kinesis ? Provisioning.streamExists(target.kinesis(), to.name())
                    : Provisioning.deliveryStreamExists(target.firehose(), to.name());
            if (!exists && kinesis && createMissing) {
                Provisioning.ensureStream(target.kinesis(), to.name(), 1, CREATE_TIMEOUT);
            } else if (!exists) {
                missing.add((kinesis ? "stream " : "delivery stream ") + to.name());
            }
            destinations.add(stream.name() + (stream.name().equals(to.name()) && kinesis ? ""
                    : " -> " + (kinesis ? "" : "firehose ") + to.name()));
        }
        if (!missing.isEmpty()) {
            throw new Api.BadRequest("the scenario sends to " + String.join(", ", missing) + ", which "
                    + (missing.size() == 1 ? "does" : "do") + " not exist at " + target.description()
                    + (createMissing ? "" : "; tick 'create missing streams' or create them"));
        }
        for (EventStream stream : file.scenario().streams()) {
            ScenarioFile.Target to = file.target(stream.name());
            ObjectNode options = body.deepCopy();
            if (!file.format(stream.name()).name().equals("json")) {
                options.put("newline", false);   // a line break would be a byte of the next binary record
            }
            sinks.put(stream.name(), to.kind() == ScenarioFile.Target.Kind.KINESIS
                    ? Api.kinesisSink(target, to.name(), options) : Api.firehoseSink(target, to.name(), options));
        }
        RoutingSink routing = new RoutingSink(sinks, file.scenario().streams().stream()
                .filter(s -> s instanceof EventStream.Created).map(EventStream::name).collect(Collectors.toSet()));
        ScenarioTally tally = new ScenarioTally();
        Generator generator = limits.apply(Generator.from(events(file, body.path("seed").asLong(1)).tally(tally))
                .rate(rate));
        Supplier<JsonNode> perStream = () -> counts(tally.counts(), routing.counts());
        UiRun run = new UiRun(runs.nextId(), "scenario", "streams " + String.join(", ", destinations), rate,
                generator.to(routing).start(), routing, perStream);
        runs.add(run);
        return run;
    }

    private static ObjectNode counts(Map<String, StreamCounts> counts, Map<String, RoutingSink.RouteCounts> sent) {
        ObjectNode node = Exchanges.JSON.createObjectNode();
        counts.forEach((stream, c) -> {
            ObjectNode one = node.putObject(stream).put("events", c.events()).put("late", c.late())
                    .put("duplicates", c.duplicates());
            RoutingSink.RouteCounts outcome = sent.get(stream);
            if (outcome != null) {
                one.put("acked", outcome.acked()).put("failed", outcome.failed());
            }
        });
        return node;
    }
}
