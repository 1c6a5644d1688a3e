package io.kdg4j.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.firehose.model.CompressionFormat;
import software.amazon.awssdk.services.firehose.model.DeliveryStreamStatus;
import software.amazon.awssdk.services.firehose.model.DeliveryStreamType;
import software.amazon.awssdk.services.firehose.model.ExtendedS3DestinationConfiguration;
import software.amazon.awssdk.services.firehose.model.FirehoseException;
import software.amazon.awssdk.services.firehose.model.InvalidArgumentException;
import software.amazon.awssdk.services.firehose.model.PutRecordBatchResponse;
import software.amazon.awssdk.services.firehose.model.Record;
import software.amazon.awssdk.services.firehose.model.ResourceNotFoundException;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Firehose to S3: buffering, prefixes, object names, compression, Kinesis sources and AWS's rules. */
class FirehoseEmulatorTest {
    private static LocalEmulator local;
    private static FirehoseClient firehose;
    private static S3Client s3;

    @BeforeAll
    static void start() {
        local = LocalEmulator.start();
        firehose = Clients.firehose(local.endpoint());
        s3 = Clients.s3(local.endpoint());
    }

    @AfterAll
    static void stop() {
        firehose.close();
        s3.close();
        local.close();
    }

    private static String bucket() {
        String bucket = "landing-" + UUID.randomUUID().toString().substring(0, 8);
        s3.createBucket(b -> b.bucket(bucket));
        return bucket;
    }

    private static ExtendedS3DestinationConfiguration destination(String bucket, String prefix, String errorPrefix,
                                                                  int sizeMb, int seconds) {
        return ExtendedS3DestinationConfiguration.builder().bucketARN("arn:aws:s3:::" + bucket)
                .roleARN("arn:aws:iam::000000000000:role/firehose").prefix(prefix).errorOutputPrefix(errorPrefix)
                .bufferingHints(h -> h.sizeInMBs(sizeMb).intervalInSeconds(seconds)).build();
    }

