package io.kdg4j.examples.throttling;

import io.kdg4j.core.preset.Presets;
import io.kdg4j.core.run.Generator;
import io.kdg4j.core.run.RunSummary;
import io.kdg4j.junit.KinesisFixture;
import io.kdg4j.junit.RunningGenerator;
import io.kdg4j.local.LocalConfig;
import java.time.Duration;

/**
 * Testing a consumer against throttling: a one-shard stream that enforces the service's write limits (1,000
 * records/s), and a generator at twice that. The shard answers ProvisionedThroughputExceededException for the
 * excess; the sink retries exactly those records, so the consumer still sees every one.
 */
public final class ThrottledProducer {
    private ThrottledProducer() {
    }

    /** A fixture whose streams throttle like the service. */
    public static KinesisFixture throttlingBackend() {
        return KinesisFixture.embedded(LocalConfig.builder().enforceShardLimits(true).build());
    }

    /** Sends the clickstream preset at {@code rate} records/s for {@code duration} to a one-shard stream. */
    public static RunSummary sendAt(KinesisFixture fixture, String stream, double rate, Duration duration)
            throws Exception {
        RunningGenerator producer = fixture.stream(stream, 1, Generator.from(Presets.get("clickstream").schema())
                .seed(4).rate(rate).limit(duration));
        return producer.awaitCompletion(duration.plusMinutes(2));
    }

    public static void main(String[] args) throws Exception {
        try (KinesisFixture fixture = throttlingBackend()) {
            RunSummary summary = sendAt(fixture, "clicks", 2_000, Duration.ofSeconds(5));
            System.out.println(summary.describe());
        }
    }
}
