package io.kdg4j.cli;

import io.kdg4j.aws.AwsEndpoint;
import io.kdg4j.aws.LandingReader;
import io.kdg4j.core.KdgException;
import io.kdg4j.core.rate.RateSpecs;
import io.kdg4j.local.LocalEmulator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.GetShardIteratorRequest;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Object;

/** {@code kdg tail}: what arrived in a stream, or what a delivery stream landed in S3. */
@Command(name = "tail", mixinStandardHelpOptions = true,
        description = {"Print the records of a Kinesis stream (every shard), or what a delivery stream landed in S3.",
            "Records go to stdout one per line; with --show-meta each is preceded by its shard, sequence number, "
                    + "partition key and arrival time, tab-separated."})
final class TailCommand implements Callable<Integer>, ErrorHandler.Connected {
    private static final int GET_RECORDS_LIMIT = 10_000;
    /** GetRecords allows five calls a second per shard; an idle poll waits this long. */
    private static final long IDLE_MILLIS = 250;

    @Spec
    CommandSpec spec;

    @ParentCommand
    Kdg kdg;

    @Mixin
    Connection connection;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    /** A stream or a bucket. */
    static final class Source {
        @Option(names = "--stream", paramLabel = "NAME", description = "A Kinesis data stream.")
        String stream;

        @Option(names = "--bucket", paramLabel = "B", description = "An S3 bucket a delivery stream lands in.")
        String bucket;
    }

    @Option(names = "--prefix", paramLabel = "P", defaultValue = "",
            description = "With --bucket: only the objects under this prefix.")
    String prefix;

    @Option(names = "--from", paramLabel = "WHERE", defaultValue = "trim-horizon",
            description = "With --stream: trim-horizon (the oldest record kept, default), latest (only new records), "
                    + "an ISO-8601 instant such as 2026-12-01T10:00:00Z, or a time ago such as 10m.")
    String from;

    @Option(names = "--follow", description = "With --stream: keep printing records as they arrive, until Ctrl-C.")
    boolean follow;

    @Option(names = "--count", paramLabel = "N", description = "Stop after N records.")
    Long count;

    @Option(names = "--show-meta",
            description = "With --stream: shard, sequence number, partition key and arrival time before each record.")
    boolean showMeta;

    @Override
    public Connection connection() {
        return connection;
    }

    @Override
    public Integer call() throws IOException {
        if (count != null && count < 1) {
            throw new ParameterException(spec.commandLine(), "--count must be >= 1 but was " + count);
        }
        if (source.bucket != null && (follow || showMeta || !from.equals("trim-horizon"))) {
            throw new ParameterException(spec.commandLine(), "--follow, --show-meta and --from are for --stream, "
                    + "not --bucket");
        }
        if (source.stream != null && !prefix.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--prefix is for --bucket, not --stream");
        }
        Start start = source.stream != null ? start() : null;
        connection.check();
        LocalEmulator local = connection.startLocal();
        try {
            AwsEndpoint aws = connection.resolve(local);
            if (local != null) {
                spec.commandLine().getErr().println("kdg tail: --endpoint local starts an empty emulator in this "
                        + "process; to read what kdg send wrote, run kdg local and pass its URL");
            }
            OutputStream out = kdg.stdout();
            long printed = source.stream != null ? tailStream(aws, start, out) : tailBucket(aws, out);
            out.flush();
            spec.commandLine().getErr().println(String.format(Locale.ROOT, "kdg tail: %,d record%s", printed,
                    printed == 1 ? "" : "s"));
            return Exit.OK;
        } finally {
            if (local != null) {
                local.close();
            }
        }
    }

    /** Where in each shard reading starts. */
    private record Start(ShardIteratorType type, Instant timestamp) {
        GetShardIteratorRequest request(String stream, String shard) {
            GetShardIteratorRequest.Builder b = GetShardIteratorRequest.builder().streamName(stream).shardId(shard)
                    .shardIteratorType(type);
            return (timestamp != null ? b.timestamp(timestamp) : b).build();
        }
    }

