package io.kdg4j.examples.shop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/**
 * The consumer under test: joins each order with its customer, as a stream-stream join does. It reads the two
 * streams independently (orders first in each round, so an order can be read before its customer), keeps the
 * orders whose customer it has not seen yet until the customer comes, and drops redelivered orders by id.
 */
public final class OrderJoin {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** An order with what the join added: its customer's name, tier and country. */
    public record Enriched(String orderId, String customerId, String name, String tier, String country,
            BigDecimal amount) {
    }

    private final Map<String, JsonNode> customers = new HashMap<>();
    private final Map<String, List<JsonNode>> waiting = new HashMap<>();
    private final Set<String> seenOrders = new HashSet<>();
    private final List<Enriched> joined = new ArrayList<>();
    private long duplicates;
    private long waited;

    public void customer(String json) {
        JsonNode customer = read(json);
        String id = customer.get("customer_id").asText();
        customers.put(id, customer);
        List<JsonNode> orders = waiting.remove(id);
        if (orders != null) {
            orders.forEach(order -> join(order, customer));
        }
    }

    public void order(String json) {
        JsonNode order = read(json);
        if (!seenOrders.add(order.get("order_id").asText())) {
            duplicates++;
            return;
        }
        JsonNode customer = customers.get(order.get("customer_id").asText());
        if (customer == null) {
            waited++;
            waiting.computeIfAbsent(order.get("customer_id").asText(), id -> new ArrayList<>()).add(order);
        } else {
            join(order, customer);
        }
    }

    private void join(JsonNode order, JsonNode customer) {
        joined.add(new Enriched(order.get("order_id").asText(), order.get("customer_id").asText(),
                customer.get("name").asText(), customer.get("tier").asText(), customer.get("country").asText(),
                new BigDecimal(order.get("amount").asText())));
    }

    public List<Enriched> joined() {
        return joined;
    }

    public long duplicatesDropped() {
        return duplicates;
    }

    /** Orders read before their customer, joined once it came. */
    public long ordersThatWaited() {
        return waited;
    }

    /** Orders whose customer never came. */
    public int stillWaiting() {
        return waiting.values().stream().mapToInt(List::size).sum();
    }

    public Map<String, BigDecimal> revenueByTier() {
        Map<String, BigDecimal> revenue = new TreeMap<>();
        joined.forEach(order -> revenue.merge(order.tier(), order.amount(), BigDecimal::add));
        return revenue;
    }

    /**
     * Reads both streams from their start until a round brings nothing new for {@code quiet}: each round polls
     * every shard of the orders stream, then every shard of the customers stream.
     */
    public static OrderJoin consume(KinesisClient kinesis, String customersStream, String ordersStream,
            Duration quiet) {
        OrderJoin join = new OrderJoin();
        Map<String, String> orders = iterators(kinesis, ordersStream);
        Map<String, String> customers = iterators(kinesis, customersStream);
        long quietSince = System.nanoTime();
        while (System.nanoTime() - quietSince < quiet.toNanos()) {
            int read = poll(kinesis, orders, join::order) + poll(kinesis, customers, join::customer);
            if (read > 0) {
                quietSince = System.nanoTime();
            }
        }
        return join;
    }

    private static Map<String, String> iterators(KinesisClient kinesis, String stream) {
        Map<String, String> iterators = new TreeMap<>();
        for (Shard shard : kinesis.listShards(b -> b.streamName(stream)).shards()) {
            iterators.put(shard.shardId(), kinesis.getShardIterator(b -> b.streamName(stream)
                    .shardId(shard.shardId()).shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator());
        }
        return iterators;
    }

    private static int poll(KinesisClient kinesis, Map<String, String> iterators,
            Consumer<String> handle) {
        int read = 0;
        for (Map.Entry<String, String> shard : iterators.entrySet()) {
            GetRecordsResponse response = kinesis.getRecords(b -> b.shardIterator(shard.getValue()).limit(500));
            for (Record record : response.records()) {
                handle.accept(record.data().asUtf8String());
            }
            read += response.records().size();
            shard.setValue(response.nextShardIterator());
        }
        return read;
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
