package io.kdg4j.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.InvalidArgumentException;
import software.amazon.awssdk.services.kinesis.model.KinesisException;
import software.amazon.awssdk.services.kinesis.model.LimitExceededException;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;
import software.amazon.awssdk.services.kinesis.model.StreamMode;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;

/** What the emulator does beyond the shared conformance suite: AWS's limits, bad input, memory bounds. */
class KinesisEmulatorTest {
    private static LocalEmulator local;
    private static KinesisClient kinesis;
    private static KinesisAsyncClient async;

    @BeforeAll
    static void start() {
        local = LocalEmulator.start(LocalConfig.builder().creationDelay(Duration.ofMillis(300)).build());
        kinesis = Clients.kinesis(local.endpoint());
        async = Clients.kinesisAsync(local.endpoint());
    }

    @AfterAll
    static void stop() {
        kinesis.close();
        async.close();
        local.close();
    }

    static void active(String stream, int shards) {
        kinesis.createStream(b -> b.streamName(stream).shardCount(shards));
        awaitActive(kinesis, stream);
    }

    /** Polls every 20 ms; the SDK's own waiter sleeps 10 s between polls. */
    static void awaitActive(KinesisClient client, String stream) {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(() -> client
                .describeStreamSummary(b -> b.streamName(stream)).streamDescriptionSummary().streamStatus()
                == StreamStatus.ACTIVE);
    }

    static List<PutRecordsRequestEntry> entries(int count, int size) {
        List<PutRecordsRequestEntry> entries = new ArrayList<>();
        byte[] data = new byte[size];
        for (int i = 0; i < count; i++) {
            entries.add(PutRecordsRequestEntry.builder().partitionKey("k" + i).data(SdkBytes.fromByteArray(data))
                    .build());
        }
        return entries;
    }

    @Test
    void streams_areCreatingFirst_thenActive() {
        kinesis.createStream(b -> b.streamName("slow").shardCount(1));
        assertThat(kinesis.describeStreamSummary(b -> b.streamName("slow")).streamDescriptionSummary()
                .streamStatus()).isEqualTo(StreamStatus.CREATING);
        assertThatThrownBy(() -> kinesis.putRecord(b -> b.streamName("slow").partitionKey("k")
                .data(SdkBytes.fromUtf8String("x")))).isInstanceOf(KinesisException.class);
        await().atMost(Duration.ofSeconds(5)).until(() -> kinesis.describeStreamSummary(b -> b.streamName("slow"))
                .streamDescriptionSummary().streamStatus() == StreamStatus.ACTIVE);
    }

    @Test
    void onDemandStreams_startWithFourShards() {
        kinesis.createStream(b -> b.streamName("on-demand").streamModeDetails(m -> m.streamMode(StreamMode.ON_DEMAND)));
        awaitActive(kinesis, "on-demand");
        assertThat(kinesis.listShards(b -> b.streamName("on-demand")).shards()).hasSize(4);
    }

    @Test
    void putRecords_enforcesAwsRequestLimits() {
        active("limits", 1);
        assertThatThrownBy(() -> kinesis.putRecords(b -> b.streamName("limits").records(entries(501, 1))))
                .isInstanceOf(KinesisException.class)
                .hasMessageContaining("Member must have length less than or equal to 500");
        assertThatThrownBy(() -> kinesis.putRecords(b -> b.streamName("limits").records(entries(6, 1_000_000))))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("Records size exceeds 5 MB limit");
        assertThatThrownBy(() -> kinesis.putRecords(b -> b.streamName("limits").records(entries(1, 1024 * 1024))))
                .isInstanceOf(KinesisException.class)
                .hasMessageContaining("less than or equal to 1048576 (record with its partition key was 1048578 bytes)");
        assertThat(kinesis.putRecords(b -> b.streamName("limits").records(entries(5, 1024 * 1024 - 8)))
                .failedRecordCount()).isZero();
    }

    @Test
    void hugeShardCounts_areLimitExceeded() {
        assertThatThrownBy(() -> kinesis.createStream(b -> b.streamName("huge").shardCount(100_000)))
                .isInstanceOf(LimitExceededException.class).hasMessageContaining("shard limit");
    }

