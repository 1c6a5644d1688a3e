package io.kdg4j.examples.kcl;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the consumer computed: the order total per customer, and, per shard, the sequence numbers it processed in
 * the order it processed them (so a test can check order and spot duplicates). Thread-safe: the KCL runs one
 * processor per shard, on its own threads.
 */
public final class OrderTotals {
    private final Map<String, BigDecimal> byCustomer = new ConcurrentHashMap<>();
    private final Map<String, List<String>> sequenceNumbersByShard = new ConcurrentHashMap<>();

    void add(String shardId, String sequenceNumber, String customer, BigDecimal amount) {
        sequenceNumbersByShard.computeIfAbsent(shardId, s -> new CopyOnWriteArrayList<>()).add(sequenceNumber);
        byCustomer.merge(customer, amount, BigDecimal::add);
    }

    public Map<String, BigDecimal> byCustomer() {
        return Map.copyOf(byCustomer);
    }

    public Map<String, List<String>> sequenceNumbersByShard() {
        return Map.copyOf(sequenceNumbersByShard);
    }

    public long recordsProcessed() {
        return sequenceNumbersByShard.values().stream().mapToLong(List::size).sum();
    }
}
