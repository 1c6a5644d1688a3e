package io.kdg4j.core.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kdg4j.core.Fields;
import io.kdg4j.core.InstanceShare;
import io.kdg4j.core.SchemaException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScenarioTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(ScenarioEvent event) {
        try {
            return JSON.readTree(event.record().text());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<ScenarioEvent> run(Scenario scenario, long seed, InstanceShare share, long total) {
        List<ScenarioEvent> events = new ArrayList<>();
        ScenarioEvents.from(scenario).seed(seed).share(share).iterator(total).forEachRemaining(events::add);
        return events;
    }

    @Test
    void aMillionOrdersOverTenThousandCustomers_referOnlyToCustomersCreatedBefore_andAgreeWithThem() {
        Scenario scenario = Scenario.builder().start(Shop.START)
                .population(Shop.CUSTOMERS, Arrivals.of(1_000, Duration.ofMillis(50)))
                .stream(EventStream.created("customers", Shop.CUSTOMERS, Shop.CUSTOMER_CREATED))
                .stream(EventStream.every("orders", Shop.ORDER, 2_000).by(Shop.CUSTOMERS))
                .build();
        Map<String, String> tierOfCreated = new HashMap<>();
        long orders = 0;
        var events = ScenarioEvents.from(scenario).seed(7).iterator(Long.MAX_VALUE);
        while (orders < 1_000_000) {
            ScenarioEvent event = events.next();
            JsonNode record = json(event);
            String customer = record.get("customer_id").asText();
            if (event.stream().equals("customers")) {
                assertThat(tierOfCreated.put(customer, record.get("tier").asText())).as("created twice").isNull();
                assertThat(event.record().partitionKey()).isEqualTo(customer);
            } else {
                orders++;
                assertThat(tierOfCreated).as("order %s refers to %s before its created event", event, customer)
                        .containsKey(customer);
                assertThat(record.get("customer_tier").asText()).isEqualTo(tierOfCreated.get(customer));
                assertThat(event.record().partitionKey()).isEqualTo(customer);
            }
        }
        assertThat(tierOfCreated).hasSize(10_000);
        // and a consumer can look any customer up without the stream: entity 4321's attributes
        Map<String, Object> customer = Shop.CUSTOMERS.entity(7, 4321);
        assertThat(customer.get("customer_id")).isEqualTo("C-4321");
        assertThat(customer.get("tier")).isEqualTo(tierOfCreated.get("C-4321"));
    }

    @Test
    void sessionsFollowTheTransitionFrequencies_neverTakeAnImpossibleStep_andKeepPerEntityOrder() {
        Scenario scenario = Scenario.builder().start(Shop.START)
                .stream(EventStream.sessions("clicks", Shop.CUSTOMERS, Shop.SHOPPING, Shop.CLICK)
                        .gap(Delay.exponential(Duration.ofMinutes(2))))
                .build();
        Map<Integer, ScenarioEvent> lastOf = new HashMap<>();
        Map<String, Map<String, Integer>> steps = new HashMap<>();
        long previousTime = Long.MIN_VALUE;
        for (ScenarioEvent event : run(scenario, 11, InstanceShare.WHOLE, 600_000)) {
            assertThat(event.eventTimeMillis()).as("event-time order").isGreaterThanOrEqualTo(previousTime);
            previousTime = event.eventTimeMillis();
            JsonNode record = json(event);
            assertThat(record.get("page").asText()).isEqualTo(event.state());
            assertThat(record.get("customer_id").asText()).isEqualTo("C-" + event.entity());
            ScenarioEvent last = lastOf.put(event.entity(), event);
            if (last == null) {
                assertThat(event.sequence()).isZero();
                assertThat(event.state()).isEqualTo("login");
                continue;
            }
            assertThat(event.sequence()).isEqualTo(last.sequence() + 1);
            assertThat(event.eventTimeMillis()).isGreaterThanOrEqualTo(last.eventTimeMillis());
            if (Shop.SHOPPING.isTerminal(last.state())) {
                assertThat(event.state()).as("a new session starts at login").isEqualTo("login");
            } else {
                steps.computeIfAbsent(last.state(), s -> new HashMap<>()).merge(event.state(), 1, Integer::sum);
            }
        }
        for (var from : steps.entrySet()) {
            List<StateMachine.Transition> out = Shop.SHOPPING.transitionsFrom(from.getKey());
            Set<String> possible = new HashSet<>();
            out.forEach(t -> possible.add(t.to()));
            assertThat(possible).as("steps out of %s", from.getKey()).containsAll(from.getValue().keySet());
            int total = from.getValue().values().stream().mapToInt(Integer::intValue).sum();
            assertThat(total).as("steps out of %s", from.getKey()).isGreaterThan(10_000);
            for (StateMachine.Transition t : out) {
                double seen = from.getValue().getOrDefault(t.to(), 0) / (double) total;
                // within 2% of the asked probability (relative), over more than 10,000 steps each
                assertThat(seen).as("%s -> %s", t.from(), t.to()).isCloseTo(t.weight().at(0),
                        within(0.02 * t.weight().at(0)));
            }
        }
    }

    @Test
    void lateAndDuplicateShares_areWithinOnePercentOfWhatWasAsked_andReportedInTheCounts() {
        EventStream.Periodic orders = Shop.orders().late(0.05, Delay.exponential(Duration.ofSeconds(30)))
                .duplicates(0.02);
        Scenario scenario = Scenario.builder().start(Shop.START).stream(orders).build();
        var events = ScenarioEvents.from(scenario).seed(3).iterator(1_000_000);
        long late = 0;
        long copies = 0;
        long maxTimeSeen = Long.MIN_VALUE;
        long lateBehindMax = 0;
        ScenarioEvent previous = null;
        while (events.hasNext()) {
            ScenarioEvent event = events.next();
            if (event.duplicate()) {
                copies++;
                assertThat(previous.record().bytes()).isEqualTo(event.record().bytes());
                assertThat(previous.duplicate()).isFalse();
            } else if (event.late()) {
                late++;
                if (event.eventTimeMillis() < maxTimeSeen) {
                    lateBehindMax++;
                }
            } else {
                assertThat(event.eventTimeMillis()).as("on-time events keep event-time order")
                        .isGreaterThanOrEqualTo(maxTimeSeen);
            }
            maxTimeSeen = Math.max(maxTimeSeen, event.eventTimeMillis());
            previous = event;
        }
        StreamCounts counts = events.counts().get("orders");
        assertThat(counts.events()).isEqualTo(1_000_000);
        assertThat(counts.late()).isEqualTo(late);
        assertThat(counts.duplicates()).isEqualTo(copies);
        // shares of the original events; 1% relative tolerance (the seed is fixed)
        assertThat(counts.lateShare()).isCloseTo(0.05, within(0.0005));
        assertThat(counts.duplicateShare()).isCloseTo(0.02, within(0.0002));
        assertThat(lateBehindMax).as("late events arrive after later event times").isGreaterThan(late * 9 / 10);
    }

    @Test
    void theSameSeed_givesTheSameEvents_atOneAndFourInstances_withIntegrityInEachInstance() {
        Scenario scenario = Shop.scenario(Shop.orders().late(0.05, Delay.exponential(Duration.ofSeconds(10)))
                .duplicates(0.01));
        List<ScenarioEvent> whole = run(scenario, 5, InstanceShare.WHOLE, 200_000);
        List<ScenarioEvent> merged = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            List<ScenarioEvent> part = run(scenario, 5, new InstanceShare(i, 4), 200_000);
            assertThat(part.size()).as("instance %d's share", i).isBetween(40_000, 60_000);
            Set<String> created = new HashSet<>();
            for (ScenarioEvent event : part) {
                String customer = json(event).get("customer_id").asText();
                if (event.stream().equals("customers")) {
                    created.add(customer);
                } else {
                    assertThat(created).as("instance %d sent %s's created event first", i, customer)
                            .contains(customer);
                }
            }
            merged.addAll(part);
        }
        merged.sort((a, b) -> Long.compare(a.record().index(), b.record().index()));
        assertThat(merged).hasSize(whole.size());
        for (int k = 0; k < whole.size(); k++) {
            assertThat(merged.get(k).record()).isEqualTo(whole.get(k).record());
            assertThat(merged.get(k).stream()).isEqualTo(whole.get(k).stream());
        }
        assertThat(whole.stream().map(ScenarioEvent::stream).distinct()).containsExactlyInAnyOrder(
                "customers", "orders", "clicks");
    }

    @Test
    void hourlyWeights_makeATransitionLikelierAtTheHoursThatAskForIt() {
        double[] purchaseByHour = new double[24];
        java.util.Arrays.fill(purchaseByHour, 1);
        for (int hour = 18; hour < 22; hour++) {
            purchaseByHour[hour] = 4;
        }
        StateMachine evenings = StateMachine.startingAt("browse")
                .transition("browse", "purchase", Weight.hourly(purchaseByHour))
                .transition("browse", "leave", 1)
                .dwell("browse", Delay.fixed(Duration.ofMinutes(1)))
                .build();
        Scenario scenario = Scenario.builder().start(Shop.START)
                .stream(EventStream.sessions("visits", Shop.CUSTOMERS, evenings, Shop.CLICK)
                        .gap(Delay.exponential(Duration.ofHours(1))))
                .build();
        int[][] outcomes = new int[24][2];
        for (ScenarioEvent event : run(scenario, 1, InstanceShare.WHOLE, 800_000)) {
            if (!event.state().equals("browse")) {
                // the choice was made at the browse event, a minute earlier
                int hour = (int) ((event.eventTimeMillis() - 60_000) / 3_600_000 % 24);
                outcomes[hour][event.state().equals("purchase") ? 0 : 1]++;
            }
        }
        double evening = outcomes[19][0] / (double) (outcomes[19][0] + outcomes[19][1]);
        double morning = outcomes[9][0] / (double) (outcomes[9][0] + outcomes[9][1]);
        assertThat(outcomes[19][0] + outcomes[19][1]).isGreaterThan(5_000);
        assertThat(evening).isCloseTo(0.8, within(0.02));
        assertThat(morning).isCloseTo(0.5, within(0.02));
    }

    @Test
    void zipfPicks_makeTheFirstEntitiesHot_andAllReferencesOfARecordAgree() {
        var hotOrder = io.kdg4j.core.Fields.record(
                Fields.field("customer_id", Fields.ref(Shop.CUSTOMERS).zipf(1.2)),
                Fields.field("tier", Fields.ref(Shop.CUSTOMERS).zipf(1.2).field("tier")));
        Map<String, Integer> count = new HashMap<>();
        var records = io.kdg4j.core.Records.from(hotOrder).seed(2);
        for (int i = 0; i < 100_000; i++) {
            JsonNode order;
            try {
                order = JSON.readTree(records.get(i).text());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String id = order.get("customer_id").asText();
            count.merge(id, 1, Integer::sum);
            int entity = Integer.parseInt(id.substring(2));
            assertThat(order.get("tier").asText()).isEqualTo(Shop.CUSTOMERS.entity(2, entity).get("tier"));
            if (i == 2_000) {
                break;
            }
        }
        assertThat(count.get("C-0")).isGreaterThan(count.getOrDefault("C-1", 0))
                .isGreaterThan(count.getOrDefault("C-9", 0) * 5);
    }

    @Test
    void mistakes_areNamedWithTheRuleAndAHint() {
        assertThatThrownBy(() -> io.kdg4j.core.Fields.record(Fields.field("t", Fields.ref(Shop.CUSTOMERS)
                .field("teir")))).isInstanceOf(SchemaException.class)
                .hasMessageContaining("field 't': population 'customer' has no attribute 'teir' (did you mean 'tier'?)");
        assertThatThrownBy(() -> io.kdg4j.core.Fields.record(
                Fields.field("a", Fields.ref(Shop.CUSTOMERS)),
                Fields.field("b", Fields.ref(Shop.CUSTOMERS).zipf(1.1).field("tier"))))
                .isInstanceOf(SchemaException.class).hasMessageContaining("every reference must pick alike");
        assertThatThrownBy(() -> StateMachine.startingAt("a").transition("a", "b", 0).build())
                .isInstanceOf(SchemaException.class).hasMessageContaining("weights out of state 'a' are all 0");
        assertThatThrownBy(() -> Population.of("p", 3, Fields.record(Fields.field("id", Fields.uuid())), "key"))
                .isInstanceOf(SchemaException.class).hasMessageContaining("key field 'key'");
        assertThatThrownBy(() -> Scenario.builder().stream(Shop.orders()).stream(Shop.orders()).build())
                .isInstanceOf(SchemaException.class).hasMessageContaining("streams.orders: the name is given twice");
    }
}
