package io.kdg4j.core.scenario;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts, per stream, the events a run made, how many came late and how many were copies: give one to
 * {@link ScenarioEvents#tally} to read them while or after the run sends on its own thread. Thread-safe.
 */
public final class ScenarioTally {
    private final Map<String, Counters> streams = new ConcurrentHashMap<>();
    private final Map<String, Boolean> order = java.util.Collections.synchronizedMap(new LinkedHashMap<>());

    private static final class Counters {
        final LongAdder events = new LongAdder();
        final LongAdder late = new LongAdder();
        final LongAdder duplicates = new LongAdder();
    }

    void add(String stream, boolean late, boolean duplicate) {
        Counters counters = streams.get(stream);
        if (counters == null) {
            counters = streams.computeIfAbsent(stream, s -> new Counters());
            order.put(stream, Boolean.TRUE);
        }
        counters.events.increment();
        if (duplicate) {
            counters.duplicates.increment();
        } else if (late) {
            counters.late.increment();
        }
    }

    /** Declares the streams up front, so that counts list them in the scenario's order, those with none too. */
    void streams(Iterable<String> names) {
        for (String name : names) {
            streams.computeIfAbsent(name, s -> new Counters());
            order.put(name, Boolean.TRUE);
        }
    }

    /** The counts so far, per stream in the scenario's order. */
    public Map<String, StreamCounts> counts() {
        Map<String, StreamCounts> counts = new LinkedHashMap<>();
        synchronized (order) {
            for (String stream : order.keySet()) {
                Counters c = streams.get(stream);
                counts.put(stream, new StreamCounts(c.events.sum(), c.late.sum(), c.duplicates.sum()));
            }
        }
        return counts;
    }
}
