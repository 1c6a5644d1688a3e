package io.kdg4j.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.kdg4j.aws.StreamReader;
import io.kdg4j.core.run.RunSummary;
import io.kdg4j.junit.internal.Backends;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * The other backends: an endpoint (kinesis-mock, which .ci/run starts; skipped where it is absent, failing in CI)
 * and LocalStack (tagged, run where Docker answers, skipped otherwise).
 */
class BackendsTest {
    static final Map<String, Object> SEEN = new ConcurrentHashMap<>();

    @KinesisTest
    static class Orders {
        @KinesisGenerator(stream = "backend-orders", preset = "clickstream", records = 300, seed = "5")
        RunningGenerator orders;

        @Test
        void readsBack(KinesisClient kinesis) throws Exception {
            RunSummary summary = orders.awaitCompletion(Duration.ofSeconds(60));
            SEEN.put("acked", summary.acked());
            SEEN.put("read", StreamReader.readAll(kinesis, "backend-orders", 300, Duration.ofSeconds(30)).size());
        }
    }

    @Test
    void endpointBackend_againstKinesisMock() {
        String endpoint = System.getenv("KDG4J_KINESIS_MOCK_ENDPOINT");
        if ((endpoint == null || endpoint.isBlank()) && "true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("KDG4J_KINESIS_MOCK_ENDPOINT is not set, and CI must run the endpoint backend test");
        }
        assumeTrue(endpoint != null && !endpoint.isBlank(), "KDG4J_KINESIS_MOCK_ENDPOINT is not set; skipped");
        SEEN.clear();
        EngineTestKit.engine("junit-jupiter").configurationParameter(KinesisExtension.BACKEND, "endpoint")
                .configurationParameter(KinesisExtension.ENDPOINT, endpoint).selectors(selectClass(Orders.class))
                .execute().testEvents().assertStatistics(stats -> stats.succeeded(1));
        assertThat(SEEN).containsEntry("acked", 300L).containsEntry("read", 300);
    }

    @Test
    void localStackAccounts_areTwelveDigits_stable_andDifferentPerClass() {
        String a = BackendSelection.accountOf("[engine:junit-jupiter]/[class:com.example.OrdersTest]");
        String b = BackendSelection.accountOf("[engine:junit-jupiter]/[class:com.example.PaymentsTest]");
        assertThat(a).matches("\\d{12}").isEqualTo(BackendSelection.accountOf(
                "[engine:junit-jupiter]/[class:com.example.OrdersTest]"));
        assertThat(b).matches("\\d{12}").isNotEqualTo(a);
    }

    @Test
    @Tag("localstack")
    void localStackBackend_whenDockerIsAvailable() {
        assumeTrue(Backends.dockerAvailable(), "no Docker engine answers; LocalStack skipped");
        SEEN.clear();
        EngineTestKit.engine("junit-jupiter").configurationParameter(KinesisExtension.BACKEND, "localstack")
                .selectors(selectClass(Orders.class)).execute().testEvents()
                .assertStatistics(stats -> stats.succeeded(1));
        assertThat(SEEN).containsEntry("acked", 300L).containsEntry("read", 300);
    }
}
