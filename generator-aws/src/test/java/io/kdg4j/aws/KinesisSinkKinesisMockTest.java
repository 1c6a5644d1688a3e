package io.kdg4j.aws;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisClient;

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
}