    @Test
    void getRecords_servesTenThousandRecords_andReportsHowFarBehind() {
        active("big", 1);
        for (int batch = 0; batch < 25; batch++) {
            kinesis.putRecords(b -> b.streamName("big").records(entries(500, 150)));
        }
        String iterator = kinesis.getShardIterator(b -> b.streamName("big").shardId("shardId-000000000000")
                .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
        GetRecordsResponse first = kinesis.getRecords(b -> b.shardIterator(iterator));
        assertThat(first.records()).hasSize(10_000);
        assertThat(first.millisBehindLatest()).isGreaterThanOrEqualTo(0);
        GetRecordsResponse rest = kinesis.getRecords(b -> b.shardIterator(first.nextShardIterator()));
        assertThat(rest.records()).hasSize(2_500);
        assertThat(rest.millisBehindLatest()).isZero();
    }

    @Test
    void cborCanBeSwitchedOff_andJsonClientsWorkToo() throws Exception {
        active("json-only", 1);
        String previous = System.setProperty("aws.cborEnabled", "false");
        try (KinesisAsyncClient json = Clients.kinesisAsync(local.endpoint())) {
            PutRecordsResponse put = json.putRecords(b -> b.streamName("json-only").records(entries(3, 10))).get();
            assertThat(put.failedRecordCount()).isZero();
            String iterator = json.getShardIterator(b -> b.streamName("json-only").shardId("shardId-000000000000")
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).get().shardIterator();
            GetRecordsResponse records = json.getRecords(b -> b.shardIterator(iterator)).get();
            assertThat(records.records()).hasSize(3);
            assertThat(records.records().get(0).approximateArrivalTimestamp())
                    .isCloseTo(java.time.Instant.now(), within(60, java.time.temporal.ChronoUnit.SECONDS));
        } finally {
            if (previous == null) {
                System.clearProperty("aws.cborEnabled");
            } else {
                System.setProperty("aws.cborEnabled", previous);
            }
        }
    }

    @Test
    void plainHttp_badInput_getsAwsShapedErrors_andTheServerKeepsServing() throws Exception {
        HttpResponse<String> malformed = RawHttp.kinesis(local.endpoint(), "ListStreams", "{not json");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("\"__type\":\"SerializationException\"");
        HttpResponse<String> unknown = RawHttp.kinesis(local.endpoint(), "FlyToTheMoon", "{}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("UnknownOperationException");
        HttpResponse<String> wrongType = RawHttp.post(local.endpoint(), "Kinesis_20131202.ListStreams",
                "text/plain", "{}".getBytes());
        assertThat(wrongType.statusCode()).isEqualTo(400);
        assertThat(wrongType.body()).contains("Content-Type 'text/plain' is not supported");
        HttpResponse<String> missing = RawHttp.kinesis(local.endpoint(), "DescribeStream", "{}");
        assertThat(missing.body()).contains("ValidationException").contains("streamName");
        HttpResponse<String> tooBig = RawHttp.post(local.endpoint(), "Kinesis_20131202.PutRecords",
                "application/x-amz-json-1.1", new byte[LocalConfig.DEFAULT_MAX_REQUEST_BYTES + 10]);
        assertThat(tooBig.statusCode()).isEqualTo(413);
        assertThat(tooBig.body()).contains("SerializationException");
        HttpResponse<String> list = RawHttp.kinesis(local.endpoint(), "ListStreams", "{}");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.headers().firstValue("content-type")).hasValue("application/x-amz-json-1.1");
    }

    @Test
    void storedBytes_stayUnderTheCap_byTrimmingTheOldest() {
        try (LocalEmulator small = LocalEmulator.start(LocalConfig.builder().maxStoredBytes(200_000).build());
             KinesisClient client = Clients.kinesis(small.endpoint())) {
            client.createStream(b -> b.streamName("capped").shardCount(1));
            awaitActive(client, "capped");
            for (int i = 0; i < 20; i++) {
                client.putRecords(b -> b.streamName("capped").records(entries(100, 1000)));
            }
            String iterator = client.getShardIterator(b -> b.streamName("capped").shardId("shardId-000000000000")
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            GetRecordsResponse kept = client.getRecords(b -> b.shardIterator(iterator));
            assertThat(kept.records().size()).isBetween(150, 200);   // 200,000 bytes / ~1,004 bytes a record
            assertThat(kept.records().get(0).sequenceNumber()).doesNotEndWith("00000000000000000000");
        }
    }

    @Test
    void records_arriveInPutOrderPerKey_underConcurrentWriters() throws Exception {
        active("concurrent", 2);
        List<java.util.concurrent.CompletableFuture<PutRecordsResponse>> futures = Collections.synchronizedList(
                new ArrayList<>());
        for (int i = 0; i < 20; i++) {
            futures.add(async.putRecords(b -> b.streamName("concurrent").records(entries(100, 50))));
        }
        int failed = 0;
        for (var future : futures) {
            failed += future.get().failedRecordCount();
        }
        assertThat(failed).isZero();
        long total = 0;
        for (var shard : kinesis.listShards(b -> b.streamName("concurrent")).shards()) {
            String iterator = kinesis.getShardIterator(b -> b.streamName("concurrent").shardId(shard.shardId())
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            total += kinesis.getRecords(b -> b.shardIterator(iterator)).records().size();
        }
        assertThat(total).isEqualTo(2000);
    }
}
