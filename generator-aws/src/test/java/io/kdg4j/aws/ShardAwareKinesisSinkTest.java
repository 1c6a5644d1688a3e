package io.kdg4j.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.kdg4j.core.GeneratedRecord;
import io.kdg4j.core.Records;
import io.kdg4j.core.run.Generator;
import io.kdg4j.core.run.RunSummary;
import io.kdg4j.local.LocalConfig;
import io.kdg4j.local.LocalEmulator;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;
import software.amazon.kinesis.retrieval.AggregatorUtil;
import software.amazon.kinesis.retrieval.KinesisClientRecord;

/** Shard-aware pacing and KPL aggregation against the emulator with shard limits enforced. */
class ShardAwareKinesisSinkTest {
    private static final Clock FIXED = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
    private static LocalEmulator local;
    private static AwsEndpoint endpoint;
    private static KinesisClient kinesis;

    @BeforeAll
    static void start() {
        local = LocalEmulator.start(LocalConfig.builder().enforceShardLimits(true).build());
        endpoint = KinesisSinkEmulatorTest.endpointOf(local);
        kinesis = endpoint.kinesis();
    }

    @AfterAll
    static void stop() {
        kinesis.close();
        local.close();
    }

    @Test
    void shardAwarePacing_keepsEveryShardUnderItsLimit_soNothingIsThrottled() throws Exception {
        String stream = SinkRoundTrip.streamName();
        Provisioning.ensureStream(kinesis, stream, 2, Duration.ofSeconds(30));
        RunSummary summary;
        try (KinesisSink sink = KinesisSink.builder(endpoint, stream).shardAwarePacing().build()) {
            summary = Generator.from(SinkRoundTrip.EVENTS).seed(4).limit(3_000).to(sink).start()
                    .awaitCompletion(Duration.ofMinutes(1));
        }
        assertThat(summary.acked()).isEqualTo(3_000);
        assertThat(summary.throttled()).isZero();
        // 3,000 records over 2 shards of 1,000 records/s, starting from empty buckets: at least a second
        assertThat(summary.elapsedSeconds()).isGreaterThan(1.0);
        assertThat(StreamReader.readAll(kinesis, stream, 3_000, Duration.ofSeconds(30))).hasSize(3_000);
    }

    /**
     * Aggregated records de-aggregated by the KCL's own AggregatorUtil, shard by shard with each shard's hash
     * range (the KCL drops aggregates whose records fall outside the shard): every user record comes back once,
     * with its partition key and bytes, in far fewer Kinesis records, and nothing is throttled.
     */
    @Test
    void kplAggregation_isReadBackWholeByTheKclDeaggregator() throws Exception {
        String stream = SinkRoundTrip.streamName();
        Provisioning.ensureStream(kinesis, stream, 4, Duration.ofSeconds(30));
        int count = 20_000;
        RunSummary summary;
        try (KinesisSink sink = KinesisSink.builder(endpoint, stream).aggregation().shardAwarePacing().build()) {
            summary = Generator.from(SinkRoundTrip.EVENTS).seed(8).clock(FIXED).limit(count).to(sink).start()
                    .awaitCompletion(Duration.ofMinutes(1));
        }
        assertThat(summary.acked()).isEqualTo(count);
        assertThat(summary.throttled()).isZero();

        AggregatorUtil kcl = new AggregatorUtil();
        List<KinesisClientRecord> userRecords = new ArrayList<>();
        long kinesisRecords = 0;
        for (Shard shard : kinesis.listShards(b -> b.streamName(stream)).shards()) {
            List<KinesisClientRecord> raw = new ArrayList<>();
            String iterator = kinesis.getShardIterator(b -> b.streamName(stream).shardId(shard.shardId())
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            while (iterator != null) {
                String it = iterator;
                GetRecordsResponse response = kinesis.getRecords(b -> b.shardIterator(it));
                response.records().stream().map(KinesisClientRecord::fromRecord).forEach(raw::add);
                iterator = response.records().isEmpty() ? null : response.nextShardIterator();
            }
            kinesisRecords += raw.size();
            userRecords.addAll(kcl.deaggregate(raw, new BigInteger(shard.hashKeyRange().startingHashKey()),
                    new BigInteger(shard.hashKeyRange().endingHashKey())));
        }
        assertThat(kinesisRecords).as("aggregates of ~50 KB carry hundreds of records each").isLessThan(count / 100);
        assertThat(userRecords).hasSize(count);
        assertThat(userRecords).allMatch(KinesisClientRecord::aggregated);

        Map<String, String> sent = Records.from(SinkRoundTrip.EVENTS).seed(8).clock(FIXED).stream(count)
                .collect(Collectors.toMap(GeneratedRecord::text, GeneratedRecord::partitionKey));
        Map<String, String> received = userRecords.stream().collect(Collectors.toMap(
                r -> StandardCharsets.UTF_8.decode(r.data()).toString(), KinesisClientRecord::partitionKey));
        assertThat(received).isEqualTo(sent);
    }
}
