package io.kdg4j.cli;

import io.kdg4j.aws.AwsEndpoint;
import io.kdg4j.aws.BatchConfig;
import io.kdg4j.aws.DeliveryStreamSpec;
import io.kdg4j.aws.FirehoseSink;
import io.kdg4j.aws.KinesisSink;
import io.kdg4j.aws.Provisioning;
import io.kdg4j.core.InstanceShare;
import io.kdg4j.core.KdgException;
import io.kdg4j.core.RecordGenerator;
import io.kdg4j.core.RecordSchema;
import io.kdg4j.core.encode.RecordEncoder;
import io.kdg4j.core.rate.RateProfile;
import io.kdg4j.core.rate.RateSpecs;
import io.kdg4j.core.run.Generator;
import io.kdg4j.core.run.GeneratorRun;
import io.kdg4j.core.run.RecordSink;
import io.kdg4j.core.run.RoutingSink;
import io.kdg4j.core.run.RunSummary;
import io.kdg4j.core.run.SimulatedTime;
import io.kdg4j.core.scenario.EventStream;
import io.kdg4j.core.scenario.Scenario;
import io.kdg4j.core.scenario.ScenarioEvents;
import io.kdg4j.core.scenario.ScenarioTally;
import io.kdg4j.core.scenario.file.ScenarioFile;
import io.kdg4j.core.schema.PartitionKeySpec;
import io.kdg4j.formats.StreamFormats;
import io.kdg4j.local.LocalEmulator;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.s3.S3Client;

/** {@code kdg send}: records into a Kinesis stream or a Firehose delivery stream, at a rate, with a summary. */
@Command(name = "send", mixinStandardHelpOptions = true,
        description = "Send generated records to a Kinesis data stream or a Firehose delivery stream.")
final class SendCommand implements Callable<Integer>, ErrorHandler.Connected {
    private static final Duration PROVISIONING_TIMEOUT = Duration.ofMinutes(5);

    @Spec
    CommandSpec spec;

    @ParentCommand
    Kdg kdg;

    @ArgGroup(exclusive = true, multiplicity = "1")
    RecordSource source;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Target target;

    /** Exactly one destination (a scenario file names its own, one per stream). */
    static final class Target {
        @Option(names = "--stream", paramLabel = "NAME", description = "A Kinesis data stream.")
        String stream;

        @Option(names = "--delivery-stream", paramLabel = "NAME", description = "A Firehose delivery stream.")
        String deliveryStream;
    }

    @Mixin
    Connection connection;

    @Option(names = "--create", description = "Create the stream (or bucket and delivery stream) if missing; "
            + "implied by --endpoint local, whose emulator starts empty.")
    boolean create;

    @Option(names = "--shards", paramLabel = "K", defaultValue = "1",
            description = "Shards of a stream made by --create; 0 for on-demand (default: ${DEFAULT-VALUE}).")
    int shards;

    @Option(names = "--bucket", paramLabel = "B", description = "The S3 bucket of a delivery stream made by --create.")
    String bucket;

    @Option(names = "--prefix", paramLabel = "P", defaultValue = "",
            description = "The S3 prefix of a delivery stream made by --create, e.g. streaming/!{timestamp:yyyy/MM/}.")
    String prefix;

    @Option(names = "--error-prefix", paramLabel = "P",
            description = "Its error output prefix (needed when --prefix has expressions).")
    String errorPrefix;

    @Option(names = "--buffer-mb", paramLabel = "M", defaultValue = "5",
            description = "Its buffering size hint in MiB, 1..128 (default: ${DEFAULT-VALUE}).")
    int bufferMb;

    @Option(names = "--buffer-seconds", paramLabel = "S", defaultValue = "300",
            description = "Its buffering interval hint in seconds, 0..900 (default: ${DEFAULT-VALUE}).")
    int bufferSeconds;

    @Option(names = "--role-arn", paramLabel = "ARN",
            description = "The IAM role a delivery stream made by --create writes to S3 with (required on AWS).")
    String roleArn;

