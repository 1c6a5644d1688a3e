package io.kdg4j.cli;

import io.kdg4j.aws.AwsEndpoint;
import io.kdg4j.aws.DeliveryStreamSpec;
import io.kdg4j.aws.FirehoseSink;
import io.kdg4j.aws.Provisioning;
import io.kdg4j.core.preset.Presets;
import io.kdg4j.core.rate.RateSpecs;
import io.kdg4j.core.run.Generator;
import io.kdg4j.core.run.GeneratorRun;
import io.kdg4j.core.run.RunSummary;
import io.kdg4j.local.LocalConfig;
import io.kdg4j.local.LocalEmulator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code kdg demo}: the KDG tutorial's pipeline with nothing to set up. An embedded emulator, a Firehose delivery
 * stream to an S3 bucket kept as plain files, Sakila events at a steady rate, and the landed files listed.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Stream Sakila events into a local Firehose that lands newline-delimited JSON files in a folder.")
final class DemoCommand implements Callable<Integer> {
    static final String BUCKET = "landing-zone";
    static final String DELIVERY_STREAM = "kdg-demo-delivery";
    static final String PREFIX = "streaming/!{timestamp:yyyy/MM/}";
    static final String ERROR_PREFIX = "!{firehose:error-output-type}/!{timestamp:yyyy/MM/}";

    @Spec
    CommandSpec spec;

    @Option(names = "--dir", paramLabel = "DIR", defaultValue = "kdg-demo",
            description = "Where the bucket's files land, as DIR/" + BUCKET + "/<key> (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--rate", paramLabel = "R", defaultValue = "1000",
            description = "Records per second (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--duration", paramLabel = "D", defaultValue = "10s",
            description = "How long to send (default: ${DEFAULT-VALUE}).")
    String duration;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (!(rate > 0) || Double.isInfinite(rate)) {
            throw new ParameterException(spec.commandLine(), "--rate must be a positive number of records/s but was "
                    + rate);
        }
        Duration length;
        try {
            length = RateSpecs.duration(duration);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--duration: " + e.getMessage());
        }
        Files.createDirectories(dir);
        try (LocalEmulator local = LocalEmulator.start(LocalConfig.builder().dataDirectory(dir).build())) {
            AwsEndpoint endpoint = AwsEndpoint.of(local.endpoint(), Region.of(local.region()), local.accessKeyId(),
                    local.secretAccessKey());
            err.println("kdg demo: embedded Kinesis, Firehose and S3 on " + local.endpoint() + "; the bucket "
                    + BUCKET + " is the folder " + dir.resolve(BUCKET).toAbsolutePath());
            try (FirehoseClient firehose = endpoint.firehose(); S3Client s3 = endpoint.s3()) {
                // the tutorials' 1 MB / 60 s buffering: size usually delivers first at this rate
                Provisioning.ensureDeliveryStream(firehose, s3, DeliveryStreamSpec.of(DELIVERY_STREAM, BUCKET)
                        .withPrefix(PREFIX, ERROR_PREFIX).withBuffering(1, 60), Duration.ofSeconds(30));
            }
            err.println("kdg demo: delivery stream " + DELIVERY_STREAM + " -> s3://" + BUCKET + "/" + PREFIX);
            err.println(String.format(Locale.ROOT, "kdg demo: sending the sakila preset at %,.0f records/s for %s",
                    rate, duration));
            RunSummary summary;
            try (FirehoseSink sink = FirehoseSink.builder(endpoint, DELIVERY_STREAM).build()) {
                GeneratorRun run = Generator.from(Presets.get("sakila").schema()).seed(seed).rate(rate).limit(length)
                        .to(sink).start();
                try (SendProgress progress = new SendProgress(run, SendProgress.Goal.duration(length),
                        System.console() != null, err, "demo")) {
                    summary = run.completion().get();
                }
            }
            err.println("kdg demo: " + summary.describe());
            local.flushFirehose();
            List<Path> landed = landedFiles();
            err.println("kdg demo: " + landed.size() + " file" + (landed.size() == 1 ? "" : "s")
                    + " of newline-delimited JSON landed:");
            for (Path file : landed) {
                err.println(String.format(Locale.ROOT, "  %s  (%,d records)", file, lines(file)));
            }
            err.println("kdg demo: the same against your AWS account (a role Firehose can write to S3 with):");
            err.println("  kdg send --preset sakila --delivery-stream " + DELIVERY_STREAM + " --create --bucket "
                    + "YOUR-BUCKET --role-arn YOUR-FIREHOSE-ROLE-ARN --prefix '" + PREFIX + "' --error-prefix '"
                    + ERROR_PREFIX + "' --buffer-mb 1 --buffer-seconds 60 --rate " + (long) rate + " --duration "
                    + duration);
            return summary.allAcked() && !landed.isEmpty() ? 0 : Exit.RECORDS_FAILED;
        }
    }

    /** The landed objects under the prefix's folder, as paths relative to the working directory when possible. */
    private List<Path> landedFiles() throws IOException {
        Path streaming = dir.resolve(BUCKET).resolve("streaming");
        if (!Files.isDirectory(streaming)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(streaming)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static long lines(Path file) throws IOException {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.filter(line -> !line.isEmpty()).count();
        }
    }
}
