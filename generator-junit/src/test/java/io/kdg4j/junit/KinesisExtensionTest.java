package io.kdg4j.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import io.kdg4j.aws.AwsEndpoint;
import io.kdg4j.aws.LandingReader;
import io.kdg4j.aws.StreamReader;
import io.kdg4j.core.RecordSchema;
import io.kdg4j.core.run.RunSummary;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.Record;

/**
 * The extension driven through JUnit's EngineTestKit on the embedded backend. The fixtures are nested classes,
 * which Surefire does not run by themselves.
 */
class KinesisExtensionTest {
    /** What fixtures saw, for the assertions after they ran. */
    static final Map<String, Object> SEEN = new ConcurrentHashMap<>();

    static Events run(Class<?> fixture) {
        return EngineTestKit.engine("junit-jupiter").configurationParameter(KinesisExtension.BACKEND, "embedded")
                .selectors(selectClass(fixture)).execute().testEvents();
    }

    @KinesisTest
    static class FieldInjection {
        @KinesisGenerator(stream = "orders", shards = 2, template = "classpath:orders.kdg", recordsPerSecond = 2_000,
                records = 400, seed = "11")
        RunningGenerator orders;

        @Test
        void consumesEveryOrder(KinesisClient kinesis, AwsEndpoint endpoint, StreamReader reader) throws Exception {
            RunSummary summary = orders.awaitCompletion(Duration.ofSeconds(30));
            SEEN.put("summary", summary);
            SEEN.put("read", reader.readAll("orders", 400, Duration.ofSeconds(10)).size());
            SEEN.put("shards", kinesis.listShards(b -> b.streamName("orders")).shards().size());
            SEEN.put("endpoint", endpoint);
            SEEN.put("seed", orders.seed());
        }
    }

    @Test
    void fieldInjection_createsTheStream_andSendsTheRecords() {
        run(FieldInjection.class).assertStatistics(stats -> stats.started(1).succeeded(1));
        assertThat(((RunSummary) SEEN.get("summary")).acked()).isEqualTo(400);
        assertThat(SEEN.get("read")).isEqualTo(400);
        assertThat(SEEN.get("shards")).isEqualTo(2);
        assertThat(SEEN.get("seed")).isEqualTo(11L);
        // the class's emulator is closed with the class: nothing is left running
        AwsEndpoint endpoint = (AwsEndpoint) SEEN.get("endpoint");
        try (KinesisClient after = endpoint.kinesis()) {
            assertThatThrownBy(after::listStreams).isInstanceOf(SdkClientException.class);
        }
    }

    @KinesisTest
    static class ParameterInjection {
        static RecordSchema orders() {
            return io.kdg4j.core.Fields.record(io.kdg4j.core.Fields.field("id", io.kdg4j.core.Fields.sequence(0, 1)));
        }

        @Test
        void landsInS3(@KinesisGenerator(deliveryStream = "etl3-delivery", bucket = "landing",
                prefix = "streaming/!{timestamp:yyyy/MM/}", errorPrefix = "errors/!{firehose:error-output-type}/",
                bufferSeconds = 1, schema = "orders", records = 250) RunningGenerator gen, LandingReader landing)
                throws Exception {
            assertThat(gen.awaitCompletion(Duration.ofSeconds(30)).acked()).isEqualTo(250);
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                    .until(() -> landing.lines("landing", "streaming/").size() >= 250);
            SEEN.put("lines", landing.lines("landing", "streaming/"));
        }
    }

    @Test
    void parameterInjection_deliversToS3ThroughFirehose() {
        run(ParameterInjection.class).assertStatistics(stats -> stats.started(1).succeeded(1));
        @SuppressWarnings("unchecked")
        List<String> lines = (List<String>) SEEN.get("lines");
        assertThat(lines).hasSize(250).allMatch(line -> line.matches("\\{\"id\":\\d+}"));
    }

    @KinesisTest
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class Cleanup {
        @Test
        @Order(1)
        void first(@KinesisGenerator(stream = "made-here", preset = "iot", records = 10) RunningGenerator gen)
                throws Exception {
            gen.awaitCompletion(Duration.ofSeconds(30));
        }

        @Test
        @Order(2)
        void second(KinesisClient kinesis) {
            SEEN.put("streamsAfterFirst", kinesis.listStreams().streamNames());
        }
    }

    @Test
    void streamsCreatedForATest_areDeletedAfterIt() {
        run(Cleanup.class).assertStatistics(stats -> stats.succeeded(2));
        @SuppressWarnings("unchecked")
        List<String> streams = (List<String>) SEEN.get("streamsAfterFirst");
        assertThat(streams).isNotNull().doesNotContain("made-here");
    }

    @KinesisTest
    static class Manual {
        @KinesisGenerator(stream = "later", preset = "atm", records = 50, startMode = StartMode.MANUAL)
        RunningGenerator later;

