package io.kdg4j.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;

/**
 * The Kinesis sink against kinesis-mock (npm kinesis-local), which .ci/run starts and passes as
 * KDG4J_KINESIS_MOCK_ENDPOINT: N records sent, N read back once each. Skipped where it is absent; in CI its
 * absence fails.
 */
class KinesisSinkKinesisMockTest {
    static final String ENDPOINT_VARIABLE = "KDG4J_KINESIS_MOCK_ENDPOINT";

    @BeforeAll
    static void requireKinesisMock() {
        String endpoint = System.getenv(ENDPOINT_VARIABLE);
        if ((endpoint == null || endpoint.isBlank()) && "true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(ENDPOINT_VARIABLE + " is not set, and CI must run the kinesis-mock tests");
        }
        assumeTrue(endpoint != null && !endpoint.isBlank(), ENDPOINT_VARIABLE + " is not set; skipped");
    }

    @Test
    void everyRecordSent_isReadBackOnce_andAcked() throws Exception {
        AwsEndpoint endpoint = AwsEndpoint.of(URI.create(System.getenv(ENDPOINT_VARIABLE)), Region.US_EAST_1,
                "test", "test");
        try (KinesisClient kinesis = endpoint.kinesis()) {
            // kinesis-mock takes about a thousand records a second here
            SinkRoundTrip.sendAndReadBack(endpoint, kinesis, 2, 2_000);
        }
    }

    @Test
    void aStreamDeletedAMomentAgo_isWaitedOut_andCreatedAnew() {
        AwsEndpoint endpoint = AwsEndpoint.of(URI.create(System.getenv(ENDPOINT_VARIABLE)), Region.US_EAST_1,
                "test", "test");
        String stream = "recreated-" + System.nanoTime();
        try (KinesisClient kinesis = endpoint.kinesis()) {
            assertThat(Provisioning.ensureStream(kinesis, stream, 1, Duration.ofSeconds(30))).isTrue();
            kinesis.deleteStream(b -> b.streamName(stream));
            // what the next test's provisioning meets: kinesis-mock, like LocalStack, keeps the stream DELETING
            assertThat(kinesis.describeStreamSummary(b -> b.streamName(stream)).streamDescriptionSummary()
                    .streamStatus()).isEqualTo(StreamStatus.DELETING);
            assertThat(Provisioning.ensureStream(kinesis, stream, 2, Duration.ofSeconds(30))).isTrue();
            assertThat(kinesis.describeStreamSummary(b -> b.streamName(stream)).streamDescriptionSummary())
                    .satisfies(summary -> {
                        assertThat(summary.streamStatus()).isEqualTo(StreamStatus.ACTIVE);
                        assertThat(summary.openShardCount()).isEqualTo(2);
                    });
            kinesis.deleteStream(b -> b.streamName(stream));
        }
    }
}
