package io.kdg4j.core.scenario;

import static io.kdg4j.core.Fields.concat;
import static io.kdg4j.core.Fields.decimals;
import static io.kdg4j.core.Fields.eventSequence;
import static io.kdg4j.core.Fields.eventState;
import static io.kdg4j.core.Fields.eventTime;
import static io.kdg4j.core.Fields.eventTimeMillis;
import static io.kdg4j.core.Fields.fake;
import static io.kdg4j.core.Fields.field;
import static io.kdg4j.core.Fields.oneOf;
import static io.kdg4j.core.Fields.record;
import static io.kdg4j.core.Fields.ref;
import static io.kdg4j.core.Fields.sequence;
import static io.kdg4j.core.Fields.uuid;

import io.kdg4j.core.RecordSchema;
import java.time.Duration;
import java.time.Instant;

/** The e-commerce scenario the tests share: customers, their orders and their click sessions. */
final class Shop {
    static final Instant START = Instant.parse("2026-03-01T00:00:00Z");

    static final Population CUSTOMERS = Population.of("customer", 10_000, record(
            field("customer_id", concat("C-", sequence())),
            field("tier", oneOf("gold", "silver", "bronze")),
            field("name", fake("name.fullName"))), "customer_id");

    static final RecordSchema CUSTOMER_CREATED = record(
            field("customer_id", ref(CUSTOMERS)),
            field("tier", ref(CUSTOMERS).field("tier")),
            field("name", ref(CUSTOMERS).field("name")),
            field("created_at", eventTime()));

    static final RecordSchema ORDER = record(
            field("order_id", uuid()),
            field("customer_id", ref(CUSTOMERS)),
            field("customer_tier", ref(CUSTOMERS).field("tier")),
            field("amount", decimals("1.00", "300.00")),
            field("ts", eventTimeMillis()));

    static final StateMachine SHOPPING = StateMachine.startingAt("login")
            .transition("login", "browse", 0.7).transition("login", "search", 0.3)
            .transition("browse", "cart", 0.6).transition("browse", "logout", 0.4)
            .transition("search", "cart", 0.5).transition("search", "browse", 0.5)
            .transition("cart", "checkout", 0.4).transition("cart", "abandon", 0.6)
            .transition("checkout", "logout", 1).transition("abandon", "logout", 1)
            .dwell("browse", Delay.exponential(Duration.ofSeconds(40)))
            .dwell("search", Delay.uniform(Duration.ofSeconds(5), Duration.ofSeconds(30)))
            .build();

    static final RecordSchema CLICK = record(
            field("customer_id", ref(CUSTOMERS)),
            field("page", eventState()),
            field("seq", eventSequence()),
            field("ts", eventTimeMillis()));

    private Shop() {
    }

    /** Customers arriving (1,000 at the start, then one every 50 ms), orders at 2,000/s, click sessions. */
    static Scenario scenario(EventStream.Periodic orders) {
        return Scenario.builder()
                .start(START)
                .population(CUSTOMERS, Arrivals.of(1_000, Duration.ofMillis(50)))
                .stream(EventStream.created("customers", CUSTOMERS, CUSTOMER_CREATED))
                .stream(orders)
                .stream(EventStream.sessions("clicks", CUSTOMERS, SHOPPING, CLICK)
                        .gap(Delay.exponential(Duration.ofMinutes(2))))
                .build();
    }

    static EventStream.Periodic orders() {
        return EventStream.every("orders", ORDER, 2_000).by(CUSTOMERS);
    }
}
