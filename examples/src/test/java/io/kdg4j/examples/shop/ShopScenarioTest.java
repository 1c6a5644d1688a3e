package io.kdg4j.examples.shop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kdg4j.aws.AwsEndpoint;
import io.kdg4j.core.run.RunSummary;
import io.kdg4j.core.scenario.ScenarioEvent;
import io.kdg4j.core.scenario.ScenarioEvents;
import io.kdg4j.core.scenario.ScenarioIterator;
import io.kdg4j.core.scenario.file.ScenarioFile;
import io.kdg4j.junit.Backend;
import io.kdg4j.junit.KinesisTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * The join consumer under test, fed by the shop scenario: what it makes of the streams is checked against what
 * the scenario says happened, worked out from the same seed without the streams.
 */
@KinesisTest(backend = Backend.EMBEDDED)
class ShopScenarioTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long EVENTS = 30_000;
    private static final long SEED = 11;

    @Test
    void theJoin_enrichesEveryOrderWithItsCustomer_dropsRedeliveries_andWaitsForLateCustomers(
            KinesisClient kinesis, AwsEndpoint endpoint) throws Exception {
        ScenarioFile shop = ScenarioFile.load(ShopScenario.FILE);
        RunSummary sent = ShopScenario.send(endpoint, kinesis, shop, SEED, EVENTS);
        assertThat(sent.acked()).isEqualTo(EVENTS);

        OrderJoin join = OrderJoin.consume(kinesis, "customers", "orders", Duration.ofSeconds(2));

        // what happened, from the scenario alone: each order's customer, tier and amount, and the copies
        Map<String, String> tierOf = new HashMap<>();
        Map<String, BigDecimal> revenue = new TreeMap<>();
        long orders = 0;
        long copies = 0;
        ScenarioIterator events = ScenarioEvents.from(shop.scenario()).seed(SEED).iterator(EVENTS);
        while (events.hasNext()) {
            ScenarioEvent event = events.next();
            if (!event.stream().equals("orders")) {
                continue;
            }
            if (event.duplicate()) {
                copies++;
                continue;
            }
            orders++;
            JsonNode order = JSON.readTree(event.record().text());
            // the customer's attributes, looked up from the population without reading any stream
            Map<String, Object> customer = shop.scenario().stream("orders").orElseThrow().owner()
                    .entity(SEED, event.entity());
            assertThat(customer.get("customer_id")).isEqualTo(order.get("customer_id").asText());
            tierOf.put(order.get("order_id").asText(), (String) customer.get("tier"));
            revenue.merge((String) customer.get("tier"), new BigDecimal(order.get("amount").asText()),
                    BigDecimal::add);
        }
        assertThat(orders).isGreaterThan(5_000);
        assertThat(copies).isPositive();

        assertThat(join.stillWaiting()).as("orders whose customer never came").isZero();
        assertThat(join.joined()).hasSize((int) orders);
        assertThat(join.duplicatesDropped()).isEqualTo(copies);
        assertThat(join.ordersThatWaited()).as("orders read before their customer, as streams read apart do")
                .isPositive();
        for (OrderJoin.Enriched order : join.joined()) {
            assertThat(order.tier()).as(order.orderId()).isEqualTo(tierOf.get(order.orderId()));
        }
        assertThat(join.revenueByTier()).isEqualTo(revenue);
    }
}
