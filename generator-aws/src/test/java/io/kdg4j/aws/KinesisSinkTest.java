package io.kdg4j.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kdg4j.core.GeneratedRecord;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.kinesis.model.KinesisException;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequest;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;

class KinesisSinkTest {
    static final RetryPolicy FAST_RETRIES = RetryPolicy.DEFAULT.withBackoff(Duration.ofMillis(1),
            Duration.ofMillis(5));

    static GeneratedRecord record(long index, int bytes) {
        byte[] data = new byte[bytes];
        java.util.Arrays.fill(data, (byte) 'x');
        return GeneratedRecord.wrap(index, "key-" + index, data);
    }

    static GeneratedRecord record(long index, String text) {
        return GeneratedRecord.wrap(index, "key-" + index, text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void flush_whenBatchReaches500Records_sendsFullRequests() {
        FakeKinesis kinesis = FakeKinesis.accepting();
        RecordingListener listener = new RecordingListener();
        try (KinesisSink sink = KinesisSink.builder(kinesis, "orders").build()) {
            for (int i = 0; i < 1_200; i++) {
                sink.send(record(i, 100), listener);
            }
        }
        assertThat(kinesis.requests).extracting(r -> r.records().size()).containsExactly(500, 500, 200);
        assertThat(kinesis.requests).allMatch(r -> r.streamName().equals("orders"));
        assertThat(listener.count("acked")).isEqualTo(1_200);
        assertThat(kinesis.closed).as("a client passed in is never closed by the sink").isFalse();
    }

    @Test
    void requests_stayWithin5MiB_countingPartitionKeys() {
        FakeKinesis kinesis = FakeKinesis.accepting();
        RecordingListener listener = new RecordingListener();
        try (KinesisSink sink = KinesisSink.builder(kinesis, "big").build()) {
            for (int i = 0; i < 100; i++) {
                sink.send(record(i, 300_000), listener);
            }
        }
        for (PutRecordsRequest request : kinesis.requests) {
            long bytes = request.records().stream().mapToLong(e -> e.data().asByteArray().length
                    + e.partitionKey().length()).sum();
            assertThat(bytes).isLessThanOrEqualTo(KinesisLimits.MAX_BYTES_PER_REQUEST);
        }
        // 17 records of 300,000 bytes fit in 5 MiB, 18 do not
        assertThat(kinesis.requests.get(0).records()).hasSize(17);
        assertThat(listener.count("acked")).isEqualTo(100);
    }

    @Test
    void recordOver1MiB_withItsKey_isFailedWithAReason_andNeverSent() {
        FakeKinesis kinesis = FakeKinesis.accepting();
        RecordingListener listener = new RecordingListener();
        try (KinesisSink sink = KinesisSink.builder(kinesis, "orders").build()) {
            // data exactly 1 MiB: with the key it is over the limit
            sink.send(record(0, KinesisLimits.MAX_RECORD_BYTES), listener);
            sink.send(record(1, KinesisLimits.MAX_RECORD_BYTES - 5), listener);
        }
        assertThat(listener.messages.get(0L)).startsWith("the record is 1048581 bytes")
                .contains("1048576-byte record limit").contains("not sent");
        assertThat(listener.outcomes).containsEntry(0L, "RecordTooLarge").containsEntry(1L, "acked");
        assertThat(kinesis.requests).hasSize(1);
        assertThat(kinesis.requests.get(0).records()).hasSize(1);
    }

    @Test
    void failedEntries_areRetriedAlone_decidedByErrorCode_notFailedRecordCount() {
        // like LocalStack's fault injection: several entries fail while FailedRecordCount says 1
        Set<String> failedOnce = ConcurrentHashMap.newKeySet();
        FakeKinesis kinesis = new FakeKinesis(request -> {
            List<PutRecordsResultEntry> results = new ArrayList<>();
            for (var entry : request.records()) {
                int index = Integer.parseInt(entry.partitionKey().substring(4));
                if (index % 3 == 0 && failedOnce.add(entry.partitionKey())) {
                    results.add(PutRecordsResultEntry.builder().errorCode("ProvisionedThroughputExceededException")
                            .errorMessage("Rate exceeded for shard shardId-000000000000").build());
                } else if (index % 50 == 1) {
                    results.add(PutRecordsResultEntry.builder().errorCode("InternalFailure")
                            .errorMessage("Internal service failure.").build());
                } else {
                    results.add(PutRecordsResultEntry.builder().shardId("shardId-000000000000")
                            .sequenceNumber("1").build());
                }
            }
            return CompletableFuture.completedFuture(PutRecordsResponse.builder().failedRecordCount(1)
                    .records(results).build());
        });
        RecordingListener listener = new RecordingListener();
        try (KinesisSink sink = KinesisSink.builder(kinesis, "orders").retry(FAST_RETRIES.withMaxAttempts(3))
                .build()) {
            for (int i = 0; i < 300; i++) {
                sink.send(record(i, 50), listener);
            }
        }
        // 100 records (index % 3 == 0) are throttled once; the 6 with index % 50 == 1 fail on all 3 attempts (51 and
        // 201 are among the throttled: their first failure was the throttle). Retries: 98 + 6 * 2 = 110.
        assertThat(listener.count("acked")).isEqualTo(294);
        assertThat(listener.count("InternalFailure")).isEqualTo(6);
        assertThat(listener.throttled.get()).isEqualTo(100);
        assertThat(listener.retried.get()).isEqualTo(110);
        long resentEntries = kinesis.requests.stream().mapToLong(r -> r.records().size()).sum() - 300;
        assertThat(resentEntries).as("only failed entries are sent again").isEqualTo(110);
    }

    @Test
    void missingStream_failsEveryRecordWithTheServiceCode_withoutRetrying() {
        FakeKinesis kinesis = new FakeKinesis(request -> CompletableFuture.failedFuture(ResourceNotFoundException
                .builder().statusCode(400).awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode("ResourceNotFoundException").errorMessage("Stream orders not found").build())
                .build()));
        RecordingListener listener = new RecordingListener();
        try (KinesisSink sink = KinesisSink.builder(kinesis, "orders").retry(FAST_RETRIES).build()) {
            for (int i = 0; i < 10; i++) {
                sink.send(record(i, 10), listener);
            }
        }
        assertThat(listener.count("ResourceNotFoundException")).isEqualTo(10);
        assertThat(kinesis.requests).hasSize(1);
    }

    @Test
    void serverErrors_andLostConnections_areRetried_andReportedAsPossibleDuplicates() {
        int[] calls = {0};
        FakeKinesis kinesis = new FakeKinesis(request -> {
            int call;
            synchronized (calls) {
                call = calls[0]++;
            }
            if (call == 0) {
                return CompletableFuture.failedFuture(KinesisException.builder().statusCode(500)
                        .awsErrorDetails(AwsErrorDetails.builder().errorCode("InternalFailure").build()).build());
            }
            if (call == 1) {
                return CompletableFuture.failedFuture(SdkClientException.create("connection closed",
                        new java.io.IOException("Connection reset")));
            }
            if (call == 2) {
                return CompletableFuture.failedFuture(KinesisException.builder().statusCode(503)
                        .awsErrorDetails(AwsErrorDetails.builder().errorCode("ServiceUnavailable").build()).build());
            }
            return CompletableFuture.completedFuture(FakeKinesis.allStored(request.records().size()));
        });
        RecordingListener listener = new RecordingListener();
        try (KinesisSink sink = KinesisSink.builder(kinesis, "orders").retry(FAST_RETRIES).build()) {
            for (int i = 0; i < 5; i++) {
                sink.send(record(i, 10), listener);
            }
        }
        assertThat(listener.count("acked")).isEqualTo(5);
        assertThat(listener.retried.get()).isEqualTo(15);
        assertThat(listener.ambiguous.get()).as("the 500 and the lost connection, not the 503").isEqualTo(10);
    }

    @Test
    void attemptsRunOut_failWithTheLastCode_andSayHowManyAttempts() {
        FakeKinesis kinesis = new FakeKinesis(request -> CompletableFuture.failedFuture(KinesisException.builder()
                .statusCode(400).awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode("ProvisionedThroughputExceededException").errorMessage("Rate exceeded").build())
                .build()));
        RecordingListener listener = new RecordingListener();
        try (KinesisSink sink = KinesisSink.builder(kinesis, "orders").retry(FAST_RETRIES.withMaxAttempts(4))
                .build()) {
            sink.send(record(0, 10), listener);
        }
        assertThat(listener.outcomes).containsEntry(0L, "ProvisionedThroughputExceededException");
        assertThat(listener.messages.get(0L)).startsWith("gave up after 4 attempt(s)");
        assertThat(kinesis.requests).hasSize(4);
        assertThat(listener.throttled.get()).isEqualTo(3);
    }

