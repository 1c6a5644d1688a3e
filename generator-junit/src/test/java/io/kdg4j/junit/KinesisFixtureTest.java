package io.kdg4j.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kdg4j.aws.AwsEndpoint;
import io.kdg4j.aws.DeliveryStreamSpec;
import io.kdg4j.aws.StreamReader;
import io.kdg4j.core.preset.Presets;
import io.kdg4j.core.run.Generator;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.kinesis.KinesisClient;

class KinesisFixtureTest {
    @Test
    void fixture_createsStreams_sends_andCleansUpOnClose() throws Exception {
        AwsEndpoint endpoint;
        try (KinesisFixture fixture = KinesisFixture.embedded()) {
            endpoint = fixture.endpoint();
            assertThat(fixture.backend()).isEqualTo(Backend.EMBEDDED);
            RunningGenerator orders = fixture.stream("orders", 2,
                    Generator.from(Presets.get("sakila").schema()).seed(7).rate(2_000).limit(500));
            assertThat(orders.awaitCompletion(Duration.ofSeconds(30)).acked()).isEqualTo(500);
            assertThat(orders.seed()).isEqualTo(7);
            assertThat(StreamReader.readAll(fixture.kinesis(), "orders", 500, Duration.ofSeconds(10))).hasSize(500);

            RunningGenerator landing = fixture.deliveryStream(DeliveryStreamSpec.of("etl", "landing"),
                    Generator.from(Presets.get("iot").schema()).limit(50));
            assertThat(landing.awaitCompletion(Duration.ofSeconds(30)).acked()).isEqualTo(50);
            assertThat(fixture.s3().listBuckets().buckets()).extracting(b -> b.name()).contains("landing");
        }
        try (KinesisClient after = endpoint.kinesis()) {
            assertThatThrownBy(after::listStreams).as("the emulator is stopped with the fixture")
                    .isInstanceOf(SdkClientException.class);
        }
    }

    @Test
    void auto_choosesLocalStackOnlyWhereDockerAnswers_andSaysWhichItChose() throws Exception {
        try (KinesisFixture fixture = KinesisFixture.auto()) {
            assertThat(fixture.backend()).isEqualTo(io.kdg4j.junit.internal.Backends.dockerAvailable()
                    ? Backend.LOCALSTACK : Backend.EMBEDDED);
            assertThat(fixture.kinesis().listStreams().hasMoreStreams()).as("the backend answers").isFalse();
        }
    }
}
