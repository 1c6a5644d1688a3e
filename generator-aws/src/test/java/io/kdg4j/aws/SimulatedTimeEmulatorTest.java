package io.kdg4j.aws;

import static io.kdg4j.core.Fields.field;
import static io.kdg4j.core.Fields.integers;
import static io.kdg4j.core.Fields.now;
import static io.kdg4j.core.Fields.record;
import static io.kdg4j.core.Fields.uuid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kdg4j.core.RecordSchema;
import io.kdg4j.core.rate.RateProfile;
import io.kdg4j.core.run.Generator;
import io.kdg4j.core.run.RunSummary;
import io.kdg4j.local.LocalEmulator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/**
 * A simulated day of a diurnal profile (1 to 10 records/s) through the embedded emulator into a 4-shard stream:
 * every record lands, each shard holds its records in simulated-time order (the sink sends one request at a time),
 * and the records per simulated hour follow the profile.
 */
class SimulatedTimeEmulatorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant FROM = Instant.parse("2026-03-01T00:00:00Z");
    private static final RecordSchema EVENTS = record(field("event_time", now().epochMillis()),
            field("user", uuid()), field("amount", integers(1, 500))).partitionKeyField("user");

    @Test
    void aSimulatedDay_landsInEveryShardInEventTimeOrder_followingTheProfile() throws Exception {
        try (LocalEmulator local = LocalEmulator.start();
             KinesisClient kinesis = KinesisSinkEmulatorTest.endpointOf(local).kinesis()) {
            AwsEndpoint endpoint = KinesisSinkEmulatorTest.endpointOf(local);
            Provisioning.ensureStream(kinesis, "simulated-day", 4, Duration.ofSeconds(30));
            RunSummary summary;
            // one request at a time, so that each shard receives its records in the order they were generated
            try (KinesisSink sink = KinesisSink.builder(endpoint, "simulated-day")
                    .batch(BatchConfig.kinesisDefaults().withMaxConcurrentRequests(1)).build()) {
                summary = Generator.from(EVENTS).seed(11).rate(RateProfile.diurnal(1, 10, Clock.systemUTC()))
                        .simulatedTime(FROM, FROM.plus(Duration.ofDays(1))).to(sink).start()
                        .awaitCompletion(Duration.ofMinutes(3));
            }
            assertThat(summary.allAcked()).isTrue();
            // 5.5 records/s on average over 86,400 s
            assertThat((double) summary.acked()).isCloseTo(475_200, within(10.0));

            long[] perHour = new long[24];
            long total = 0;
            for (Shard shard : kinesis.listShards(b -> b.streamName("simulated-day")).shards()) {
                List<Long> times = eventTimes(kinesis, shard.shardId());
                assertThat(times).as("shard %s", shard.shardId()).isNotEmpty().isSorted();
                for (long time : times) {
                    perHour[(int) ((time - FROM.toEpochMilli()) / 3_600_000)]++;
                }
                total += times.size();
            }
            assertThat(total).isEqualTo(summary.acked());
            for (int hour = 0; hour < 24; hour++) {
                double expected = 3600 * (5.5 + 4.5 * averageSine(hour));
                assertThat((double) perHour[hour]).as("records in simulated hour %d", hour)
                        .isCloseTo(expected, within(expected * 0.02));
            }
        }
    }

    /** The mean of sin(2 pi (t - 8 h) / 24 h) over hour {@code hour} of the day. */
    private static double averageSine(int hour) {
        double w = 2 * Math.PI / 86_400;
        double a = (hour - 8) * 3600.0;
        return (Math.cos(w * a) - Math.cos(w * (a + 3600))) / (w * 3600);
    }

    private static List<Long> eventTimes(KinesisClient kinesis, String shardId) throws Exception {
        List<Long> times = new ArrayList<>();
        String iterator = kinesis.getShardIterator(b -> b.streamName("simulated-day").shardId(shardId)
                .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
        while (iterator != null) {
            String current = iterator;
            GetRecordsResponse page = kinesis.getRecords(b -> b.shardIterator(current).limit(10_000));
            for (Record record : page.records()) {
                JsonNode json = JSON.readTree(record.data().asByteArray());
                times.add(json.get("event_time").asLong());
            }
            if (page.records().isEmpty() && page.millisBehindLatest() == 0) {
                break;
            }
            iterator = page.nextShardIterator();
        }
        return times;
    }
}