    @ArgGroup(exclusive = true)
    Rate rate;

    /** At most one way to say the rate. */
    static final class Rate {
        @Option(names = "--rate", paramLabel = "R", description = "Records per second (default: as fast as the "
                + "endpoint takes them).")
        Double recordsPerSecond;

        @Option(names = "--rate-profile", paramLabel = "SPEC",
                description = "A rate that changes: ramp:100..5000/60s, steps:1000/30s,5000/30s,2000, "
                        + "sine:mean=1000,amplitude=500,period=10m, diurnal:min=100,max=2000, "
                        + "bursts:base=100,peak=5000,every=60s,for=5s, periodic:mean=100,spread=10, "
                        + "periodic:file=GRID.csv (7 lines, Sunday first, of 24 mean:spread cells).")
        String profile;
    }

    @ArgGroup(exclusive = true)
    Limit limit;

    /** At most one limit; none runs until Ctrl-C. */
    static final class Limit {
        @Option(names = "--records", paramLabel = "N", description = "Stop after N records (of the whole run).")
        Long records;

        @Option(names = "--duration", paramLabel = "D", description = "Stop after D: 10s, 5m, 1h or PT10S.")
        String duration;
    }

    @Option(names = "--seed", paramLabel = "S", description = "Seed (random, and printed, if absent).")
    Long seed;

    @Mixin
    SimulatedTimeOptions simulated;

    @Option(names = "--partition-key", paramLabel = "EXPR",
            description = "random (KDG's default), field:PATH (a field of the record; of a KDG template's JSON "
                    + "too), a template such as $${region}-$${id}, or a constant.")
    String partitionKey;

