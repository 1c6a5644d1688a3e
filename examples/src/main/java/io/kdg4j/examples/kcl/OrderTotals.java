package io.kdg4j.examples.kcl;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the consumer computed: the order total per customer, and, per shard, the positions of the records it
 * processed in the order it processed them (so a test can check order and spot duplicates). Thread-safe: the KCL
 * runs one processor per shard, on its own threads.
 */
public final class OrderTotals {
    /** A record's place in its shard: the sequence number, and the user record's index inside an aggregate. */
    public record Position(BigInteger sequenceNumber, long subSequenceNumber) implements Comparable<Position> {
        @Override
        public int compareTo(Position other) {
            return Comparator.comparing(Position::sequenceNumber).thenComparingLong(Position::subSequenceNumber)
                    .compare(this, other);
        }
    }

    private final Map<String, BigDecimal> byCustomer = new ConcurrentHashMap<>();
    private final Map<String, List<Position>> positionsByShard = new ConcurrentHashMap<>();

    void add(String shardId, Position position, String customer, BigDecimal amount) {
        positionsByShard.computeIfAbsent(shardId, s -> new CopyOnWriteArrayList<>()).add(position);
        byCustomer.merge(customer, amount, BigDecimal::add);
    }

    public Map<String, BigDecimal> byCustomer() {
        return Map.copyOf(byCustomer);
    }

    public Map<String, List<Position>> positionsByShard() {
        return Map.copyOf(positionsByShard);
    }

    public long recordsProcessed() {
        return positionsByShard.values().stream().mapToLong(List::size).sum();
    }
}
