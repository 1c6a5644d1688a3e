package io.kdg4j.flink;

import io.kdg4j.aws.AwsEndpoint;
import io.kdg4j.aws.Provisioning;
import io.kdg4j.aws.StreamReader;
import io.kdg4j.local.LocalEmulator;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The embedded emulator the Flink tests send to, and the means to read back what landed. */
final class FlinkEmulator implements AutoCloseable {
    final LocalEmulator local = LocalEmulator.start();
    final AwsEndpoint aws = AwsEndpoint.of(local.endpoint(), Region.of(local.region()), local.accessKeyId(),
            local.secretAccessKey());
    final KinesisClient kinesis = aws.kinesis();

    /** The connectors' client properties for this emulator. */
    Properties properties() {
        return KdgSinks.emulatorProperties(local.endpoint(), local.region(), local.accessKeyId(),
                local.secretAccessKey());
    }

    void createStream(String name, int shards) {
        Provisioning.ensureStream(kinesis, name, shards, Duration.ofSeconds(30));
    }

    /** Every record of the stream, waiting until at least {@code expected} have landed. */
    List<Record> readAll(String stream, long expected) {
        return StreamReader.readAll(kinesis, stream, expected, Duration.ofSeconds(60));
    }

    /** Every record of every shard, read to each shard's tip: for after a job has ended. */
    List<Record> readToEnd(String stream) {
        List<Record> all = new ArrayList<>();
        for (var shard : kinesis.listShards(b -> b.streamName(stream)).shards()) {
            String iterator = kinesis.getShardIterator(b -> b.streamName(stream).shardId(shard.shardId())
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            while (true) {
                String current = iterator;
                GetRecordsResponse page = kinesis.getRecords(b -> b.shardIterator(current).limit(10_000));
                all.addAll(page.records());
                iterator = page.nextShardIterator();
                if (page.records().isEmpty() && page.millisBehindLatest() == 0) {
                    break;
                }
            }
        }
        return all;
    }

    /** The text of the records of {@code stream}, sorted: a multiset to compare. */
    List<String> sortedTexts(String stream, long expected) {
        List<String> texts = new ArrayList<>();
        for (Record record : readAll(stream, expected)) {
            texts.add(record.data().asUtf8String());
        }
        texts.sort(null);
        return texts;
    }

    /** Every line of every object in the bucket, after the emulator's Firehose has flushed its buffers. */
    List<String> landedLines(String bucket) {
        local.flushFirehose();
        List<String> lines = new ArrayList<>();
        try (S3Client s3 = aws.s3()) {
            for (S3Object object : s3.listObjectsV2Paginator(b -> b.bucket(bucket)).contents()) {
                String text = s3.getObject(b -> b.bucket(bucket).key(object.key()), ResponseTransformer.toBytes())
                        .asUtf8String();
                lines.addAll(Arrays.asList(text.split("\n")));
            }
        }
        return lines;
    }

    /** What {@code kdg preview} prints for {@code args}, one record per line. */
    static List<String> preview(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        String[] command = new String[args.length + 1];
        command[0] = "preview";
        System.arraycopy(args, 0, command, 1, args.length);
        int exit = io.kdg4j.cli.Kdg.run(out, new PrintWriter(err, true), command);
        if (exit != 0) {
            throw new IllegalStateException("kdg preview exited " + exit + ": " + err);
        }
        return new ArrayList<>(Arrays.asList(out.toString(StandardCharsets.UTF_8).split("\n")));
    }

    @Override
    public void close() {
        kinesis.close();
        local.close();
    }
}