    private static void createActive(String name, ExtendedS3DestinationConfiguration destination) {
        firehose.createDeliveryStream(b -> b.deliveryStreamName(name).extendedS3DestinationConfiguration(destination));
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20)).until(() -> firehose
                .describeDeliveryStream(b -> b.deliveryStreamName(name)).deliveryStreamDescription()
                .deliveryStreamStatus() == DeliveryStreamStatus.ACTIVE);
    }

    private static List<Record> records(int count, String prefix) {
        List<Record> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            records.add(Record.builder().data(SdkBytes.fromUtf8String("{\"" + prefix + "\":" + i + "}\n")).build());
        }
        return records;
    }

    private static List<S3Object> objects(String bucket) {
        return s3.listObjectsV2(b -> b.bucket(bucket)).contents();
    }

    private static String text(String bucket, String key) {
        return s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asUtf8String();
    }

    @Test
    void buffers_untilTheInterval_thenLandsOneObjectWithTheDefaultPrefixAndAwsName() {
        String bucket = bucket();
        createActive("interval", destination(bucket, "streaming/", null, 5, 1));
        PutRecordBatchResponse put = firehose.putRecordBatch(b -> b.deliveryStreamName("interval")
                .records(records(10, "a")));
        assertThat(put.failedPutCount()).isZero();
        assertThat(put.requestResponses()).hasSize(10).allSatisfy(r -> assertThat(r.recordId()).isNotBlank());
        assertThat(objects(bucket)).as("nothing before the interval").isEmpty();
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50)).until(() -> !objects(bucket)
                .isEmpty());
        List<S3Object> landed = objects(bucket);
        assertThat(landed).hasSize(1);
        String hour = DateTimeFormatter.ofPattern("yyyy/MM/dd/").withZone(ZoneOffset.UTC)
                .format(java.time.Instant.now());
        assertThat(landed.get(0).key()).startsWith("streaming/" + hour)
                .matches("streaming/\\d{4}/\\d{2}/\\d{2}/\\d{2}/interval-1-\\d{4}-\\d{2}-\\d{2}-\\d{2}-\\d{2}-\\d{2}-"
                        + "[0-9a-f-]{36}");
        assertThat(text(bucket, landed.get(0).key()).lines()).hasSize(10).first().isEqualTo("{\"a\":0}");
    }

    @Test
    void sizeHint_deliversAsSoonAsTheBufferIsFull() {
        String bucket = bucket();
        createActive("by-size", destination(bucket, "size/", null, 1, 900));
        byte[] chunk = new byte[400_000];
        java.util.Arrays.fill(chunk, (byte) 'x');
        for (int i = 0; i < 3; i++) {
            firehose.putRecord(b -> b.deliveryStreamName("by-size").record(r -> r.data(SdkBytes.fromByteArray(chunk))));
        }
        // 1.2 MB went in; a 1 MB hint delivers at once, not after 900 s
        assertThat(objects(bucket)).hasSize(1);
        assertThat(objects(bucket).get(0).size()).isEqualTo(1_200_000L);
    }

    @Test
    void prefixExpressions_evaluateOnTheOldestRecordsArrival() {
        String bucket = bucket();
        createActive("expressions", destination(bucket, "streaming/!{timestamp:yyyy/MM/}!{firehose:random-string}/",
                "!{firehose:error-output-type}/!{timestamp:yyyy/MM/}", 5, 0));
        firehose.putRecordBatch(b -> b.deliveryStreamName("expressions").records(records(3, "e")));
        await().atMost(Duration.ofSeconds(5)).until(() -> !objects(bucket).isEmpty());
        String month = DateTimeFormatter.ofPattern("yyyy/MM/").withZone(ZoneOffset.UTC).format(java.time.Instant.now());
        assertThat(objects(bucket).get(0).key()).startsWith("streaming/" + month)
                .matches("streaming/\\d{4}/\\d{2}/[a-z0-9]{11}/expressions-1-.*");
    }

    @Test
    void gzip_compressesTheObject() throws Exception {
        String bucket = bucket();
        createActive("zipped", destination(bucket, "z/", null, 5, 0).toBuilder()
                .compressionFormat(CompressionFormat.GZIP).build());
        firehose.putRecordBatch(b -> b.deliveryStreamName("zipped").records(records(50, "g")));
        await().atMost(Duration.ofSeconds(5)).until(() -> !objects(bucket).isEmpty());
        String key = objects(bucket).get(0).key();
        assertThat(key).endsWith(".gz");
        byte[] zipped = s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
        String unzipped = new String(new GZIPInputStream(new ByteArrayInputStream(zipped)).readAllBytes(),
                StandardCharsets.UTF_8);
        assertThat(unzipped.lines()).hasSize(50);
    }

    @Test
    void kinesisSourcedStreams_deliverWhatTheStreamReceives() {
        try (KinesisClient kinesis = Clients.kinesis(local.endpoint())) {
            kinesis.createStream(b -> b.streamName("source").shardCount(2));
            KinesisEmulatorTest.awaitActive(kinesis, "source");
            String arn = kinesis.describeStreamSummary(b -> b.streamName("source")).streamDescriptionSummary()
                    .streamARN();
            String bucket = bucket();
            firehose.createDeliveryStream(b -> b.deliveryStreamName("from-kinesis")
                    .deliveryStreamType(DeliveryStreamType.KINESIS_STREAM_AS_SOURCE)
                    .kinesisStreamSourceConfiguration(c -> c.kinesisStreamARN(arn).roleARN("arn:aws:iam::0:role/r"))
                    .extendedS3DestinationConfiguration(destination(bucket, "k/", null, 5, 0)));
            for (int i = 0; i < 20; i++) {
                int n = i;
                kinesis.putRecord(b -> b.streamName("source").partitionKey("p" + n)
                        .data(SdkBytes.fromUtf8String("line " + n + "\n")));
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> objects(bucket).stream()
                    .mapToLong(o -> text(bucket, o.key()).lines().count()).sum() == 20);
            assertThatThrownBy(() -> firehose.putRecord(b -> b.deliveryStreamName("from-kinesis")
                    .record(r -> r.data(SdkBytes.fromUtf8String("x")))))
                    .isInstanceOf(InvalidArgumentException.class)
                    .hasMessageContaining("not permitted on KinesisStreamAsSource");
        }
    }

    @Test
    void describeAndList_showTheConfiguration() {
        String bucket = bucket();
        createActive("described", destination(bucket, "p/", null, 2, 60));
        var description = firehose.describeDeliveryStream(b -> b.deliveryStreamName("described"))
                .deliveryStreamDescription();
        assertThat(description.deliveryStreamType()).isEqualTo(DeliveryStreamType.DIRECT_PUT);
        var s3Destination = description.destinations().get(0).extendedS3DestinationDescription();
        assertThat(s3Destination.bucketARN()).isEqualTo("arn:aws:s3:::" + bucket);
        assertThat(s3Destination.bufferingHints().sizeInMBs()).isEqualTo(2);
        assertThat(s3Destination.bufferingHints().intervalInSeconds()).isEqualTo(60);
        assertThat(firehose.listDeliveryStreams(b -> b.limit(100)).deliveryStreamNames()).contains("described");
        firehose.deleteDeliveryStream(b -> b.deliveryStreamName("described"));
        assertThatThrownBy(() -> firehose.describeDeliveryStream(b -> b.deliveryStreamName("described")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void prefixRules_areAwss() {
        String bucket = bucket();
        assertThatThrownBy(() -> firehose.createDeliveryStream(b -> b.deliveryStreamName("r1")
                .extendedS3DestinationConfiguration(destination(bucket, "x/!{timestamp:yyyy}/", null, 1, 60))))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("ErrorOutputPrefix cannot be null or empty when Prefix");
        assertThatThrownBy(() -> firehose.createDeliveryStream(b -> b.deliveryStreamName("r2")
                .extendedS3DestinationConfiguration(destination(bucket, "x/!{firehose:error-output-type}/", "e/",
                        1, 60)))).hasMessageContaining("may only be used in ErrorOutputPrefix");
        assertThatThrownBy(() -> firehose.createDeliveryStream(b -> b.deliveryStreamName("r3")
                .extendedS3DestinationConfiguration(destination(bucket, "x/!{timestamp:yyyy}/",
                        "e/!{timestamp:yyyy}/", 1, 60)))).hasMessageContaining("must then contain");
        assertThatThrownBy(() -> firehose.createDeliveryStream(b -> b.deliveryStreamName("r4")
                .extendedS3DestinationConfiguration(destination(bucket, "x/!{nope:1}/", "e/", 1, 60))))
                .hasMessageContaining("'nope' is not an expression namespace");
        assertThatThrownBy(() -> firehose.createDeliveryStream(b -> b.deliveryStreamName("r5")
                .extendedS3DestinationConfiguration(destination(bucket, "x/", null, 0, 60))))
                .isInstanceOf(FirehoseException.class).hasMessageContaining("sizeInMBs");
    }

    @Test
    void putRecordBatch_enforcesAwsLimits() {
        String bucket = bucket();
        createActive("limits", destination(bucket, "l/", null, 5, 60));
        assertThatThrownBy(() -> firehose.putRecordBatch(b -> b.deliveryStreamName("limits")
                .records(records(501, "x")))).hasMessageContaining("less than or equal to 500");
        Record big = Record.builder().data(SdkBytes.fromByteArray(new byte[1000 * 1024 + 1])).build();
        assertThatThrownBy(() -> firehose.putRecord(b -> b.deliveryStreamName("limits").record(big)))
                .hasMessageContaining("less than or equal to 1024000");
        Record large = Record.builder().data(SdkBytes.fromByteArray(new byte[900_000])).build();
        assertThatThrownBy(() -> firehose.putRecordBatch(b -> b.deliveryStreamName("limits")
                .records(large, large, large, large, large))).hasMessageContaining("4 MB");
    }

    @Test
    void dataDirectory_keepsLandedObjectsAsPlainFiles(@TempDir Path dir) throws Exception {
        try (LocalEmulator disk = LocalEmulator.start(LocalConfig.builder().dataDirectory(dir).build());
             FirehoseClient client = Clients.firehose(disk.endpoint());
             S3Client diskS3 = Clients.s3(disk.endpoint())) {
            diskS3.createBucket(b -> b.bucket("files"));
            client.createDeliveryStream(b -> b.deliveryStreamName("to-disk")
                    .extendedS3DestinationConfiguration(destination("files", "out/", null, 5, 0)));
            await().atMost(Duration.ofSeconds(5)).until(() -> client.describeDeliveryStream(b -> b
                    .deliveryStreamName("to-disk")).deliveryStreamDescription().deliveryStreamStatus()
                    == DeliveryStreamStatus.ACTIVE);
            client.putRecordBatch(b -> b.deliveryStreamName("to-disk").records(records(4, "d")));
            disk.flushFirehose();
            try (var files = Files.walk(dir.resolve("files"))) {
                List<Path> landed = files.filter(Files::isRegularFile).toList();
                assertThat(landed).hasSize(1);
                assertThat(dir.resolve("files").relativize(landed.get(0)).toString())
                        .startsWith("out/" + LocalDate.now(ZoneOffset.UTC).getYear() + "/");
                assertThat(Files.readAllLines(landed.get(0))).hasSize(4);
            }
        }
    }
}
