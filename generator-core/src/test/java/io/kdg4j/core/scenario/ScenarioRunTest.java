package io.kdg4j.core.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.kdg4j.core.GeneratedRecord;
import io.kdg4j.core.InstanceShare;
import io.kdg4j.core.rate.ManualTicker;
import io.kdg4j.core.run.DeliveryListener;
import io.kdg4j.core.run.Generator;
import io.kdg4j.core.run.InMemorySink;
import io.kdg4j.core.run.RecordSink;
import io.kdg4j.core.run.RoutingSink;
import io.kdg4j.core.run.RunSummary;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class ScenarioRunTest {
    private static final Scenario SHOP = Shop.scenario(Shop.orders().duplicates(0.01));

    private static Map<String, InMemorySink> sinks() {
        Map<String, InMemorySink> sinks = new LinkedHashMap<>();
        for (String stream : List.of("customers", "orders", "clicks")) {
            sinks.put(stream, InMemorySink.create());
        }
        return sinks;
    }

    @Test
    void aRun_sendsEachEventToItsStreamsSink_andAccountsForEveryOne() throws Exception {
        Map<String, InMemorySink> sinks = sinks();
        RoutingSink routing = new RoutingSink(sinks);
        RunSummary summary = Generator.from(ScenarioEvents.from(SHOP)).seed(4).limit(30_000).to(routing).start()
                .awaitCompletion(Duration.ofMinutes(1));
        assertThat(summary.generated()).isEqualTo(30_000);
        assertThat(summary.allAcked()).isTrue();
        List<GeneratedRecord> expected = new ArrayList<>();
        ScenarioEvents.from(SHOP).seed(4).records(30_000).forEachRemaining(expected::add);
        for (var entry : sinks.entrySet()) {
            List<GeneratedRecord> inOrder = expected.stream().filter(r -> r.route().equals(entry.getKey())).toList();
            assertThat(entry.getValue().records()).as(entry.getKey()).containsExactlyElementsOf(inOrder);
            assertThat(routing.counts().get(entry.getKey()))
                    .isEqualTo(new RoutingSink.RouteCounts(inOrder.size(), 0));
        }
    }

    @Test
    void aStoppedRun_countsPerStreamExactlyTheEventsItSent() throws Exception {
        ScenarioTally tally = new ScenarioTally();
        Map<String, InMemorySink> sinks = sinks();
        RoutingSink routing = new RoutingSink(sinks);
        io.kdg4j.core.run.GeneratorRun run = Generator.from(ScenarioEvents.from(SHOP).tally(tally)).seed(4)
                .rate(2_000).to(routing).start();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> run.stats().acked() > 500);
        run.stop();   // mostly while the run waits for its rate, holding an event it will not send
        RunSummary summary = run.awaitCompletion(Duration.ofSeconds(10));
        long counted = tally.counts().values().stream().mapToLong(StreamCounts::events).sum();
        assertThat(counted).isEqualTo(summary.generated()).isEqualTo(summary.acked());
        tally.counts().forEach((stream, counts) ->
                assertThat(counts.events()).as(stream).isEqualTo(sinks.get(stream).size()));
    }

    @Test
    void aRunInEventTime_handsEachEventOnWhenItIsDue_lateOnesWhenTheirDelayIsOver() throws Exception {
        ManualTicker ticker = new ManualTicker();
        Map<Long, Long> sentAt = new ConcurrentHashMap<>();
        RecordSink timing = new RecordSink() {
            @Override
            public void send(GeneratedRecord record, DeliveryListener listener) {
                sentAt.put(record.index(), ticker.nanoTime());
                listener.acked(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Scenario shop = Shop.scenario(Shop.orders().late(0.05, Delay.fixed(Duration.ofSeconds(2))));
        RunSummary summary = Generator.from(ScenarioEvents.from(shop).inEventTime(60)).seed(4).limit(3_000)
                .ticker(ticker).to(timing).start().awaitCompletion(Duration.ofMinutes(1));
        assertThat(summary.acked()).isEqualTo(3_000);

        long start = Shop.START.toEpochMilli();
        long clock = 0;
        int late = 0;
        for (ScenarioIterator events = ScenarioEvents.from(shop).seed(4).iterator(3_000); events.hasNext(); ) {
            ScenarioEvent event = events.next();
            long due = Math.round((event.dueMillis() - start) * 1e6 / 60);
            if (event.late()) {
                late++;
                assertThat(event.dueMillis()).isEqualTo(event.eventTimeMillis() + 2_000);
            } else {
                assertThat(event.dueMillis()).isEqualTo(event.eventTimeMillis());
            }
            clock = Math.max(clock, due);   // one due before the event it follows is handed on at once
            assertThat(sentAt.get(event.record().index())).as("event %d", event.record().index()).isEqualTo(clock);
        }
        assertThat(late).isGreaterThan(50);
        // the run took what its last event's due time says, at sixty times real time, to the nanosecond
        assertThat(ticker.nanoTime()).isEqualTo(clock);
        assertThat(clock).isGreaterThan(Duration.ofMillis(10).toNanos());
    }

    @Test
    void fourInstances_sendTogetherWhatOneSends() throws Exception {
        Map<String, InMemorySink> whole = sinks();
        Generator.from(ScenarioEvents.from(SHOP)).seed(4).limit(20_000).to(new RoutingSink(whole)).start()
                .awaitCompletion(Duration.ofMinutes(1));
        long sent = 0;
        Map<String, List<GeneratedRecord>> merged = new LinkedHashMap<>();
        for (int i = 0; i < 4; i++) {
            Map<String, InMemorySink> part = sinks();
            RunSummary summary = Generator.from(ScenarioEvents.from(SHOP)).seed(4).share(new InstanceShare(i, 4))
                    .limit(20_000).to(new RoutingSink(part)).start().awaitCompletion(Duration.ofMinutes(1));
            sent += summary.acked();
            part.forEach((stream, sink) -> merged.computeIfAbsent(stream, s -> new ArrayList<>())
                    .addAll(sink.records()));
        }
        assertThat(sent).isEqualTo(20_000);
        whole.forEach((stream, sink) -> assertThat(merged.get(stream)).as(stream)
                .containsExactlyInAnyOrderElementsOf(sink.records()));
    }

    /** Holds records until flushed, then acks them from another thread, as a batching sink does. */
    private static final class BatchingSink implements io.kdg4j.core.run.RecordSink {
        final List<GeneratedRecord> held = new ArrayList<>();
        final List<io.kdg4j.core.run.DeliveryListener> listeners = new ArrayList<>();
        final java.util.concurrent.atomic.AtomicLong acked = new java.util.concurrent.atomic.AtomicLong();

        @Override
        public synchronized void send(GeneratedRecord record, io.kdg4j.core.run.DeliveryListener listener) {
            held.add(record);
            listeners.add(listener);
        }

        @Override
        public synchronized void flush() {
            List<GeneratedRecord> records = new ArrayList<>(held);
            List<io.kdg4j.core.run.DeliveryListener> to = new ArrayList<>(listeners);
            held.clear();
            listeners.clear();
            java.util.concurrent.CompletableFuture.runAsync(() -> {
                for (int i = 0; i < records.size(); i++) {
                    acked.incrementAndGet();
                    to.get(i).acked(records.get(i));
                }
            });
        }

        @Override
        public void close() {
            flush();
        }
    }

    @Test
    void recordsOfTheFirstRoutes_areAnsweredBeforeALaterRecordOfAnotherRouteIsSent() {
        BatchingSink customers = new BatchingSink();
        List<Long> customersAckedWhenOrderSent = new ArrayList<>();
        io.kdg4j.core.run.RecordSink orders = new io.kdg4j.core.run.RecordSink() {
            @Override
            public void send(GeneratedRecord record, io.kdg4j.core.run.DeliveryListener listener) {
                customersAckedWhenOrderSent.add(customers.acked.get());
                listener.acked(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        RoutingSink routing = new RoutingSink(Map.of("customers", customers, "orders", orders),
                java.util.Set.of("customers"));
        io.kdg4j.core.run.DeliveryListener ignore = new io.kdg4j.core.run.DeliveryListener() {
            @Override
            public void acked(GeneratedRecord record) {
            }

            @Override
            public void failed(GeneratedRecord record, String errorCode, String message) {
            }

            @Override
            public void retrying(GeneratedRecord record, String errorCode, boolean throttled, boolean ambiguous) {
            }
        };
        byte[] data = {'{', '}'};
        routing.send(GeneratedRecord.wrap(0, "c", data, "customers"), ignore);
        routing.send(GeneratedRecord.wrap(1, "c", data, "customers"), ignore);
        routing.send(GeneratedRecord.wrap(2, "c", data, "orders"), ignore);
        routing.send(GeneratedRecord.wrap(3, "c", data, "orders"), ignore);
        routing.send(GeneratedRecord.wrap(4, "c", data, "customers"), ignore);
        routing.send(GeneratedRecord.wrap(5, "c", data, "orders"), ignore);
        assertThat(customersAckedWhenOrderSent).containsExactly(2L, 2L, 3L);
        assertThat(routing.counts().get("customers")).isEqualTo(new RoutingSink.RouteCounts(3, 0));
    }

    @Test
    void aRecordWithoutASinkForItsStream_failsWithARoute_notSilently() throws Exception {
        Map<String, InMemorySink> onlyOrders = Map.of("orders", InMemorySink.create());
        RunSummary summary = Generator.from(ScenarioEvents.from(SHOP)).seed(4).limit(5_000)
                .to(new RoutingSink(onlyOrders)).start().awaitCompletion(Duration.ofMinutes(1));
        assertThat(summary.acked()).isEqualTo(onlyOrders.get("orders").size());
        assertThat(summary.failed()).isEqualTo(5_000 - summary.acked()).isPositive();
        assertThat(summary.failedByCode()).containsOnlyKeys("NoRoute");
    }
}
