package io.kdg4j.junit;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.kdg4j.aws.StreamReader;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * The endpoint backend on kinesis-mock ({@code .ci/run} starts it): two tests that want the same stream name, the
 * second provisioning it while kinesis-mock still has the first one's stream DELETING, as LocalStack does.
 */
class EndpointBackendKinesisMockTest {
    static final String ENDPOINT_VARIABLE = "KDG4J_KINESIS_MOCK_ENDPOINT";

    @BeforeAll
    static void requireKinesisMock() {
        String endpoint = System.getenv(ENDPOINT_VARIABLE);
        if ((endpoint == null || endpoint.isBlank()) && "true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(ENDPOINT_VARIABLE + " is not set, and CI must run the kinesis-mock tests");
        }
        assumeTrue(endpoint != null && !endpoint.isBlank(), ENDPOINT_VARIABLE + " is not set; skipped");
    }

    @KinesisTest
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class TwoTestsOneStreamName {
        @KinesisGenerator(stream = "same-name", preset = "iot", records = 50, seed = "3")
        RunningGenerator devices;

        @Test
        @Order(1)
        void first(StreamReader reader) throws Exception {
            devices.awaitCompletion(Duration.ofSeconds(30));
            if (reader.readAll("same-name", 50, Duration.ofSeconds(10)).size() != 50) {
                throw new AssertionError("the first test's records did not all arrive");
            }
        }

        @Test
        @Order(2)
        void second(StreamReader reader) throws Exception {
            devices.awaitCompletion(Duration.ofSeconds(30));
            // a stream created afresh: the first test's records are gone with its stream
            if (reader.readAll("same-name", 51, Duration.ofSeconds(3)).size() != 50) {
                throw new AssertionError("the second test did not get a stream of its own");
            }
        }
    }

    @Test
    void aStreamNameUsedByTheTestBefore_isCreatedAfresh() {
        EngineTestKit.engine("junit-jupiter").configurationParameter(KinesisExtension.BACKEND, "endpoint")
                .configurationParameter(KinesisExtension.ENDPOINT, System.getenv(ENDPOINT_VARIABLE))
                .selectors(selectClass(TwoTestsOneStreamName.class)).execute().testEvents()
                .assertStatistics(stats -> stats.started(2).succeeded(2));
    }
}
