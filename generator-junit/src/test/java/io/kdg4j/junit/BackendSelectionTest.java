package io.kdg4j.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import io.kdg4j.aws.AwsEndpoint;
import io.kdg4j.junit.internal.LocalStackBackend;
import io.kdg4j.junit.internal.StartedBackend;
import io.kdg4j.local.LocalEmulator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;
import org.testcontainers.containers.ContainerLaunchException;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * Choosing the backend when Docker or LocalStack fail, without Docker: the Docker check and the LocalStack start
 * are replaced by ones that answer as told.
 */
class BackendSelectionTest {
    static final AtomicInteger STARTS = new AtomicInteger();
    static final List<AwsEndpoint> ENDPOINTS = new CopyOnWriteArrayList<>();
    static final Map<String, Object> SEEN = new ConcurrentHashMap<>();

    /** What the fixtures' extension is built with, set by each test before it runs them. */
    static volatile BackendSelection selection;

    /** A LocalStack start that fails as a pull of a missing image does, after Testcontainers' wrapping. */
    static final Function<LocalStackBackend.Settings, StartedBackend> PULL_FAILS = settings -> {
        STARTS.incrementAndGet();
        throw new ContainerLaunchException("Container startup failed for image " + settings.image(),
                new IllegalStateException("pull access denied for localstack/localstack-nonexistent"));
    };

    /** A stand-in for LocalStack: an emulator in this JVM that calls itself localstack. */
    static final Function<LocalStackBackend.Settings, StartedBackend> FAKE_LOCALSTACK = settings -> {
        STARTS.incrementAndGet();
        LocalEmulator local = LocalEmulator.start();
        return new StartedBackend("localstack", AwsEndpoint.of(local.endpoint(),
                software.amazon.awssdk.regions.Region.of(local.region()), "t", "t"), local);
    };

    @BeforeEach
    void reset() {
        STARTS.set(0);
        ENDPOINTS.clear();
        SEEN.clear();
    }

    static class Sends {
        @RegisterExtension
        KinesisExtension kinesis = new KinesisExtension(selection); // per instance: each test sets selection

        @KinesisGenerator(stream = "chosen", preset = "iot", records = 20, seed = "1")
        RunningGenerator devices;

        @Test
        void sends(AwsEndpoint endpoint, KinesisClient kinesis) throws Exception {
            assertThat(devices.awaitCompletion(Duration.ofSeconds(30)).acked()).isEqualTo(20);
            ENDPOINTS.add(endpoint);
        }
    }

    static class SendsToo extends Sends {
    }

    private static Events run(Class<?>... classes) {
        return EngineTestKit.engine("junit-jupiter").selectors(java.util.Arrays.stream(classes)
                .map(c -> selectClass(c)).toArray(org.junit.platform.engine.DiscoverySelector[]::new)).execute()
                .testEvents();
    }

    @Test
    void auto_whenLocalStackCannotStart_fallsBackToEmbedded_andTriesOncePerRun() {
        selection = new BackendSelection(Backend.AUTO, null, null, () -> true, PULL_FAILS);
        run(Sends.class, SendsToo.class).assertStatistics(stats -> stats.started(2).succeeded(2));
        assertThat(STARTS).hasValue(1);
        assertThat(ENDPOINTS).hasSize(2).allSatisfy(e -> assertThat(e.endpoint().getHost()).isEqualTo("127.0.0.1"));
        assertThat(ENDPOINTS.get(0)).isNotEqualTo(ENDPOINTS.get(1)); // an emulator of its own per class
    }

    @Test
    void auto_withoutDocker_doesNotTryLocalStack() {
        selection = new BackendSelection(Backend.AUTO, null, null, () -> false, PULL_FAILS);
        run(Sends.class).assertStatistics(stats -> stats.succeeded(1));
        assertThat(STARTS).hasValue(0);
    }

    @Test
    void localstackAskedFor_failsWithTheRealReason() {
        selection = new BackendSelection(Backend.LOCALSTACK, "localstack/localstack-nonexistent:1", null,
                () -> true, PULL_FAILS);
        run(Sends.class).assertThatEvents().haveExactly(1, finishedWithFailure(message(m -> m.contains(
                "LocalStack (localstack/localstack-nonexistent:1) could not start") && m.contains(
                "pull access denied for localstack/localstack-nonexistent"))));
    }

    @Test
    void reasons_nameTheInnermostCause() {
        assertThat(BackendSelection.reason(new ContainerLaunchException("Container startup failed",
                new IllegalStateException("Could not connect to Ryuk at localhost:32768")))).isEqualTo(
                "Container startup failed (IllegalStateException: Could not connect to Ryuk at localhost:32768)");
    }

