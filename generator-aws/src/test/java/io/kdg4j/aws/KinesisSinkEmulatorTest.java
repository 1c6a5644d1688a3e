package io.kdg4j.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.kdg4j.core.run.Generator;
import io.kdg4j.core.run.RunSummary;
import io.kdg4j.local.Faults;
import io.kdg4j.local.LocalConfig;
import io.kdg4j.local.LocalEmulator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.Record;

/** The Kinesis sink end to end against the embedded emulator: plain, throttled, and with injected faults. */
class KinesisSinkEmulatorTest {
    private static LocalEmulator local;
    private static AwsEndpoint endpoint;
    private static KinesisClient kinesis;

    @BeforeAll
    static void start() {
        local = LocalEmulator.start();
        endpoint = endpointOf(local);
        kinesis = endpoint.kinesis();
    }

    static AwsEndpoint endpointOf(LocalEmulator emulator) {
        return AwsEndpoint.of(emulator.endpoint(), Region.of(emulator.region()), emulator.accessKeyId(),
                emulator.secretAccessKey());
    }

    @AfterAll
    static void stop() {
        kinesis.close();
        local.close();
    }

    @Test
    void everyRecordSent_isReadBackOnce_andAcked() throws Exception {
        RunSummary summary = SinkRoundTrip.sendAndReadBack(endpoint, kinesis, 4, 20_000);
        assertThat(summary.retried()).isZero();
        assertThat(summary.possibleDuplicates()).isZero();
    }

    @Test
    void rate_of20000PerSecondFor10Seconds_isWithinOnePercent() throws Exception {
        String stream = SinkRoundTrip.streamName();
        Provisioning.ensureStream(kinesis, stream, 4, Duration.ofSeconds(30));
        RunSummary summary;
        try (KinesisSink sink = KinesisSink.builder(endpoint, stream).build()) {
            summary = Generator.from(SinkRoundTrip.EVENTS).rate(20_000).limit(Duration.ofSeconds(10)).to(sink)
                    .start().awaitCompletion(Duration.ofMinutes(1));
        }
        assertThat((double) summary.generated()).isCloseTo(200_000, within(2_000.0));
        assertThat(summary.acked()).isEqualTo(summary.generated());
    }

    /**
     * Shard limits enforced (1,000 records/s per shard), 5% of entries failed, 3% of requests answered 500 or 503,
     * 2% of connections dropped after the request was carried out, 5 ms latency: every record is acked in the end,
     * every acked record is in the stream, and the only duplicates are the ones the summary calls possible.
     */
    @Test
    void throttlingAndFaults_completeTheRun_withNothingAckedMissing_andOnlyReportedDuplicates() throws Exception {
        Faults faults = Faults.NONE.withEntryFailureRate(0.05).withServerErrorRate(0.03)
                .withDroppedConnectionRate(0.02).withLatency(Duration.ofMillis(5)).withSeed(42);
        try (LocalEmulator faulty = LocalEmulator.start(LocalConfig.builder().enforceShardLimits(true)
                .faults(faults).build()); KinesisClient client = endpointOf(faulty).kinesis()) {
            String stream = SinkRoundTrip.streamName();
            Provisioning.ensureStream(client, stream, 2, Duration.ofSeconds(30));
            int count = 4_000;
            TrackingSink sink = new TrackingSink(KinesisSink.builder(endpointOf(faulty), stream)
                    .retry(RetryPolicy.DEFAULT.withBackoff(Duration.ofMillis(20), Duration.ofSeconds(1))).build());
            RunSummary summary;
            try (sink) {
                summary = Generator.from(SinkRoundTrip.EVENTS).seed(3).limit(count).to(sink).start()
                        .awaitCompletion(Duration.ofMinutes(2));
            }
            assertThat(summary.generated()).isEqualTo(count);
            assertThat(summary.acked() + summary.failed()).isEqualTo(count);
            assertThat(summary.acked()).isEqualTo(count);
            assertThat(summary.throttled()).as("2 shards at 1,000 records/s are throttled").isPositive();
            assertThat(summary.retried()).isGreaterThan(summary.throttled());

            // everything is stored by now: one pass over each shard (pages of 10,000) reads it, duplicates included
            List<Record> read = StreamReader.readAll(client, stream, count, Duration.ofSeconds(30));
            Map<Long, Integer> ids = SinkRoundTrip.idsIn(read);
            assertThat(ids.keySet()).containsAll(sink.acked);
            long duplicates = ids.values().stream().mapToLong(n -> n - 1).sum();
            assertThat(duplicates).isLessThanOrEqualTo(summary.possibleDuplicates());
        }
    }

    @Test
    void entryFailuresThatOutlastTheRetries_areCountedByCode() throws Exception {
        try (LocalEmulator faulty = LocalEmulator.start(LocalConfig.builder().faults(Faults.NONE
                .withEntryFailureRate(0.5).withSeed(7)).build()); KinesisClient client = endpointOf(faulty)
                .kinesis()) {
            String stream = SinkRoundTrip.streamName();
            Provisioning.ensureStream(client, stream, 1, Duration.ofSeconds(30));
            RunSummary summary;
            try (KinesisSink sink = KinesisSink.builder(endpointOf(faulty), stream)
                    .retry(RetryPolicy.DEFAULT.withMaxAttempts(2).withBackoff(Duration.ofMillis(1),
                            Duration.ofMillis(2))).build()) {
                summary = Generator.from(SinkRoundTrip.EVENTS).limit(2_000).to(sink).start()
                        .awaitCompletion(Duration.ofMinutes(1));
            }
            // each record fails twice with probability 1/4
            assertThat((double) summary.failed()).isCloseTo(500, within(100.0));
            assertThat(summary.failedByCode()).containsOnlyKeys("InternalFailure");
            assertThat(summary.acked() + summary.failed()).isEqualTo(2_000);
            List<Record> read = StreamReader.readAll(client, stream, summary.acked(), Duration.ofSeconds(30));
            assertThat(read).hasSize((int) summary.acked());
        }
    }

    @Test
    void missingStream_failsEveryRecord_withResourceNotFound() throws Exception {
        RunSummary summary;
        try (KinesisSink sink = KinesisSink.builder(endpoint, "no-such-stream").build()) {
            summary = Generator.from(SinkRoundTrip.EVENTS).limit(100).to(sink).start()
                    .awaitCompletion(Duration.ofSeconds(30));
        }
        assertThat(summary.failedByCode()).containsExactly(Map.entry("ResourceNotFoundException", 100L));
        assertThat(summary.retried()).isZero();
    }
}
