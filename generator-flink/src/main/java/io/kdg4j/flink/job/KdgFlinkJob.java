package io.kdg4j.flink.job;

import io.kdg4j.core.GeneratedRecord;
import io.kdg4j.core.KdgException;
import io.kdg4j.flink.KdgScenarioSource;
import io.kdg4j.flink.KdgSinks;
import io.kdg4j.flink.KdgSource;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The ready job of kdg-flink-job.jar: {@code kdg send}'s flags, where they mean the same, run on a Flink cluster.
 *
 * <pre>
 * flink run -p 8 kdg-flink-job.jar --template orders.kdg --stream orders --rate 200000 --records 1e9 --seed 7
 * </pre>
 *
 * <p>Parallelism comes from Flink ({@code -p}); the rate and the record count are the whole job's. At-least-once
 * with checkpointing on, as Flink's Kinesis and Firehose sinks give.
 */
@Command(name = "kdg-flink-job", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Generates kdg4j records on a Flink cluster and sends them to Kinesis or Firehose.")
public final class KdgFlinkJob implements Callable<Integer> {
    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = "--template", paramLabel = "FILE", required = true,
                description = "A KDG record template file (read where the job is submitted).")
        Path template;

        @Option(names = "--preset", paramLabel = "NAME", required = true,
                description = "A built-in schema: sakila, randomuser, atm, clickstream, iot, apache-log, security.")
        String preset;

        @Option(names = "--scenario", paramLabel = "FILE", required = true,
                description = "A scenario file (read where the job is submitted, with the files it names): each "
                        + "of its streams goes where the file says; --records and --rate count its events.")
        Path scenario;
    }

    /** Where records go; a scenario's file says that for each of its streams instead. */
    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Target target;

    static final class Target {
        @Option(names = "--stream", paramLabel = "NAME", required = true, description = "A Kinesis data stream.")
        String stream;

        @Option(names = "--delivery-stream", paramLabel = "NAME", required = true,
                description = "A Firehose delivery stream.")
        String deliveryStream;
    }

    @ArgGroup(exclusive = true)
    Rate rate;

    static final class Rate {
        @Option(names = "--rate", paramLabel = "R", description = "Records per second for the whole job "
                + "(default: as fast as the cluster and the stream take them).")
        Double recordsPerSecond;

        @Option(names = "--rate-profile", paramLabel = "SPEC", description = "A rate that changes, as kdg send "
                + "writes it: ramp:100..5000/60s, steps:..., sine:..., diurnal:..., bursts:..., periodic:mean=M,spread=S.")
        String profile;
    }

    @Option(names = "--records", paramLabel = "N",
            description = "Stop after N records of the whole job: 1000000, 1e9 (default: until cancelled).")
    String records;

    @Option(names = "--seed", paramLabel = "S", description = "Seed (random, and logged, if absent).")
    Long seed;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "json, jsonl, csv or text (default: the template's text, the preset's own format).")
    String format;

    @Option(names = "--partition-key", paramLabel = "EXPR",
            description = "random, field:PATH, a template such as $${region}-$${id}, or a constant.")
    String partitionKey;

    @Option(names = "--endpoint", paramLabel = "URL", description = "An endpoint such as the kdg4j emulator's "
            + "(kdg local) or LocalStack's, with test credentials. Default: AWS, with the default credential chain.")
    URI endpoint;

    @Option(names = "--region", paramLabel = "R", defaultValue = "us-east-1",
            description = "AWS region (default: ${DEFAULT-VALUE}).")
    String region;

    @Option(names = "--job-name", paramLabel = "NAME", description = "The Flink job's name.")
    String jobName;

    @Option(names = "--clock", paramLabel = "INSTANT", description = "A fixed wall clock for timestamps, such as "
            + "2026-01-01T00:00:00Z, so that every byte of every record repeats (default: the task managers' clocks).")
    Instant clock;

    private StreamExecutionEnvironment env;

    public static void main(String[] args) {
        System.exit(commandLine(new KdgFlinkJob()).execute(args));
    }

    /**
     * Adds the job the flags describe to {@code env} without running it: for tests, and for a user's own job that
     * wants kdg4j's records as one part of it.
     */
    public static DataStream<GeneratedRecord> define(StreamExecutionEnvironment env, String... args) {
        KdgFlinkJob job = new KdgFlinkJob();
        job.env = env;
        commandLine(job).parseArgs(args);
        return job.define();
    }

    private static CommandLine commandLine(KdgFlinkJob job) {
        return new CommandLine(job).setExecutionExceptionHandler((e, commandLine, parsed) -> {
            if (e instanceof KdgException || e instanceof IllegalArgumentException) {
                commandLine.getErr().println("kdg-flink-job: " + e.getMessage());
                return 2;
            }
            throw e;
        });
    }

    @Override
    public Integer call() throws Exception {
        env = StreamExecutionEnvironment.getExecutionEnvironment();
        define();
        env.execute(jobName != null ? jobName : "kdg4j to " + targetName());
        return 0;
    }

    private DataStream<GeneratedRecord> define() {
        if (source.scenario != null) {
            return defineScenario();
        }
        if (target == null) {
            throw new KdgException("say where the records go: --stream NAME or --delivery-stream NAME");
        }
        KdgSource records = source.template != null ? KdgSource.template(read(source.template))
                : KdgSource.preset(source.preset);
        if (seed != null) {
            records = records.seed(seed);
        }
        if (this.records != null) {
            records = records.records(count(this.records));
        }
        if (rate != null) {
            records = rate.recordsPerSecond != null ? records.rate(rate.recordsPerSecond)
                    : records.rateProfile(rate.profile);
        }
        if (format != null) {
            records = records.format(format);
        }
        if (partitionKey != null) {
            records = records.partitionKey(partitionKey);
        }
        if (clock != null) {
            records = records.fixedClock(clock);
        }
        // the seed is what reruns the same records: it goes to the client's log
        System.err.println("kdg-flink-job: " + records + " to " + targetName());
        DataStream<GeneratedRecord> stream = env.fromSource(records.build(), WatermarkStrategy.noWatermarks(),
                "kdg4j records");
        Properties aws = awsProperties();
        if (target.stream != null) {
            stream.sinkTo(KdgSinks.kinesis(target.stream, aws)).name("Kinesis " + target.stream);
        } else {
            stream.sinkTo(KdgSinks.firehose(target.deliveryStream, aws)).name("Firehose " + target.deliveryStream);
        }
        return stream;
    }

    private DataStream<GeneratedRecord> defineScenario() {
        if (target != null || format != null || partitionKey != null || clock != null) {
            throw new KdgException("a scenario's file says where each stream goes and how its records are "
                    + "written: --stream, --delivery-stream, --format, --partition-key and --clock are for "
                    + "--template and --preset");
        }
        KdgScenarioSource events = KdgScenarioSource.file(source.scenario);
        if (seed != null) {
            events = events.seed(seed);
        }
        if (records != null) {
            events = events.events(count(records));
        }
        if (rate != null) {
            events = rate.recordsPerSecond != null ? events.rate(rate.recordsPerSecond)
                    : events.rateProfile(rate.profile);
        }
        System.err.println("kdg-flink-job: " + events + " to streams " + String.join(", ", events.streams()));
        DataStream<GeneratedRecord> stream = env.fromSource(events, WatermarkStrategy.noWatermarks(),
                "kdg4j scenario events");
        KdgSinks.scenario(stream, events, awsProperties());
        return stream;
    }

    private Properties awsProperties() {
        return endpoint == null ? KdgSinks.awsProperties(region)
                : KdgSinks.emulatorProperties(endpoint, region, "test", "test");
    }

    private String targetName() {
        if (source.scenario != null) {
            return "the streams of " + source.scenario;
        }
        return target.stream != null ? "stream " + target.stream : "delivery stream " + target.deliveryStream;
    }

    /** A count as a whole number, in plain or scientific notation: 1000000, 1e9, 2.5e6. */
    static long count(String text) {
        try {
            BigDecimal value = new BigDecimal(text.trim().replace("_", ""));
            if (value.signum() < 0) {
                throw new KdgException("--records must be >= 0 but was " + text);
            }
            return value.longValueExact();
        } catch (NumberFormatException e) {
            throw new KdgException("--records must be a whole number such as 1000000 or 1e9, but was '" + text + "'");
        } catch (ArithmeticException e) {
            throw new KdgException("--records must be a whole number below 2^63 such as 1000000 or 1e9, but was '"
                    + text + "'");
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new KdgException("--template: cannot read " + file.toAbsolutePath() + " (" + e + ")");
        }
    }
}
