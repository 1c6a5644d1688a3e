package io.kdg4j.local;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import org.junit.jupiter.api.BeforeAll;

/**
 * The conformance suite against kinesis-mock ({@code kinesis-local} from npm), whose plain-HTTP endpoint
 * {@code .ci/run} starts and passes as KDG4J_KINESIS_MOCK_ENDPOINT. Skipped where it is absent; in CI
 * (CI=true) its absence fails the suite.
 */
class KinesisMockConformanceTest extends KinesisConformance {
    static final String ENDPOINT_VARIABLE = "KDG4J_KINESIS_MOCK_ENDPOINT";

    @BeforeAll
    static void requireKinesisMock() {
        String endpoint = System.getenv(ENDPOINT_VARIABLE);
        if ((endpoint == null || endpoint.isBlank()) && "true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(ENDPOINT_VARIABLE + " is not set, and CI must run the kinesis-mock conformance suite");
        }
        assumeTrue(endpoint != null && !endpoint.isBlank(),
                ENDPOINT_VARIABLE + " is not set (start kinesis-mock as .ci/run does); skipped");
    }

    /**
     * kinesis-mock answers a field's constraint with InvalidArgumentException; AWS (its API reference, and the
     * answers the service gives) with ValidationException, which the emulator follows.
     */
    @Override
    protected String validationErrorCode() {
        return "InvalidArgumentException";
    }

    @Override
    protected URI endpoint() {
        return URI.create(System.getenv(ENDPOINT_VARIABLE));
    }
}
