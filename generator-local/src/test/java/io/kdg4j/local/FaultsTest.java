package io.kdg4j.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.KinesisException;
import software.amazon.awssdk.services.kinesis.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/** Throttling and injected faults, each seeded so a failing run can be replayed. */
class FaultsTest {

    /** A client that does not retry, so each injected fault is seen as it is. */
    static KinesisClient noRetries(LocalEmulator local) {
        return KinesisClient.builder().endpointOverride(local.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(Clients.credentials()).httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(AwsRetryStrategy.doNotRetry()).build())
                .build();
    }

    static void stream(KinesisClient kinesis, String name, int shards) {
        kinesis.createStream(b -> b.streamName(name).shardCount(shards));
        KinesisEmulatorTest.awaitActive(kinesis, name);
    }

    static List<PutRecordsRequestEntry> entries(int count) {
        List<PutRecordsRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            entries.add(PutRecordsRequestEntry.builder().partitionKey("k" + i)
                    .data(SdkBytes.fromUtf8String("record " + i)).build());
        }
        return entries;
    }

    static int stored(KinesisClient kinesis, String name) {
        int total = 0;
        for (var shard : kinesis.listShards(b -> b.streamName(name)).shards()) {
            String iterator = kinesis.getShardIterator(b -> b.streamName(name).shardId(shard.shardId())
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            GetRecordsResponse page = kinesis.getRecords(b -> b.shardIterator(iterator));
            total += page.records().size();
        }
        return total;
    }

    @Test
    void shardLimits_throttlePerEntry_beyondAThousandRecordsASecond() {
        try (LocalEmulator local = LocalEmulator.start(LocalConfig.builder().enforceShardLimits(true).build());
             KinesisClient kinesis = noRetries(local)) {
            stream(kinesis, "limited", 1);
            int accepted = 0;
            int throttled = 0;
            for (int batch = 0; batch < 5; batch++) {
                PutRecordsResponse put = kinesis.putRecords(b -> b.streamName("limited").records(entries(500)));
                for (PutRecordsResultEntry entry : put.records()) {
                    if (entry.errorCode() == null) {
                        accepted++;
                    } else {
                        assertThat(entry.errorCode()).isEqualTo("ProvisionedThroughputExceededException");
                        assertThat(entry.errorMessage()).contains("Rate exceeded for shard shardId-000000000000");
                        throttled++;
                    }
                }
            }
            // a full bucket of 1,000 plus what refills while the five calls run (well under a second here)
            assertThat(accepted).isBetween(1000, 1900);
            assertThat(throttled).isEqualTo(2500 - accepted);
            assertThat(stored(kinesis, "limited")).isEqualTo(accepted);
            // PutRecord too: two records of about 1 MB within milliseconds overdraw the 1 MiB/s byte allowance
            SdkBytes megabyte = SdkBytes.fromByteArray(new byte[1_000_000]);
            assertThatThrownBy(() -> {
                for (int i = 0; i < 3; i++) {
                    kinesis.putRecord(b -> b.streamName("limited").partitionKey("k").data(megabyte));
                }
            }).isInstanceOf(ProvisionedThroughputExceededException.class)
                    .hasMessageContaining("Rate exceeded for shard shardId-000000000000");
        }
    }

    @Test
    void entryFailures_failTheirShareOfRecords_withInternalFailure() {
        Faults faults = Faults.NONE.withEntryFailureRate(0.1).withSeed(42);
        try (LocalEmulator local = LocalEmulator.start(LocalConfig.builder().faults(faults).build());
             KinesisClient kinesis = noRetries(local)) {
            stream(kinesis, "flaky", 2);
            int failed = 0;
            for (int batch = 0; batch < 10; batch++) {
                PutRecordsResponse put = kinesis.putRecords(b -> b.streamName("flaky").records(entries(500)));
                failed += put.failedRecordCount();
                assertThat(put.records().stream().filter(r -> r.errorCode() != null))
                        .allSatisfy(r -> assertThat(r.errorCode()).isEqualTo("InternalFailure"));
            }
            // binomial(5000, 0.1): mean 500, sd 21; four sd either way
            assertThat(failed).isBetween(416, 584);
            assertThat(stored(kinesis, "flaky")).isEqualTo(5000 - failed);
        }
    }

    @Test
    void sameSeed_sameFailures() {
        List<Integer> first = failuresWithSeed(7);
        assertThat(failuresWithSeed(7)).isEqualTo(first);
        assertThat(failuresWithSeed(8)).isNotEqualTo(first);
    }

    private static List<Integer> failuresWithSeed(long seed) {
        Faults faults = Faults.NONE.withEntryFailureRate(0.2).withSeed(seed);
        try (LocalEmulator local = LocalEmulator.start(LocalConfig.builder().faults(faults).build());
             KinesisClient kinesis = noRetries(local)) {
            stream(kinesis, "replay", 1);
            PutRecordsResponse put = kinesis.putRecords(b -> b.streamName("replay").records(entries(100)));
            List<Integer> failed = new ArrayList<>();
            for (int i = 0; i < put.records().size(); i++) {
                if (put.records().get(i).errorCode() != null) {
                    failed.add(i);
                }
            }
            return failed;
        }
    }

    @Test
    void serverErrors_answer500And503_withoutStoringAnything() {
        Faults faults = Faults.NONE.withServerErrorRate(1.0);
        try (LocalEmulator local = LocalEmulator.start(LocalConfig.builder().faults(faults).build());
             KinesisClient kinesis = noRetries(local)) {
            stream(kinesis, "down", 1);
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                try {
                    kinesis.putRecords(b -> b.streamName("down").records(entries(10)));
                } catch (KinesisException e) {
                    statuses.add(e.statusCode());
                }
            }
            assertThat(statuses).containsExactly(503, 500, 503, 500);
            assertThat(stored(kinesis, "down")).isZero();
        }
    }

    @Test
    void droppedConnections_leaveTheClientInDoubt_butTheRecordsWereStored() {
        Faults faults = Faults.NONE.withDroppedConnectionRate(1.0);
        try (LocalEmulator local = LocalEmulator.start(LocalConfig.builder().faults(faults).build());
             KinesisClient kinesis = noRetries(local)) {
            stream(kinesis, "dropped", 1);
            assertThatThrownBy(() -> kinesis.putRecords(b -> b.streamName("dropped").records(entries(10))))
                    .isInstanceOf(SdkClientException.class);
            assertThat(stored(kinesis, "dropped")).isEqualTo(10);
        }
    }

    @Test
    void latency_delaysEveryAnswer() {
        Faults faults = Faults.NONE.withLatency(Duration.ofMillis(150));
        try (LocalEmulator local = LocalEmulator.start(LocalConfig.builder().faults(faults).build());
             KinesisClient kinesis = noRetries(local)) {
            long start = System.nanoTime();
            kinesis.listStreams();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
        }
    }
}
