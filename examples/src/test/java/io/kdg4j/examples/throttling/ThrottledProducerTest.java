package io.kdg4j.examples.throttling;

import static org.assertj.core.api.Assertions.assertThat;

import io.kdg4j.aws.StreamReader;
import io.kdg4j.core.run.RunSummary;
import io.kdg4j.junit.KinesisFixture;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kinesis.model.Record;

class ThrottledProducerTest {
    @Test
    void atTwiceTheShardLimit_retriesKeepEveryRecord_andTheConsumerSeesThemAll() throws Exception {
        try (KinesisFixture fixture = ThrottledProducer.throttlingBackend()) {
            RunSummary summary = ThrottledProducer.sendAt(fixture, "clicks", 2_000, Duration.ofSeconds(3));
            assertThat(summary.throttled()).as("the shard refused the excess").isPositive();
            assertThat(summary.failed()).isZero();
            assertThat(summary.acked()).isEqualTo(summary.generated());

            List<Record> consumed = StreamReader.readAll(fixture.kinesis(), "clicks", summary.acked(),
                    Duration.ofSeconds(30));
            Set<String> distinct = new HashSet<>();
            consumed.forEach(r -> distinct.add(r.data().asUtf8String()));
            assertThat(consumed).hasSize((int) summary.acked());
            assertThat(distinct).hasSize((int) summary.acked());
        }
    }
}