    @Test
    void fixtureAuto_whenLocalStackCannotStart_isEmbedded_andDoesNotTryAgain() throws Exception {
        KinesisFixture.forgetLocalStackFailure();
        AtomicInteger tries = new AtomicInteger();
        java.util.function.Supplier<StartedBackend> failing = () -> {
            tries.incrementAndGet();
            throw new ContainerLaunchException("Timed out waiting for container port to open");
        };
        try (KinesisFixture first = KinesisFixture.auto(() -> true, failing);
             KinesisFixture second = KinesisFixture.auto(() -> true, failing)) {
            assertThat(first.backend()).isEqualTo(Backend.EMBEDDED);
            assertThat(second.backend()).isEqualTo(Backend.EMBEDDED);
        } finally {
            KinesisFixture.forgetLocalStackFailure();
        }
        assertThat(tries).hasValue(1);
    }

    /** Two classes on LocalStack at once, one bucket name: the second is told, not given the first one's objects. */
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class Landing {
        @RegisterExtension
        KinesisExtension kinesis = new KinesisExtension(selection); // per instance: each test sets selection

        @Test
        @Order(1)
        void lands(@KinesisGenerator(deliveryStream = "d1", bucket = "shared-bucket", preset = "iot", records = 5)
                   RunningGenerator gen) throws Exception {
            gen.awaitCompletion(Duration.ofSeconds(30));
        }

        @Nested
        class AnotherClassMeanwhile {
            @Test
            void landsInTheSameBucket(@KinesisGenerator(deliveryStream = "d2", bucket = "shared-bucket",
                                                        preset = "iot", records = 5) RunningGenerator gen) {
                SEEN.put("started", gen.isStarted());
            }
        }
    }

    @Test
    void onLocalStack_aBucketNameInUseByAnotherRunningClass_isRefused_namingIt() {
        selection = new BackendSelection(Backend.LOCALSTACK, null, null, () -> true, FAKE_LOCALSTACK);
        Events events = run(Landing.class);
        events.assertThatEvents().haveExactly(1, finishedWithFailure(message(m -> m.contains("bucket shared-bucket "
                + "is in use by [engine:junit-jupiter]/[class:" + Landing.class.getName() + "]")
                && m.contains("give each class its own bucket name"))));
        assertThat(SEEN).doesNotContainKey("started");
        events.assertStatistics(stats -> stats.succeeded(1).failed(1));
    }

    @Test
    void onTheEmbeddedBackend_eachClassHasItsOwnS3_soTheSameBucketIsFine() {
        selection = new BackendSelection(Backend.EMBEDDED, null, null, () -> false, PULL_FAILS);
        run(Landing.class).assertStatistics(stats -> stats.succeeded(2));
    }

    @Test
    void aJUnitThatClosesNoAutoCloseables_stillGetsEverythingClosed() {
        selection = new BackendSelection(Backend.EMBEDDED, null, null, () -> false, PULL_FAILS);
        // JUnit 5.10 to 5.12 close only CloseableResources; 5.13+ can be told to behave the same
        EngineTestKit.engine("junit-jupiter")
                .configurationParameter("junit.jupiter.extensions.store.close.autocloseable.enabled", "false")
                .selectors(selectClass(Sends.class)).execute().testEvents()
                .assertStatistics(stats -> stats.succeeded(1));
        try (KinesisClient after = ENDPOINTS.get(0).kinesis()) {
            assertThatThrownBy(after::listStreams).isInstanceOf(software.amazon.awssdk.core.exception
                    .SdkClientException.class);
        }
    }

    @Test
    void onLocalStack_eachClassHasAnAccountOfItsOwn_unlessTheyShareOne() {
        selection = new BackendSelection(Backend.LOCALSTACK, null, null, () -> true, FAKE_LOCALSTACK);
        run(Sends.class, SendsToo.class).assertStatistics(stats -> stats.succeeded(2));
        assertThat(ENDPOINTS).extracting(e -> e.credentials().resolveCredentials().accessKeyId())
                .allMatch(key -> key.matches("\\d{12}")).doesNotHaveDuplicates();
        ENDPOINTS.clear();
        EngineTestKit.engine("junit-jupiter")
                .configurationParameter(KinesisExtension.LOCALSTACK_ACCOUNT_PER_CLASS, "false")
                .selectors(selectClass(Sends.class), selectClass(SendsToo.class)).execute().testEvents()
                .assertStatistics(stats -> stats.succeeded(2));
        assertThat(ENDPOINTS).extracting(e -> e.credentials().resolveCredentials().accessKeyId())
                .containsExactly("t", "t");
    }
}