    private Start start() {
        switch (from.toLowerCase(Locale.ROOT)) {
            case "trim-horizon":
            case "trim_horizon":
                return new Start(ShardIteratorType.TRIM_HORIZON, null);
            case "latest":
                return new Start(ShardIteratorType.LATEST, null);
            default:
                break;
        }
        try {
            return new Start(ShardIteratorType.AT_TIMESTAMP, Instant.parse(from));
        } catch (DateTimeParseException notAnInstant) {
            try {
                return new Start(ShardIteratorType.AT_TIMESTAMP, Instant.now().minus(RateSpecs.duration(from)));
            } catch (IllegalArgumentException notADuration) {
                throw new ParameterException(spec.commandLine(), "--from must be trim-horizon, latest, an ISO-8601 "
                        + "instant such as 2026-12-01T10:00:00Z or a time ago such as 10m, but was '" + from + "'");
            }
        }
    }

    private long tailStream(AwsEndpoint aws, Start start, OutputStream out) throws IOException {
        try (KinesisClient kinesis = aws.kinesis()) {
            List<Shard> shards = new ArrayList<>();
            String next = null;
            do {
                String token = next;
                var page = token == null ? kinesis.listShards(b -> b.streamName(source.stream))
                        : kinesis.listShards(b -> b.nextToken(token));
                shards.addAll(page.shards());
                next = page.nextToken();
            } while (next != null);
            List<String> iterators = new ArrayList<>();
            for (Shard shard : shards) {
                iterators.add(kinesis.getShardIterator(start.request(source.stream, shard.shardId())).shardIterator());
            }
            boolean[] caughtUp = new boolean[shards.size()];
            long limit = count != null ? count : Long.MAX_VALUE;
            long printed = 0;
            while (true) {
                boolean any = false;
                for (int i = 0; i < shards.size(); i++) {
                    String iterator = iterators.get(i);
                    if (iterator == null) {
                        caughtUp[i] = true;
                        continue;
                    }
                    GetRecordsResponse response = kinesis.getRecords(b -> b.shardIterator(iterator)
                            .limit(GET_RECORDS_LIMIT));
                    for (Record record : response.records()) {
                        print(shards.get(i).shardId(), record, out);
                        any = true;
                        if (++printed == limit) {
                            return printed;
                        }
                    }
                    iterators.set(i, response.nextShardIterator());
                    Long behind = response.millisBehindLatest();
                    caughtUp[i] = response.records().isEmpty() && (behind == null || behind == 0);
                }
                out.flush();
                if (!follow && allTrue(caughtUp)) {
                    return printed;
                }
                if (!any) {
                    sleep();
                }
            }
        }
    }

    private void print(String shard, Record record, OutputStream out) throws IOException {
        if (showMeta) {
            out.write((shard + "\t" + record.sequenceNumber() + "\t" + record.partitionKey() + "\t"
                    + record.approximateArrivalTimestamp() + "\t").getBytes(StandardCharsets.UTF_8));
        }
        byte[] data = record.data().asByteArrayUnsafe();
        out.write(data);
        if (data.length == 0 || data[data.length - 1] != '\n') {
            out.write('\n');
        }
    }

    private long tailBucket(AwsEndpoint aws, OutputStream out) throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        long limit = count != null ? count : Long.MAX_VALUE;
        long printed = 0;
        try (S3Client s3 = aws.s3()) {
            List<S3Object> objects = new ArrayList<>();
            try {
                s3.listObjectsV2Paginator(b -> b.bucket(source.bucket).prefix(prefix)).contents()
                        .forEach(objects::add);
            } catch (NoSuchBucketException e) {
                throw new KdgException("--bucket: bucket " + source.bucket + " does not exist at "
                        + connection.describe());
            }
            if (objects.isEmpty()) {
                err.println("kdg tail: nothing under s3://" + source.bucket + "/" + prefix + " yet (Firehose delivers "
                        + "when its buffer's size or interval is reached)");
            }
            for (S3Object object : objects) {
                err.println(String.format(Locale.ROOT, "kdg tail: s3://%s/%s (%,d bytes, %s)", source.bucket,
                        object.key(), object.size(), object.lastModified()));
                err.flush();
                for (String line : LandingReader.objectText(s3, source.bucket, object.key()).split("\n")) {
                    if (line.isEmpty()) {
                        continue;
                    }
                    out.write(line.getBytes(StandardCharsets.UTF_8));
                    out.write('\n');
                    if (++printed == limit) {
                        return printed;
                    }
                }
                out.flush();
            }
        }
        return printed;
    }

    private static boolean allTrue(boolean[] values) {
        for (boolean value : values) {
            if (!value) {
                return false;
            }
        }
        return true;
    }

    private static void sleep() {
        try {
            Thread.sleep(IDLE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KdgException("interrupted");
        }
    }
}