    @Option(names = "--instance", paramLabel = "i/N", defaultValue = "0/1",
            description = "Send share i of N: disjoint record indexes and 1/N of the rate and of --records.")
    String instance;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "json, jsonl, csv, text, avro or protobuf (default: text for templates and apache-log, "
                    + "else json).")
    String format;

    @Mixin
    SchemaOptions schemaOptions;

    @Option(names = "--drain-timeout", paramLabel = "D", defaultValue = "10s",
            description = "After Ctrl-C, how long to wait for the records in flight to be answered before the "
                    + "summary (default: ${DEFAULT-VALUE}); a second Ctrl-C stops at once.")
    String drainTimeout;

    @Option(names = "--shard-pacing",
            description = "Keep each shard under 1,000 records/s and 1 MiB/s, as the KPL does (Kinesis only).")
    boolean shardPacing;

    @Option(names = "--aggregate",
            description = "KPL aggregation: many records in each Kinesis record, one aggregate per shard; KCL "
                    + "consumers see the records (Kinesis only).")
    boolean aggregate;

    @Option(names = "--in-order", description = "One request at a time, so each shard (or delivery stream) receives "
            + "the records in the order they were made; with --sim-time, in simulated-time order. Slower; a throttled "
            + "record that is retried still arrives later.")
    boolean inOrder;

    @Option(names = "--summary-json", paramLabel = "FILE", description = "Also write the summary as JSON here.")
    Path summaryJson;

    /** Set by tests to stop an unbounded run; in real use Ctrl-C does. */
    volatile GeneratorRun running;

    @Override
    public Connection connection() {
        return connection;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        Settings settings = checkFlags();
        connection.check();
        if (source.isScenario()) {
            return sendScenario(settings, err);
        }
        RecordSource.Resolved resolved = source.resolve(err);
        RecordSchema schema = partitionKey == null ? resolved.schema()
                : resolved.schema().partitionKey(partitionKeySpec(partitionKey));
        long runSeed = seed != null ? seed : new SplittableRandom().nextLong();
        checkPartitionKey(schema, runSeed);
        RecordEncoder encoder = Formats.encoder(format, resolved, schema, schemaOptions);
        Generator generator = limited(Generator.from(schema).seed(runSeed).encoder(encoder)
                .share(settings.share).rate(settings.rate), settings);
        if (settings.simulatedTime != null) {
            generator = generator.simulatedTime(settings.simulatedTime);
            err.println("kdg send: simulated time " + settings.simulatedTime.from() + ".." + settings.simulatedTime.to()
                    + ", " + settings.simulatedTime.pace() + "; Kinesis' arrival timestamps stay real");
        }
        return run(generator, settings, err, runSeed, "records", aws -> {
            provision(aws, create || connection.isLocal(), err, target.stream, target.deliveryStream);
            return sinkFor(aws, target.stream, target.deliveryStream, Formats.isBinary(format));
        }, sink -> null);
    }

    /** {@code --scenario}: each stream to its own target, every one accounted for, per stream in the summary. */
    private int sendScenario(Settings settings, PrintWriter err) throws Exception {
        ScenarioFile file = source.scenarioFile();
        Scenario scenario = file.scenario();
        boolean creating = create || connection.isLocal();
        boolean toFirehose = scenario.streams().stream()
                .anyMatch(s -> file.target(s.name()).kind() == ScenarioFile.Target.Kind.FIREHOSE);
        if (toFirehose && creating && bucket == null) {
            throw bad("--create with a scenario that sends to Firehose needs --bucket (where Firehose delivers)");
        }
        long runSeed = seed != null ? seed : new SplittableRandom().nextLong();
        ScenarioTally tally = new ScenarioTally();
        ScenarioEvents events = ScenarioEvents.from(scenario).seed(runSeed).share(settings.share).tally(tally)
                .encoders(StreamFormats.encoders(file));
        if (settings.eventTimeSpeed > 0) {
            events = events.inEventTime(settings.eventTimeSpeed);
            err.println("kdg send: the scenario in its event time, " + speed(settings.eventTimeSpeed)
                    + (scenario.start().isPresent() ? " from its start " + scenario.start().get()
                    : " from now"));
        }
        Generator generator = limited(Generator.from(events).rate(settings.rate), settings);
        return run(generator, settings, err, runSeed, "events", aws -> {
            Map<String, RecordSink> sinks = new LinkedHashMap<>();
            for (EventStream stream : scenario.streams()) {
                ScenarioFile.Target to = file.target(stream.name());
                String kinesis = to.kind() == ScenarioFile.Target.Kind.KINESIS ? to.name() : null;
                String firehose = kinesis == null ? to.name() : null;
                provision(aws, creating, err, kinesis, firehose);
                sinks.put(stream.name(), sinkFor(aws, kinesis, firehose,
                        !file.format(stream.name()).name().equals("json")));
            }
            // created events are answered before anything that refers to them is sent to another stream
            return new RoutingSink(sinks, scenario.streams().stream().filter(s -> s instanceof EventStream.Created)
                    .map(EventStream::name).collect(Collectors.toSet()));
        }, sink -> ScenarioCounts.describe(tally.counts(), ((RoutingSink) sink).counts()));
    }

    private static Generator limited(Generator generator, Settings settings) {
        if (settings.records != null) {
            generator = generator.limit(settings.records);
        }
        if (settings.duration != null) {
            generator = generator.limit(settings.duration);
        }
        return generator;
    }

    /**
     * What every send does once it knows its generator: the embedded emulator if asked, the sink (made by
     * {@code sinks}, which provisions what it needs), the run with Ctrl-C handling, the summary (with the line
     * {@code detail} adds, if any) and the exit code.
     */
    private int run(Generator generator, Settings settings, PrintWriter err, long runSeed, String what,
            Function<AwsEndpoint, RecordSink> sinks,
            Function<RecordSink, String> detail) throws Exception {
        LocalEmulator local = connection.startLocal();
        try {
            AwsEndpoint aws = connection.resolve(local);
            if (local != null) {
                err.println("kdg send: embedded emulator on " + local.endpoint() + " (in memory, gone when kdg "
                        + "exits; use kdg local to keep one running)");
            }
            RecordSink sink = sinks.apply(aws);
            if (seed == null) {
                err.println("kdg: seed " + runSeed + " (pass --seed " + runSeed + " to send these " + what
                        + " again)");
            }
            Outcome outcome = null;
            try {
                outcome = send(generator.to(sink), settings, err);
            } finally {
                if (outcome == null || !outcome.abandoned()) {
                    sink.close();
                }
            }
            RunSummary summary = outcome.summary();
            err.println("kdg send: " + summary.describe());
            String more = detail.apply(sink);
            if (more != null) {
                err.println("kdg send: " + more);
            }
            if (outcome.interrupted() && summary.inFlight() == 0) {
                err.println("kdg send: interrupted; every record sent got its answer");
            }
            if (summaryJson != null) {
                Files.writeString(summaryJson, summary.toJson() + "\n", StandardCharsets.UTF_8);
            }
            err.flush();
            if (outcome.interrupted()) {
                return Exit.INTERRUPTED;
            }
            return summary.allAcked() ? Exit.OK : Exit.RECORDS_FAILED;
        } finally {
            if (local != null) {
                local.close();
            }
        }
    }

    /** A partition key read from fields must find them: checked on the first record, before anything is sent. */
    private void checkPartitionKey(RecordSchema schema, long runSeed) {
        if (partitionKey == null || !(partitionKey.startsWith("field:") || partitionKey.contains("${"))) {
            return;
        }
        RecordGenerator first = RecordGenerator.of(schema, runSeed);
        String text = first.generate(0).textAt(0);
        if (first.partitionKey().isEmpty()) {
            throw bad("--partition-key " + partitionKey + " gives an empty key for the first record, which Kinesis "
                    + "refuses: the field is missing or null" + (text.startsWith("{") ? ""
                    : ", or the record is not a JSON object") + " (the first record begins: "
                    + (text.length() > 120 ? text.substring(0, 120) + "..." : text) + ")");
        }
    }

    /** {@code binary}: records that are not lines of text, which Firehose must not end with a line break. */
    private RecordSink sinkFor(AwsEndpoint aws, String stream, String deliveryStream, boolean binary) {
        if (deliveryStream != null) {
            FirehoseSink.Builder firehose = FirehoseSink.builder(aws, deliveryStream);
            if (binary) {
                firehose.delimiter(""); // a line break would be a byte of the next binary record
            }
            if (inOrder) {
                firehose.batch(BatchConfig.firehoseDefaults().withMaxConcurrentRequests(1));
            }
            return firehose.build();
        }
        KinesisSink.Builder kinesis = KinesisSink.builder(aws, stream);
        if (inOrder) {
            kinesis.batch(BatchConfig.kinesisDefaults().withMaxConcurrentRequests(1));
        }
        if (shardPacing) {
            kinesis.shardAwarePacing();
        }
        if (aggregate) {
            kinesis.aggregation();
        }
        return kinesis.build();
    }

    /** How a run ended: its summary, whether a signal stopped it, and whether kdg stopped waiting for its drain. */
    private record Outcome(RunSummary summary, boolean interrupted, boolean abandoned) {
    }

    private Outcome send(Generator generator, Settings settings, PrintWriter err) throws Exception {
        GeneratorRun run = generator.start();
        running = run;
        CompletableFuture<String> abandon = new CompletableFuture<>();
        long[] drainDeadline = {Long.MAX_VALUE};
        Runnable first = () -> {
            drainDeadline[0] = System.nanoTime() + settings.drainTimeout.toNanos();
            run.stop();
            err.println();
            err.println("kdg send: stopping; waiting up to " + Durations.describe(settings.drainTimeout)
                    + " for the records in flight (Ctrl-C again to stop at once)");
            err.flush();
        };
        Runnable second = () -> abandon.complete("interrupted twice: stopped without waiting for the records in "
                + "flight");
        SendProgress.Goal goal = settings.records != null ? SendProgress.Goal.records(
                settings.share.countOf(settings.records)) : settings.duration != null
                ? SendProgress.Goal.duration(settings.duration) : settings.simulatedTime != null
                ? SendProgress.Goal.simulated(settings.simulatedTime) : SendProgress.Goal.none();
        try (StopSignals signals = kdg.handlesSignals() ? StopSignals.install(first, second) : StopSignals.none();
             SendProgress progress = new SendProgress(run, goal, System.console() != null, err, "send")) {
            while (true) {
                try {
                    RunSummary summary = run.completion().get(50, TimeUnit.MILLISECONDS);
                    return new Outcome(summary, signals.received() > 0, false);
                } catch (TimeoutException notYet) {
                    // see whether a signal ended the wait
                }
                if (abandon.isDone()) {
                    return new Outcome(run.summarySoFar(abandon.get()), true, true);
                }
                if (System.nanoTime() > drainDeadline[0]) {
                    return new Outcome(run.summarySoFar("interrupted: the records in flight were not all answered "
                            + "within --drain-timeout " + drainTimeout), true, true);
                }
            }
        }
    }

    /** What the flags say, checked together. */
    /** {@code eventTimeSpeed}: a scenario played in its event time at that factor, or 0. */
    private record Settings(InstanceShare share, RateProfile rate, Long records, Duration duration,
                            Duration drainTimeout, SimulatedTime simulatedTime, double eventTimeSpeed) {
    }

    private Settings checkFlags() {
        InstanceShare share;
        try {
            share = InstanceShare.parse(instance);
        } catch (IllegalArgumentException e) {
            throw bad("--instance: " + e.getMessage());
        }
        RateProfile profile = RateProfile.unlimited();
        if (rate != null && rate.recordsPerSecond != null) {
            if (!(rate.recordsPerSecond > 0) || rate.recordsPerSecond.isInfinite()) {
                throw bad("--rate must be a positive number of records/s but was " + rate.recordsPerSecond);
            }
            profile = RateProfile.constant(rate.recordsPerSecond);
        } else if (rate != null) {
            try {
                profile = RateProfile.parse(rate.profile);
            } catch (IllegalArgumentException e) {
                throw bad("--rate-profile: " + e.getMessage());
            }
        }
        Long records = null;
        Duration duration = null;
        if (limit != null && limit.records != null) {
            if (limit.records < 1) {
                throw bad("--records must be >= 1 but was " + limit.records);
            }
            records = limit.records;
        } else if (limit != null) {
            try {
                duration = RateSpecs.duration(limit.duration);
            } catch (IllegalArgumentException e) {
                throw bad("--duration: " + e.getMessage());
            }
        }
        Duration drain;
        try {
            drain = RateSpecs.duration(drainTimeout);
        } catch (IllegalArgumentException e) {
            throw bad("--drain-timeout: " + e.getMessage());
        }
        if (shards < 0 || shards > 10_000) {
            throw bad("--shards must be in [0, 10000] (0 = on-demand) but was " + shards);
        }
        boolean scenario = source.isScenario();
        if (scenario && target != null) {
            throw bad("--scenario sends each stream where its file says (to: {kinesis: NAME} or {firehose: NAME}; "
                    + "by default the Kinesis stream of the stream's name): --stream and --delivery-stream are for "
                    + "--template and --preset");
        }
        if (!scenario && target == null) {
            throw bad("Missing required argument (specify one of these): (--stream=NAME | --delivery-stream=NAME)");
        }
        if (scenario && (partitionKey != null || format != null || schemaOptions.glueSchemaVersionId != null
                || schemaOptions.avroSchema != null)) {
            throw bad("a scenario's file gives each stream's keys and format: --partition-key, --format, "
                    + "--avro-schema and --glue-schema-version-id are for --template and --preset");
        }
        String stream = scenario ? null : target.stream;
        String deliveryStream = scenario ? null : target.deliveryStream;
        if (stream != null && (bucket != null || !prefix.isEmpty() || errorPrefix != null)) {
            throw bad("--bucket, --prefix and --error-prefix are for --delivery-stream, not --stream");
        }
        if (deliveryStream != null && (shardPacing || aggregate)) {
            throw bad("--shard-pacing and --aggregate are for --stream, not --delivery-stream");
        }
        if (deliveryStream != null && (create || connection.isLocal()) && bucket == null) {
            throw bad("--create with --delivery-stream needs --bucket (where Firehose delivers)"
                    + (create ? "" : "; --endpoint local creates it, so it needs one too"));
        }
        if (bufferMb < 1 || bufferMb > 128) {
            throw bad("--buffer-mb must be in [1, 128] but was " + bufferMb);
        }
        if (bufferSeconds < 0 || bufferSeconds > 900) {
            throw bad("--buffer-seconds must be in [0, 900] but was " + bufferSeconds);
        }
        SimulatedTime simulatedTime = null;
        double eventTimeSpeed = 0;
        try {
            if (scenario) {
                eventTimeSpeed = simulated.eventTimeSpeed();
            } else {
                simulatedTime = simulated.simulatedTime();
            }
        } catch (IllegalArgumentException e) {
            throw bad(e.getMessage());
        }
        if (eventTimeSpeed > 0 && profile != RateProfile.unlimited()) {
            throw bad("--sim-speed plays a scenario in its own event time, and --rate or --rate-profile would pace it "
                    + "by count instead: give one of them");
        }
        if (simulatedTime != null && profile == RateProfile.unlimited()) {
            throw bad("--sim-time needs --rate or --rate-profile: records per simulated second");
        }
        return new Settings(share, profile, records, duration, drain, simulatedTime, eventTimeSpeed);
    }

    /** 1 as "real time", 60 as "60x real time". */
    private static String speed(double factor) {
        return factor == 1 ? "real time" : (factor == Math.rint(factor) ? Long.toString((long) factor)
                : Double.toString(factor)) + "x real time";
    }

    private void provision(AwsEndpoint aws, boolean creating, PrintWriter err, String stream, String deliveryStream) {
        if (stream != null) {
            try (KinesisClient kinesis = aws.kinesis()) {
                if (creating) {
                    if (Provisioning.ensureStream(kinesis, stream, shards, PROVISIONING_TIMEOUT)) {
                        err.println("kdg send: created stream " + stream + " (" + (shards == 0 ? "on-demand"
                                : shards + " shard" + (shards == 1 ? "" : "s")) + ")");
                    }
                } else if (!Provisioning.streamExists(kinesis, stream)) {
                    throw new KdgException("--stream: stream " + stream + " does not exist at "
                            + connection.describe() + " (add --create to create it)");
                }
            }
            return;
        }
        try (FirehoseClient firehose = aws.firehose(); S3Client s3 = aws.s3()) {
            if (creating) {
                DeliveryStreamSpec spec = DeliveryStreamSpec.of(deliveryStream, bucket)
                        .withPrefix(prefix, errorPrefix).withBuffering(bufferMb, bufferSeconds);
                if (roleArn != null) {
                    spec = spec.withRoleArn(roleArn);
                }
                if (Provisioning.ensureDeliveryStream(firehose, s3, spec, PROVISIONING_TIMEOUT)) {
                    err.println("kdg send: created delivery stream " + deliveryStream + " to s3://" + bucket
                            + "/" + prefix);
                }
            } else if (!Provisioning.deliveryStreamExists(firehose, deliveryStream)) {
                throw new KdgException("--delivery-stream: delivery stream " + deliveryStream
                        + " does not exist at " + connection.describe() + " (add --create --bucket B to create it)");
            }
        }
    }

    static PartitionKeySpec partitionKeySpec(String expression) {
        boolean constant = !expression.equals("random") && !expression.startsWith("field:")
                && !expression.contains("${");
        if (constant && (expression.isEmpty() || expression.length() > 256)) {
            throw new KdgException("--partition-key: a constant key must have 1 to 256 characters but had "
                    + expression.length());
        }
        return PartitionKeySpec.parse(expression);
    }

    private ParameterException bad(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
