package io.kdg4j.aws.internal;

import io.kdg4j.core.GeneratedRecord;
import io.kdg4j.core.run.DeliveryListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Packs user records into KPL aggregated records, one open aggregate per shard (the KCL drops the rest of an
 * aggregate whose records hash outside the shard it was read from). An aggregate is sealed when the next record
 * would take it over {@code maxBytes}, or after the linger time; a lone record goes as a plain record. Each
 * aggregate carries its shard's starting hash key as ExplicitHashKey, and its outcome is reported to every user
 * record in it. Thread-safe.
 */
public final class Aggregator {
    /** Where sealed aggregates (and plain records) go. */
    public interface Next {
        void send(GeneratedRecord record, DeliveryListener listener);
    }

    private final ShardMap shards;
    private final int maxBytes;
    private final Duration linger;
    private final Function<GeneratedRecord, String> explicitHashKey;
    private final Next next;
    private final ScheduledExecutorService timer;
    private final Open[] open;
    private final Map<GeneratedRecord, String> aggregateHashKeys = Collections.synchronizedMap(new IdentityHashMap<>());

    /** The aggregate being filled for one shard. */
    private static final class Open {
        AggregatedRecordWriter writer = new AggregatedRecordWriter();
        List<GeneratedRecord> records = new ArrayList<>();
        List<DeliveryListener> listeners = new ArrayList<>();
        long generation;
    }

    public Aggregator(ShardMap shards, int maxBytes, Duration linger, Function<GeneratedRecord, String> explicitHashKey,
                      Next next, ScheduledExecutorService timer) {
        this.shards = shards;
        this.maxBytes = maxBytes;
        this.linger = linger;
        this.explicitHashKey = explicitHashKey;
        this.next = next;
        this.timer = timer;
        this.open = new Open[shards.shardCount()];
        for (int i = 0; i < open.length; i++) {
            open[i] = new Open();
        }
    }

    public void add(GeneratedRecord record, DeliveryListener listener) {
        String hashKey = explicitHashKey == null ? null : explicitHashKey.apply(record);
        int shard = shards.shardOf(record);
        Runnable sealed = null;
        boolean alone = false;
        synchronized (this) {
            Open aggregate = open[shard];
            if (!aggregate.writer.tryAdd(record.partitionKey(), hashKey, record.data(), maxBytes)) {
                if (aggregate.writer.count() > 0) {
                    sealed = seal(shard);
                    aggregate = open[shard];
                }
                // too large to aggregate at all: it goes alone, as it is
                alone = !aggregate.writer.tryAdd(record.partitionKey(), hashKey, record.data(), maxBytes);
            }
            if (!alone) {
                aggregate.records.add(record);
                aggregate.listeners.add(listener);
                if (aggregate.writer.count() == 1) {
                    long generation = aggregate.generation;
                    timer.schedule(() -> lingered(shard, generation), linger.toNanos(), TimeUnit.NANOSECONDS);
                }
            }
        }
        if (sealed != null) {
            sealed.run();
        }
        if (alone) {
            next.send(record, listener);
        }
    }

    /** Seals every open aggregate and sends it on. */
    public void flush() {
        List<Runnable> sends = new ArrayList<>();
        synchronized (this) {
            for (int shard = 0; shard < open.length; shard++) {
                if (open[shard].writer.count() > 0) {
                    sends.add(seal(shard));
                }
            }
        }
        sends.forEach(Runnable::run);
    }

    /** The ExplicitHashKey of an aggregate made here, else null. */
    public String explicitHashKeyOf(GeneratedRecord record) {
        return aggregateHashKeys.get(record);
    }

    private void lingered(int shard, long generation) {
        Runnable send = null;
        synchronized (this) {
            if (open[shard].generation == generation && open[shard].writer.count() > 0) {
                send = seal(shard);
            }
        }
        if (send != null) {
            send.run();
        }
    }

    /** Closes the shard's aggregate and returns the action that sends it (run outside the lock). */
    private Runnable seal(int shard) {
        Open sealed = open[shard];
        Open fresh = new Open();
        fresh.generation = sealed.generation + 1;
        open[shard] = fresh;
        if (sealed.records.size() == 1) {
            return () -> next.send(sealed.records.get(0), sealed.listeners.get(0));
        }
        GeneratedRecord first = sealed.records.get(0);
        String shardStart = shards.start(shard).toDecimal();
        DeliveryListener fanOut = new DeliveryListener() {
            @Override
            public void acked(GeneratedRecord record) {
                aggregateHashKeys.remove(record);
                for (int i = 0; i < sealed.records.size(); i++) {
                    sealed.listeners.get(i).acked(sealed.records.get(i));
                }
            }

            @Override
            public void failed(GeneratedRecord record, String errorCode, String message) {
                aggregateHashKeys.remove(record);
                for (int i = 0; i < sealed.records.size(); i++) {
                    sealed.listeners.get(i).failed(sealed.records.get(i), errorCode, message);
                }
            }

            @Override
            public void retrying(GeneratedRecord record, String errorCode, boolean throttled, boolean ambiguous) {
                for (int i = 0; i < sealed.records.size(); i++) {
                    sealed.listeners.get(i).retrying(sealed.records.get(i), errorCode, throttled, ambiguous);
                }
            }
        };
        return () -> {
            // written outside the lock: records for other shards need not wait for it
            GeneratedRecord aggregate = GeneratedRecord.wrap(first.index(), first.partitionKey(),
                    sealed.writer.toBytes());
            aggregateHashKeys.put(aggregate, shardStart);
            next.send(aggregate, fanOut);
        };
    }
}
