package io.kdg4j.cli.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.kdg4j.aws.DeliveryStreamSpec;
import io.kdg4j.aws.FirehoseSink;
import io.kdg4j.aws.KinesisSink;
import io.kdg4j.aws.LandingReader;
import io.kdg4j.aws.Provisioning;
import io.kdg4j.core.KdgException;
import io.kdg4j.core.RecordGenerator;
import io.kdg4j.core.RecordSchema;
import io.kdg4j.core.encode.Encoders;
import io.kdg4j.core.encode.RecordEncoder;
import io.kdg4j.core.kdg.HelperDescription;
import io.kdg4j.core.kdg.KdgTemplate;
import io.kdg4j.core.kdg.TemplateException;
import io.kdg4j.core.scenario.file.ScenarioFileException;
import io.kdg4j.core.preset.Preset;
import io.kdg4j.core.preset.Presets;
import io.kdg4j.core.rate.RateProfile;
import io.kdg4j.core.rate.RateSpecs;
import io.kdg4j.core.record.ByteOutput;
import io.kdg4j.core.run.Generator;
import io.kdg4j.core.run.GeneratorRun;
import io.kdg4j.core.run.RecordSink;
import io.kdg4j.core.run.SimulatedTime;
import io.kdg4j.core.schema.PartitionKeySpec;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/**
 * The JSON API under {@code /api/v1} that the page uses, and that scripts may use too (docs/ui.md lists it). It
 * makes the same library calls as {@code kdg send}: a schema or template, a {@link Generator}, a Kinesis or
 * Firehose sink.
 */
final class Api {
    /** How far "what arrived" reads into a shard's last five minutes: 200 pages of up to 10,000 records. */
    private static final int LATEST_MAX_PAGES = 200;

    static final String PREFIX = "/api/v1/";
    private static final int MAX_BODY = 4 * 1024 * 1024;
    private static final int MAX_PREVIEW = 100;
    private static final Duration PROVISIONING_TIMEOUT = Duration.ofMinutes(2);

    private final UiTargets targets;
    private final TemplateStore templates;
    private final UiRuns runs;

    Api(UiTargets targets, TemplateStore templates, UiRuns runs) {
        this.targets = targets;
        this.templates = templates;
        this.runs = runs;
    }

    /** Bad input from the page: answered 400 with the message (and a template's place). */
    static final class BadRequest extends KdgException {
        private static final long serialVersionUID = 1L;

        BadRequest(String message) {
            super(message);
        }
    }