    @Test
    void aPartBatch_goesAfterTheLingerTime_withoutAFlush() throws Exception {
        FakeKinesis kinesis = FakeKinesis.accepting();
        RecordingListener listener = new RecordingListener();
        try (KinesisSink sink = KinesisSink.builder(kinesis, "orders")
                .batch(BatchConfig.kinesisDefaults().withLinger(Duration.ofMillis(20))).build()) {
            sink.send(record(0, 10), listener);
            sink.send(record(1, 10), listener);
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> listener.outcomes.size() == 2);
            assertThat(kinesis.requests).hasSize(1);
        }
    }

    @Test
    void badPartitionKeys_areFailedBeforeSending() {
        FakeKinesis kinesis = FakeKinesis.accepting();
        RecordingListener listener = new RecordingListener();
        try (KinesisSink sink = KinesisSink.builder(kinesis, "orders").build()) {
            sink.send(GeneratedRecord.wrap(0, "", new byte[] {1}), listener);
            sink.send(GeneratedRecord.wrap(1, "k".repeat(257), new byte[] {1}), listener);
        }
        assertThat(listener.count("InvalidPartitionKey")).isEqualTo(2);
        assertThat(kinesis.requests).isEmpty();
    }

    @Test
    void aggregation_packsRecordsIntoOneKplRecord_andRefusesBadKeysBeforehand() {
        FakeKinesis kinesis = FakeKinesis.accepting();
        RecordingListener listener = new RecordingListener();
        try (KinesisSink sink = KinesisSink.builder(kinesis, "orders").aggregation().build()) {
            sink.send(GeneratedRecord.wrap(0, "", new byte[] {1}), listener);
            for (int i = 1; i <= 3; i++) {
                sink.send(record(i, "event-" + i), listener);
            }
        }
        assertThat(listener.outcomes).containsEntry(0L, "InvalidPartitionKey").containsEntry(1L, "acked")
                .containsEntry(2L, "acked").containsEntry(3L, "acked");
        assertThat(kinesis.requests).hasSize(1);
        var entries = kinesis.requests.get(0).records();
        assertThat(entries).hasSize(1);
        byte[] aggregate = entries.get(0).data().asByteArray();
        assertThat(java.util.Arrays.copyOf(aggregate, 4)).containsExactly(0xF3, 0x89, 0x9A, 0xC2);
        assertThat(entries.get(0).explicitHashKey()).isEqualTo("0");
        assertThat(new String(aggregate, StandardCharsets.ISO_8859_1)).contains("event-1", "event-2", "event-3",
                "key-1", "key-3");
    }

    @Test
    void limitsAboveTheService_areRefused_namingTheSetting() {
        FakeKinesis kinesis = FakeKinesis.accepting();
        assertThatThrownBy(() -> KinesisSink.builder(kinesis, "s").batch(BatchConfig.kinesisDefaults()
                .withMaxRecords(501))).hasMessage("maxRecords must be in [1, 500] for Kinesis but was 501");
        assertThatThrownBy(() -> KinesisSink.builder(kinesis, "s").batch(BatchConfig.kinesisDefaults()
                .withMaxBytes(6 * 1024 * 1024))).hasMessage("maxBytes must be in [1, 5242880] for Kinesis but was "
                + 6 * 1024 * 1024);
        assertThatThrownBy(() -> BatchConfig.kinesisDefaults().withMaxConcurrentRequests(0))
                .hasMessage("maxConcurrentRequests must be >= 1 but was 0");
    }
}