        @Test
        void startsWhenTold() throws Exception {
            await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(5))
                    .until(() -> later.stats().generated() == 0);
            SEEN.put("beforeStart", later.stats().generated());
            later.start();
            SEEN.put("acked", later.awaitCompletion(Duration.ofSeconds(30)).acked());
        }
    }

    @Test
    void manualStart_sendsNothingUntilStarted() {
        run(Manual.class).assertStatistics(stats -> stats.succeeded(1));
        assertThat(SEEN.get("beforeStart")).isEqualTo(0L);
        assertThat(SEEN.get("acked")).isEqualTo(50L);
    }

    @KinesisTest
    static class Failing {
        @KinesisGenerator(stream = "orders", preset = "sakila", records = 5, seed = "77")
        RunningGenerator orders;

        @Test
        void fails() {
            assertThat(1).isEqualTo(2);
        }
    }

    @Test
    void aFailingTest_reportsItsGeneratorsSeeds() {
        run(Failing.class).assertThatEvents().haveExactly(1, event(finishedWithFailure(
                message(m -> m.contains("kdg4j seeds: orders=77")))));
    }

    static class Registered {
        @org.junit.jupiter.api.extension.RegisterExtension
        static KinesisExtension kinesis = KinesisExtension.builder().backend(Backend.EMBEDDED).build();

        @KinesisGenerator(stream = "registered", preset = "security", records = 20)
        RunningGenerator alerts;

        @Test
        void sends() throws Exception {
            SEEN.put("registeredAcked", alerts.awaitCompletion(Duration.ofSeconds(30)).acked());
        }
    }

    @Test
    void registerExtension_builderSettings_winOverTheConfiguration() {
        // the configuration says endpoint (with none set, that would fail); the builder says embedded
        EngineTestKit.engine("junit-jupiter").configurationParameter(KinesisExtension.BACKEND, "endpoint")
                .selectors(selectClass(Registered.class)).execute().testEvents()
                .assertStatistics(stats -> stats.succeeded(1));
        assertThat(SEEN.get("registeredAcked")).isEqualTo(20L);
    }

    @KinesisTest
    static class ParallelA {
        @KinesisGenerator(stream = "orders", preset = "sakila", records = 111)
        RunningGenerator orders;

        @Test
        void readsOwnStream(KinesisClient kinesis) throws Exception {
            orders.awaitCompletion(Duration.ofSeconds(30));
            // asks for more than it wrote, so it reads for the whole timeout while the other class writes
            SEEN.put("parallelA", StreamReader.readAll(kinesis, "orders", 10_000, Duration.ofMillis(800)).size());
        }
    }

    @KinesisTest
    static class ParallelB {
        @KinesisGenerator(stream = "orders", preset = "sakila", records = 222)
        RunningGenerator orders;

        @Test
        void readsOwnStream(KinesisClient kinesis) throws Exception {
            orders.awaitCompletion(Duration.ofSeconds(30));
            SEEN.put("parallelB", StreamReader.readAll(kinesis, "orders", 10_000, Duration.ofMillis(800)).size());
        }
    }

    @Test
    void classesRunInParallel_withTheSameStreamName_doNotSeeEachOther() {
        EngineTestKit.engine("junit-jupiter").configurationParameter(KinesisExtension.BACKEND, "embedded")
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                .configurationParameter("junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
                .selectors(selectClass(ParallelA.class), selectClass(ParallelB.class)).execute().testEvents()
                .assertStatistics(stats -> stats.succeeded(2));
        assertThat(SEEN).containsEntry("parallelA", 111).containsEntry("parallelB", 222);
    }

    @KinesisTest
    static class ConstructorParameter {
        ConstructorParameter(KinesisClient kinesis) {
        }

        @Test
        void never() {
        }
    }

    @KinesisTest
    static class NoStream {
        @KinesisGenerator(preset = "sakila")
        RunningGenerator nowhere;

        @Test
        void never() {
        }
    }

    @KinesisTest
    static class UnknownPreset {
        @KinesisGenerator(stream = "s", preset = "sakilla")
        RunningGenerator typo;

        @Test
        void never() {
        }
    }

    @KinesisTest
    static class ScenarioInjection {
        @KinesisGenerator(scenario = "classpath:scenarios/devices.yaml", shards = 2, records = 1_000, seed = "5")
        RunningGenerator devices;

        @Test
        void eachStreamGetsItsEvents(StreamReader reader) throws Exception {
            RunSummary summary = devices.awaitCompletion(Duration.ofSeconds(30));
            SEEN.put("scenario-summary", summary);
            SEEN.put("scenario-counts", devices.streamCounts());
            SEEN.put("scenario-destination", devices.destination());
            var counts = devices.streamCounts();
            SEEN.put("scenario-devices", reader.readAll("devices", counts.get("devices").events(),
                    Duration.ofSeconds(10)));
            SEEN.put("scenario-readings", reader.readAll("readings", counts.get("readings").events(),
                    Duration.ofSeconds(10)));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aScenario_createsEachOfItsStreams_andSendsEachItsEvents() throws Exception {
        run(ScenarioInjection.class).assertStatistics(stats -> stats.started(1).succeeded(1));
        assertThat(((RunSummary) SEEN.get("scenario-summary")).acked()).isEqualTo(1_000);
        var counts = (Map<String, io.kdg4j.core.scenario.StreamCounts>) SEEN.get("scenario-counts");
        assertThat(counts.keySet()).containsExactly("devices", "readings");
        assertThat(counts.get("devices").events() + counts.get("readings").events()).isEqualTo(1_000);
        assertThat(SEEN.get("scenario-destination")).isEqualTo("streams devices, readings");
        var devices = (List<software.amazon.awssdk.services.kinesis.model.Record>) SEEN.get("scenario-devices");
        var readings = (List<software.amazon.awssdk.services.kinesis.model.Record>) SEEN.get("scenario-readings");
        assertThat(devices).hasSize((int) counts.get("devices").events());
        assertThat(readings).hasSize((int) counts.get("readings").events());
        java.util.Set<String> registered = new java.util.HashSet<>();
        devices.forEach(r -> registered.add(r.partitionKey()));
        assertThat(readings).allSatisfy(r -> assertThat(registered).contains(r.partitionKey()));
        assertThat(devices.get(0).data().asUtf8String()).startsWith("{\"device_id\":\"D-");
    }

    @KinesisTest(backend = Backend.EMBEDDED)
    static class AvroScenarioInjection {
        @KinesisGenerator(scenario = "classpath:scenarios/devices-avro.yaml", records = 500, seed = "5")
        RunningGenerator devices;

        @Test
        void readingsAreWrittenAgainstTheSchemaBesideTheScenario(StreamReader reader) throws Exception {
            devices.awaitCompletion(Duration.ofSeconds(30));
            SEEN.put("avro-readings", reader.readAll("readings", devices.streamCounts().get("readings").events(),
                    Duration.ofSeconds(10)));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aScenarioOnTheClassPath_findsTheAvroSchemaItNames_besideIt() throws Exception {
        run(AvroScenarioInjection.class).assertStatistics(stats -> stats.started(1).succeeded(1));
        Schema schema;
        try (var in = getClass().getClassLoader().getResourceAsStream("scenarios/reading.avsc")) {
            schema = new Schema.Parser().parse(in);
        }
        var reader = new GenericDatumReader<GenericRecord>(schema);
        var readings = (List<Record>) SEEN.get("avro-readings");
        assertThat(readings).isNotEmpty().allSatisfy(record -> {
            var read = reader.read(null, DecoderFactory.get().binaryDecoder(
                    record.data().asByteArray(), null));
            assertThat(read.get("device_id").toString()).isEqualTo(record.partitionKey()).startsWith("D-");
            assertThat(read.get("site").toString()).isIn("north", "south");
            assertThat((Double) read.get("celsius")).isBetween(-5.0, 35.0);
        });
    }

    @KinesisTest(backend = Backend.EMBEDDED)
    static class ScenarioAndStream {
        @KinesisGenerator(scenario = "classpath:scenarios/devices.yaml", stream = "s", records = 1)
        RunningGenerator gen;

        @Test
        void never() {
        }
    }

    @KinesisTest(backend = Backend.EMBEDDED)
    static class BadStreamName {
        @KinesisGenerator(stream = "has space", preset = "iot", records = 1)
        RunningGenerator gen;

        @Test
        void never() {
        }
    }

    @Test
    void misuse_failsWithAClearConfigurationError() {
        // JUnit reports what a resolver throws as a ParameterResolutionException carrying the message
        run(ConstructorParameter.class).assertThatEvents().haveExactly(1, event(finishedWithFailure(
                instanceOf(org.junit.jupiter.api.extension.ParameterResolutionException.class),
                message(m -> m.contains("kdg4j cannot inject KinesisClient into a constructor of "
                        + "ConstructorParameter: declare it as a field or a test method parameter")))));
        run(NoStream.class).assertThatEvents().haveExactly(1, event(finishedWithFailure(
                instanceOf(ExtensionConfigurationException.class),
                message(m -> m.contains("field NoStream.nowhere needs exactly one of stream and deliveryStream")))));
        run(UnknownPreset.class).assertThatEvents().haveExactly(1, event(finishedWithFailure(
                instanceOf(ExtensionConfigurationException.class), message(m -> m.contains("sakilla")))));
        run(ScenarioAndStream.class).assertThatEvents().haveExactly(1, event(finishedWithFailure(
                instanceOf(ExtensionConfigurationException.class), message(m -> m.contains("a scenario names its "
                        + "own streams, records and keys")))));
        // the embedded emulator makes the stream itself, with CreateStream's rules and message
        run(BadStreamName.class).assertThatEvents().haveExactly(1, event(finishedWithFailure(
                instanceOf(ExtensionConfigurationException.class), message(m -> m.contains("field BadStreamName.gen")
                        && m.contains("'has space' at 'streamName'")))));
    }
}