    void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath().substring(PREFIX.length());
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/")) {
            parts.add(URLDecoder.decode(part, StandardCharsets.UTF_8));
        }
        try {
            route(exchange, method, parts);
        } catch (TemplateException e) {
            ObjectNode body = Exchanges.JSON.createObjectNode().put("error", e.getMessage()).put("line", e.line())
                    .put("column", e.column()).put("token", e.token()).put("problem", e.problem());
            if (e.suggestion() != null) {
                body.put("suggestion", e.suggestion());
            }
            Exchanges.json(exchange, 400, body);
        } catch (ScenarioFileException e) {
            ObjectNode body = Exchanges.JSON.createObjectNode().put("error", e.getMessage());
            body.set("problems", Exchanges.JSON.valueToTree(e.problems()));
            Exchanges.json(exchange, 400, body);
        } catch (TemplateStore.TemplateNotFound e) {
            Exchanges.error(exchange, 404, e.getMessage());
        } catch (KdgException | IllegalArgumentException e) {
            Exchanges.error(exchange, 400, e.getMessage());
        } catch (AwsServiceException e) {
            int status = e.statusCode() == 400 && e.awsErrorDetails() != null
                    && "ResourceNotFoundException".equals(e.awsErrorDetails().errorCode()) ? 404 : 502;
            Exchanges.error(exchange, status, (e.awsErrorDetails() != null ? e.awsErrorDetails().errorCode() + ": "
                    + e.awsErrorDetails().errorMessage() : e.getMessage()));
        }
    }

    /** The {@code region} query parameter, on AWS, where the page lets the user choose the region. */
    private static String region(HttpExchange exchange) {
        String query = exchange.getRequestURI().getRawQuery();
        if (query != null) {
            for (String part : query.split("&")) {
                if (part.startsWith("region=")) {
                    return URLDecoder.decode(part.substring("region=".length()), StandardCharsets.UTF_8);
                }
            }
        }
        return null;
    }

    private void route(HttpExchange exchange, String method, List<String> parts) throws IOException {
        String first = parts.get(0);
        int n = parts.size();
        UiTarget target = targets.get(region(exchange));
        if (first.equals("info") && n == 1 && method.equals("GET")) {
            ObjectNode info = Exchanges.JSON.createObjectNode().put("target", target.description())
                    .put("emulator", target.isEmulator()).put("templatesDir", templates.directory().toString());
            if (targets.regionsChoosable()) {
                info.put("region", targets.defaultRegion());
                info.set("regions", Exchanges.JSON.valueToTree(UiTargets.regions()));
            }
            Exchanges.json(exchange, 200, info);
        } else if (first.equals("helpers") && n == 1 && method.equals("GET")) {
            helpers(exchange);
        } else if (first.equals("delivery-streams") && n == 3 && parts.get(2).equals("landed")
                && method.equals("GET")) {
            landed(exchange, target, parts.get(1));
        } else if (first.equals("presets") && n == 1 && method.equals("GET")) {
            Exchanges.json(exchange, 200, Presets.names());
        } else if (first.equals("profile") && n == 1 && method.equals("POST")) {
            profile(exchange, body(exchange));
        } else if (first.equals("preview") && n == 1 && method.equals("POST")) {
            preview(exchange, body(exchange));
        } else if (first.equals("templates")) {
            templates(exchange, method, parts);
        } else if (first.equals("destinations") && n == 1 && method.equals("GET")) {
            destinations(exchange, target);
        } else if (first.equals("streams") && n == 1 && method.equals("POST")) {
            createStream(exchange, target, body(exchange));
        } else if (first.equals("streams") && n == 3 && parts.get(2).equals("latest") && method.equals("GET")) {
            latest(exchange, target, parts.get(1));
        } else if (first.equals("delivery-streams") && n == 1 && method.equals("POST")) {
            createDeliveryStream(exchange, target, body(exchange));
        } else if (first.equals("runs")) {
            runs(exchange, target, method, parts);
        } else {
            Exchanges.error(exchange, 404, "no such API call: " + method + " " + PREFIX + String.join("/", parts));
        }
    }

    private static JsonNode body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) {
                throw new BadRequest("the request body is over " + MAX_BODY + " bytes");
            }
            JsonNode node = Exchanges.JSON.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw new BadRequest("the request body must be a JSON object");
            }
            return node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new BadRequest("the request body is not JSON: " + e.getOriginalMessage());
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** The records of the request: a template (compiled) or a preset; with its default encoder. */
    private record Source(String description, RecordSchema schema, RecordEncoder encoder) {
    }

    private static Source source(JsonNode body) {
        String template = text(body, "template");
        String preset = text(body, "preset");
        if ((template == null) == (preset == null)) {
            throw new BadRequest("give exactly one of template and preset");
        }
        RecordSchema schema;
        if (template != null) {
            if (template.isBlank()) {
                throw new BadRequest("template: the template is empty");
            }
            schema = KdgTemplate.compile(template).schema();
        } else {
            Preset chosen = Presets.get(preset);
            schema = chosen.schema();
            if (chosen.defaultFormat().equals("text")) {
                return withKey(body, new Source("preset " + preset, schema, Encoders.text()));
            }
            return withKey(body, new Source("preset " + preset, schema, Encoders.json()));
        }
        return withKey(body, new Source("template", schema, Encoders.text()));
    }

    private static Source withKey(JsonNode body, Source source) {
        String key = text(body, "partitionKey");
        if (key == null || key.isBlank()) {
            return source;
        }
        return new Source(source.description(), source.schema().partitionKey(PartitionKeySpec.parse(key)),
                source.encoder());
    }

    private void preview(HttpExchange exchange, JsonNode body) throws IOException {
        int count = body.path("count").asInt(5);
        if (count < 1 || count > MAX_PREVIEW) {
            throw new BadRequest("count must be in [1, " + MAX_PREVIEW + "] but was " + count);
        }
        if (body.hasNonNull("scenario")) {
            Exchanges.json(exchange, 200, ScenarioRuns.preview(body, count));
            return;
        }
        Source source = source(body);
        long seed = body.path("seed").asLong(1);
        RecordGenerator generator = RecordGenerator.of(source.schema(), seed);
        ArrayNode records = Exchanges.JSON.createArrayNode();
        ByteOutput out = new ByteOutput(4096);
        for (int i = 0; i < count; i++) {
            out.reset();
            source.encoder().encode(generator.generate(i), out);
            String key = generator.partitionKey();
            String text = new String(out.toByteArray(), StandardCharsets.UTF_8);
            records.addObject().put("text", text).put("bytes", out.size()).put("partitionKey", key);
        }
        ObjectNode answer = Exchanges.JSON.createObjectNode();
        answer.set("records", records);
        if (text(body, "template") != null) {
            answer.set("warnings", Exchanges.JSON.valueToTree(KdgTemplate.compile(text(body, "template")).warnings()));
        }
        Exchanges.json(exchange, 200, answer);
    }

    private void templates(HttpExchange exchange, String method, List<String> parts) throws IOException {
        if (parts.size() == 1 && method.equals("GET")) {
            Exchanges.json(exchange, 200, templates.names());
            return;
        }
        if (parts.size() != 2) {
            throw new BadRequest("templates are addressed as " + PREFIX + "templates/NAME");
        }
        String name = parts.get(1);
        switch (method) {
            case "GET" -> Exchanges.json(exchange, 200, Exchanges.JSON.createObjectNode().put("name", name)
                    .put("template", templates.read(name)));
            case "PUT" -> {
                JsonNode body = body(exchange);
                String renameTo = text(body, "renameTo");
                if (renameTo != null) {
                    templates.rename(name, renameTo);
                } else {
                    String template = text(body, "template");
                    if (template == null) {
                        throw new BadRequest("PUT a template as {\"template\": \"...\"}");
                    }
                    templates.write(name, template);
                }
                Exchanges.json(exchange, 200, templates.names());
            }
            case "DELETE" -> {
                if (!templates.delete(name)) {
                    throw new TemplateStore.TemplateNotFound(name);
                }
                Exchanges.json(exchange, 200, templates.names());
            }
            default -> Exchanges.error(exchange, 405, method + " is not allowed on a template");
        }
    }

    /** Every helper, with a sample value rendered by kdg4j (seed 1), for the page's searchable list. */
    private static void helpers(HttpExchange exchange) throws IOException {
        ArrayNode answer = Exchanges.JSON.createArrayNode();
        for (HelperDescription helper : KdgTemplate.helpers()) {
            ObjectNode node = answer.addObject().put("name", helper.name()).put("arguments", helper.arguments())
                    .put("generates", helper.generates());
            try {
                RecordGenerator generator = RecordGenerator.of(KdgTemplate.compile("{{" + helper.name() + "}}")
                        .schema(), 1);
                node.put("sample", generator.generate(0).textAt(0));
            } catch (KdgException needsArguments) {
                node.putNull("sample");
            }
        }
        Exchanges.json(exchange, 200, answer);
    }

    /** The objects a delivery stream landed in S3, newest last, each with its first lines. */
    private static void landed(HttpExchange exchange, UiTarget target, String name) throws IOException {
        var description = target.firehose().describeDeliveryStream(b -> b.deliveryStreamName(name))
                .deliveryStreamDescription();
        var s3 = description.destinations().get(0).extendedS3DestinationDescription();
        String bucket = s3.bucketARN().substring(s3.bucketARN().lastIndexOf(':') + 1);
        String prefix = s3.prefix() == null ? "" : s3.prefix().replaceAll("!\\{.*", "");
        ArrayNode answer = Exchanges.JSON.createArrayNode();
        List<String> keys = LandingReader.keys(target.s3(), bucket, prefix);
        for (String key : keys.subList(Math.max(0, keys.size() - 20), keys.size())) {
            String[] lines = LandingReader.objectText(target.s3(), bucket, key).split("\n", 4);
            ArrayNode first = answer.addObject().put("bucket", bucket).put("key", key).putArray("firstLines");
            for (int i = 0; i < Math.min(3, lines.length); i++) {
                first.add(lines[i]);
            }
        }
        Exchanges.json(exchange, 200, answer);
    }

    private static void destinations(HttpExchange exchange, UiTarget target) throws IOException {
        ObjectNode answer = Exchanges.JSON.createObjectNode();
        ArrayNode streams = answer.putArray("streams");
        target.kinesis().listStreamsPaginator(b -> { }).streamNames().forEach(streams::add);
        ArrayNode deliveryStreams = answer.putArray("deliveryStreams");
        String after = null;
        while (true) {
            String start = after;
            var page = target.firehose().listDeliveryStreams(b -> b.limit(100).exclusiveStartDeliveryStreamName(start));
            page.deliveryStreamNames().forEach(deliveryStreams::add);
            if (!Boolean.TRUE.equals(page.hasMoreDeliveryStreams()) || page.deliveryStreamNames().isEmpty()) {
                break;
            }
            after = page.deliveryStreamNames().get(page.deliveryStreamNames().size() - 1);
        }
        Exchanges.json(exchange, 200, answer);
    }

    private static void createStream(HttpExchange exchange, UiTarget target, JsonNode body) throws IOException {
        String name = text(body, "name");
        if (name == null || name.isBlank()) {
            throw new BadRequest("name: a stream needs a name");
        }
        int shards = body.path("shards").asInt(1);
        boolean created = Provisioning.ensureStream(target.kinesis(), name, shards, PROVISIONING_TIMEOUT);
        Exchanges.json(exchange, created ? 201 : 200, Exchanges.JSON.createObjectNode().put("name", name)
                .put("created", created));
    }

    private static void createDeliveryStream(HttpExchange exchange, UiTarget target, JsonNode body) throws IOException {
        String name = text(body, "name");
        String bucket = text(body, "bucket");
        if (name == null || bucket == null) {
            throw new BadRequest("a delivery stream needs a name and a bucket");
        }
        DeliveryStreamSpec spec = DeliveryStreamSpec.of(name, bucket)
                .withPrefix(body.path("prefix").asText(""), text(body, "errorPrefix"))
                .withBuffering(body.path("bufferMb").asInt(1), body.path("bufferSeconds").asInt(60));
        boolean created = Provisioning.ensureDeliveryStream(target.firehose(), target.s3(), spec,
                PROVISIONING_TIMEOUT);
        Exchanges.json(exchange, created ? 201 : 200, Exchanges.JSON.createObjectNode().put("name", name)
                .put("created", created));
    }

    /** The newest records of every shard, from the last five minutes, newest last. */
    private static void latest(HttpExchange exchange, UiTarget target, String stream) throws IOException {
        int count = 20;
        String query = exchange.getRequestURI().getRawQuery();
        if (query != null && query.startsWith("count=")) {
            count = Math.max(1, Math.min(500, Integer.parseInt(query.substring("count=".length()))));
        }
        List<Record> seen = new ArrayList<>();
        List<String> shardOf = new ArrayList<>();
        Instant since = Instant.now().minus(Duration.ofMinutes(5));
        for (Shard shard : target.kinesis().listShards(b -> b.streamName(stream)).shards()) {
            String iterator = target.kinesis().getShardIterator(b -> b.streamName(stream).shardId(shard.shardId())
                    .shardIteratorType(ShardIteratorType.AT_TIMESTAMP).timestamp(since)).shardIterator();
            // read up to the tip, keeping only this shard's last `count` records
            ArrayDeque<Record> last = new ArrayDeque<>(count);
            for (int page = 0; page < LATEST_MAX_PAGES && iterator != null; page++) {
                String current = iterator;
                GetRecordsResponse response = target.kinesis().getRecords(b -> b.shardIterator(current)
                        .limit(10_000));
                for (Record record : response.records()) {
                    if (last.size() == count) {
                        last.removeFirst();
                    }
                    last.addLast(record);
                }
                iterator = response.records().isEmpty() || Long.valueOf(0).equals(response.millisBehindLatest())
                        ? null : response.nextShardIterator();
            }
            for (Record record : last) {
                seen.add(record);
                shardOf.add(shard.shardId());
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < seen.size(); i++) {
            order.add(i);
        }
        order.sort((a, b) -> seen.get(a).approximateArrivalTimestamp().compareTo(seen.get(b)
                .approximateArrivalTimestamp()));
        ArrayNode answer = Exchanges.JSON.createArrayNode();
        for (int i = Math.max(0, order.size() - count); i < order.size(); i++) {
            Record record = seen.get(order.get(i));
            answer.addObject().put("shard", shardOf.get(order.get(i))).put("sequenceNumber", record.sequenceNumber())
                    .put("partitionKey", record.partitionKey())
                    .put("arrival", String.valueOf(record.approximateArrivalTimestamp()))
                    .put("data", record.data().asUtf8String());
        }
        Exchanges.json(exchange, 200, answer);
    }

    private void runs(HttpExchange exchange, UiTarget target, String method, List<String> parts) throws IOException {
        if (parts.size() == 1 && method.equals("GET")) {
            ArrayNode all = Exchanges.JSON.createArrayNode();
            runs.all().forEach(run -> all.add(run.snapshot(false)));
            Exchanges.json(exchange, 200, all);
            return;
        }
        if (parts.size() == 1 && method.equals("POST")) {
            UiRun run = start(target, body(exchange));
            Exchanges.json(exchange, 201, Exchanges.JSON.createObjectNode().put("id", run.id()));
            return;
        }
        UiRun run;
        try {
            run = runs.get(Integer.parseInt(parts.get(1)));
        } catch (NumberFormatException e) {
            run = null;
        }
        if (run == null) {
            Exchanges.error(exchange, 404, "no run " + parts.get(1));
        } else if (parts.size() == 2 && method.equals("GET")) {
            Exchanges.json(exchange, 200, run.snapshot(true));
        } else if (parts.size() == 3 && parts.get(2).equals("stop") && method.equals("POST")) {
            run.stop();
            Exchanges.json(exchange, 200, run.snapshot(false));
        } else if (parts.size() == 3 && parts.get(2).equals("events") && method.equals("GET")) {
            EventStream.serve(exchange, run);
        } else {
            Exchanges.error(exchange, 404, "no such API call: " + method + " " + PREFIX + String.join("/", parts));
        }
    }

    /** The rate a request asks for: a KDG periodic grid, a profile, records/s, or as fast as it goes. */
    private static RateProfile rate(JsonNode body) {
        if (body.hasNonNull("periodicGrid") && !text(body, "periodicGrid").isBlank()) {
            return RateSpecs.periodicGrid(List.of(text(body, "periodicGrid").split("\n")), "(from the page)",
                    body.path("seed").asLong(1));
        }
        if (body.hasNonNull("rateProfile") && !text(body, "rateProfile").isBlank()) {
            return RateProfile.parse(text(body, "rateProfile"));
        }
        if (body.hasNonNull("rate")) {
            double perSecond = body.get("rate").asDouble();
            if (!(perSecond > 0)) {
                throw new BadRequest("rate must be a positive number of records/s but was " + text(body, "rate"));
            }
            return RateProfile.constant(perSecond);
        }
        return RateProfile.unlimited();
    }

    /** The asked rate over {@code seconds} (200 points), to plot a profile before sending. */
    private static void profile(HttpExchange exchange, JsonNode body) throws IOException {
        RateProfile rate = rate(body);
        if (rate instanceof RateProfile.Unlimited) {
            throw new BadRequest("give a rate, a rateProfile or a periodicGrid to plot");
        }
        double seconds = body.path("seconds").asDouble(600);
        if (!(seconds > 0) || seconds > 31 * 86_400) {
            throw new BadRequest("seconds must be in (0, 2678400] but was " + seconds);
        }
        ArrayNode points = Exchanges.JSON.createArrayNode();
        for (int i = 0; i <= 200; i++) {
            double t = seconds * i / 200;
            points.addArray().add(t).add(rate.rateAt(t));
        }
        Exchanges.json(exchange, 200, points);
    }

    static RecordSink kinesisSink(UiTarget target, String stream, JsonNode body) {
        KinesisSink.Builder sink = KinesisSink.builder(target.kinesisAsync(), stream);
        if (body.path("aggregate").asBoolean(false)) {
            sink.aggregation();
        }
        if (body.path("shardPacing").asBoolean(false)) {
            sink.shardAwarePacing();
        }
        return sink.build();
    }

    /**
     * Records end with a newline unless {@code "newline": false}; compressed records never do (KDG gzips each
     * record without one).
     */
    static RecordSink firehoseSink(UiTarget target, String deliveryStream, JsonNode body) {
        FirehoseSink.Builder sink = FirehoseSink.builder(target.firehoseAsync(), deliveryStream);
        if (!body.path("newline").asBoolean(true) || body.path("compress").asBoolean(false)) {
            sink.delimiter("");
        }
        return sink.build();
    }

    /** KDG's periodic mode with "Lock to real time" off: {from, to, tickSeconds, waitMillis}, or null. */
    private static SimulatedTime simulatedTime(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        Instant from;
        Instant to;
        try {
            from = SimulatedTime.parseInstant(node.path("from").asText(""), "simulatedTime.from");
            to = SimulatedTime.parseInstant(node.path("to").asText(""), "simulatedTime.to");
        } catch (IllegalArgumentException e) {
            throw new BadRequest(e.getMessage());
        }
        double tickSeconds = node.path("tickSeconds").asDouble(5);
        long waitMillis = node.path("waitMillis").asLong(100);
        if (!(tickSeconds > 0) || tickSeconds > 86_400) {
            throw new BadRequest("simulatedTime.tickSeconds must be in (0, 86400] but was " + tickSeconds);
        }
        if (waitMillis < 0 || waitMillis > 3_600_000) {
            throw new BadRequest("simulatedTime.waitMillis must be in [0, 3600000] but was " + waitMillis);
        }
        try {
            return SimulatedTime.between(from, to).ticks(Duration.ofMillis(Math.round(tickSeconds * 1000)),
                    Duration.ofMillis(waitMillis));
        } catch (IllegalArgumentException e) {
            throw new BadRequest("simulatedTime: " + e.getMessage());
        }
    }

    /** The request's limits: records (of the whole run) or a duration. */
    private static Generator limited(Generator generator, JsonNode body) {
        if (body.hasNonNull("records")) {
            long records = body.get("records").asLong();
            if (records < 1) {
                throw new BadRequest("records must be >= 1 but was " + records);
            }
            generator = generator.limit(records);
        }
        if (body.hasNonNull("duration") && !text(body, "duration").isBlank()) {
            generator = generator.limit(RateSpecs.duration(text(body, "duration")));
        }
        return generator;
    }

    private UiRun start(UiTarget target, JsonNode body) {
        if (body.hasNonNull("scenario")) {
            if (body.hasNonNull("simulatedTime")) {
                throw new BadRequest("simulatedTime is for templates and presets: a scenario keeps its own event time");
            }
            return ScenarioRuns.start(runs, target, body, rate(body), generator -> limited(generator, body));
        }
        Source source = source(body);
        String stream = text(body, "stream");
        String deliveryStream = text(body, "deliveryStream");
        if ((stream == null) == (deliveryStream == null)) {
            throw new BadRequest("give exactly one of stream and deliveryStream");
        }
        RateProfile rate = rate(body);
        boolean compress = body.path("compress").asBoolean(false);
        Generator generator = limited(Generator.from(source.schema()).seed(body.path("seed").asLong(1))
                .encoder(compress ? Encoders.gzip(source.encoder()) : source.encoder()).rate(rate), body);
        SimulatedTime simulated = simulatedTime(body.get("simulatedTime"));
        if (simulated != null) {
            if (rate instanceof RateProfile.Unlimited) {
                throw new BadRequest("simulated time needs a rate: records/s, a profile or a periodic grid");
            }
            generator = generator.simulatedTime(simulated);
        }
        String destination = stream != null ? stream : deliveryStream;
        boolean exists = stream != null ? Provisioning.streamExists(target.kinesis(), stream)
                : Provisioning.deliveryStreamExists(target.firehose(), deliveryStream);
        if (!exists) {
            throw new BadRequest((stream != null ? "stream " : "delivery stream ") + destination + " does not exist "
                    + "at " + target.description());
        }
        RecordSink sink = stream != null ? kinesisSink(target, stream, body)
                : firehoseSink(target, deliveryStream, body);
        GeneratorRun started = generator.to(sink).start();
        // in simulated time the asked rate is per simulated second: the live view does not plot it against wall time
        UiRun run = new UiRun(runs.nextId(), source.description(), (stream != null ? "stream " : "delivery stream ")
                + destination, simulated == null ? rate : RateProfile.unlimited(), started, sink);
        runs.add(run);
        return run;
    }
}
