package io.kdg4j.core.run;

import static io.kdg4j.core.Fields.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.kdg4j.core.GeneratedRecord;
import io.kdg4j.core.InstanceShare;
import io.kdg4j.core.RecordSchema;
import io.kdg4j.core.Records;
import io.kdg4j.core.kdg.KdgTemplate;
import io.kdg4j.core.rate.ManualTicker;
import io.kdg4j.core.rate.RateProfile;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class GeneratorTest {
    static final RecordSchema ORDERS = record(field("id", sequence(0, 1)), field("amount", integers(1, 500)),
            field("status", oneOf("NEW", "PAID")));
    static final Clock FIXED = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
    static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void recordLimit_sendsExactlyTheRecordsOfTheSeededStream() throws Exception {
        InMemorySink sink = InMemorySink.create();
        RunSummary summary = Generator.from(ORDERS).seed(7).clock(FIXED).limit(1_000).to(sink).start()
                .awaitCompletion(WAIT);
        assertThat(summary.generated()).isEqualTo(1_000);
        assertThat(summary.acked()).isEqualTo(1_000);
        assertThat(summary.allAcked()).isTrue();
        assertThat(sink.records()).containsExactlyElementsOf(
                Records.from(ORDERS).seed(7).clock(FIXED).stream(1_000).toList());
    }

    @Test
    void kdgTemplate_sendsTheRenderedText() throws Exception {
        InMemorySink sink = InMemorySink.create();
        Generator.from(KdgTemplate.compile("{\"n\": {{random.number(5)}}}")).seed(3).limit(20).to(sink).start()
                .awaitCompletion(WAIT);
        assertThat(sink.texts()).hasSize(20).allMatch(t -> t.matches("\\{\"n\": [0-5]}"));
    }

    @Test
    void shares_ofOneRun_togetherMakeTheWholeRun() throws Exception {
        List<GeneratedRecord> all = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            InMemorySink sink = InMemorySink.create();
            Generator.from(ORDERS).seed(5).clock(FIXED).share(new InstanceShare(i, 3)).limit(100).to(sink).start()
                    .awaitCompletion(WAIT);
            all.addAll(sink.records());
        }
        all.sort(java.util.Comparator.comparingLong(GeneratedRecord::index));
        assertThat(all).containsExactlyElementsOf(Records.from(ORDERS).seed(5).clock(FIXED).stream(100).toList());
    }

    @Test
    void durationLimit_withManualTicker_sendsRateTimesDuration() throws Exception {
        ManualTicker ticker = new ManualTicker();
        InMemorySink sink = InMemorySink.create();
        RunSummary summary = Generator.from(ORDERS).seed(1).ticker(ticker).rate(5_000).limit(Duration.ofSeconds(10))
                .to(sink).start().awaitCompletion(WAIT);
        assertThat((double) summary.generated()).isCloseTo(50_000, within(2.0));
        assertThat(summary.elapsedSeconds()).isCloseTo(10, within(0.01));
    }

    @Test
    void instanceShare_getsItsShareOfTheRate() throws Exception {
        ManualTicker ticker = new ManualTicker();
        RunSummary summary = Generator.from(ORDERS).ticker(ticker).rate(RateProfile.constant(4_000))
                .share(new InstanceShare(1, 4)).limit(Duration.ofSeconds(10)).to(InMemorySink.create()).start()
                .awaitCompletion(WAIT);
        assertThat((double) summary.generated()).isCloseTo(10_000, within(2.0));
    }

    @Test
    void refusedRecords_areCountedByCode_andAccountingHolds() throws Exception {
        InMemorySink sink = InMemorySink.refusing(r -> r.index() % 10 == 0);
        RunSummary summary = Generator.from(ORDERS).limit(1_000).to(sink).start().awaitCompletion(WAIT);
        assertThat(summary.failed()).isEqualTo(100);
        assertThat(summary.failedByCode()).containsEntry("Refused", 100L);
        assertThat(summary.acked()).isEqualTo(900);
        assertThat(summary.allAcked()).isFalse();
    }

    /** A sink that holds every record until told to answer. */
    static final class HoldingSink implements RecordSink {
        final List<Object[]> held = new CopyOnWriteArrayList<>();
        final AtomicLong maxHeld = new AtomicLong();

        @Override
        public void send(GeneratedRecord record, DeliveryListener listener) {
            held.add(new Object[] {record, listener});
            maxHeld.accumulateAndGet(held.size(), Math::max);
        }

        void answerAll() {
            while (!held.isEmpty()) {
                Object[] entry = held.remove(0);
                ((DeliveryListener) entry[1]).acked((GeneratedRecord) entry[0]);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    @Test
    void generation_neverRunsAheadOfTheSinkByMoreThanTheInFlightBound() throws Exception {
        HoldingSink sink = new HoldingSink();
        GeneratorRun run = Generator.from(ORDERS).maxInFlight(64).limit(1_000).to(sink).start();
        await().atMost(WAIT).until(() -> sink.held.size() == 64);
        // and it stays there while nothing is answered
        await().during(Duration.ofMillis(100)).atMost(Duration.ofSeconds(5))
                .until(() -> run.stats().generated() == 64 && run.stats().inFlight() == 64);
        await().atMost(WAIT).pollInterval(Duration.ofMillis(1)).until(() -> {
            sink.answerAll();
            return run.isDone();
        });
        assertThat(sink.maxHeld.get()).isEqualTo(64);
        assertThat(run.awaitCompletion(WAIT).acked()).isEqualTo(1_000);
    }

    @Test
    void stop_endsGeneration_andWaitsForRecordsInFlight() throws Exception {
        HoldingSink sink = new HoldingSink();
        GeneratorRun run = Generator.from(ORDERS).maxInFlight(10).to(sink).start();
        await().atMost(WAIT).until(() -> sink.held.size() == 10);
        run.stop();
        // records in flight have no outcome yet, so the run is not over
        await().during(Duration.ofMillis(50)).atMost(Duration.ofSeconds(5)).until(() -> !run.isDone());
        sink.answerAll();
        RunSummary summary = run.awaitCompletion(WAIT);
        assertThat(summary.generated()).isEqualTo(10);
        assertThat(summary.acked()).isEqualTo(10);
        assertThat(summary.error()).isEmpty();
    }

    @Test
    void aSinkThatThrows_failsThatRecord_andStopsTheRun() throws Exception {
        RecordSink broken = new RecordSink() {
            @Override
            public void send(GeneratedRecord record, DeliveryListener listener) {
                if (record.index() == 5) {
                    throw new IllegalStateException("sink closed");
                }
                listener.acked(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        RunSummary summary = Generator.from(ORDERS).to(broken).start().awaitCompletion(WAIT);
        assertThat(summary.generated()).isEqualTo(6);
        assertThat(summary.acked()).isEqualTo(5);
        assertThat(summary.failedByCode()).containsEntry("IllegalStateException", 1L);
        assertThat(summary.error()).contains("sink closed");
    }

    @Test
    void summaryJson_hasExactlyTheDocumentedKeys() {
        RunSummary summary = new RunSummary(10, 9, 1, 0, java.util.Map.of("InternalFailure", 1L), 3, 2, 0, 2.0, 4.5,
                "");
        assertThat(summary.toJson()).isEqualTo("{\"generated\":10,\"acked\":9,\"failed\":1,\"inFlight\":0,\"retried\":3,"
                + "\"throttled\":2,\"elapsedSeconds\":2.000,\"recordsPerSecond\":4.5}");
        assertThatThrownBy(() -> new RunSummary(10, 5, 1, 0, java.util.Map.of(), 0, 0, 0, 1, 1, ""))
                .hasMessageContaining("generated was 10");
    }

    @Test
    void badSettings_nameTheSettingAndValue() {
        Generator generator = Generator.from(ORDERS);
        assertThatThrownBy(() -> generator.rate(0)).hasMessage("rate must be a positive number of records/s but was 0.0");
        assertThatThrownBy(() -> generator.maxInFlight(0)).hasMessage("maxInFlight must be >= 1 but was 0");
        assertThatThrownBy(() -> generator.limit(-1)).hasMessage("record limit must be >= 0 but was -1");
        assertThatThrownBy(generator::start).hasMessageContaining("no sink");
    }
}
