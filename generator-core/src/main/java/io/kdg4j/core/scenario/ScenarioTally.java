package io.kdg4j.core.scenario;

import io.kdg4j.core.GeneratedRecord;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts, per stream, the events delivered, how many came late and how many were copies: give one to
 * {@link ScenarioEvents#tally} to read them while or after a run sends on its own thread. An iterator's events
 * count as it returns them; a run's count as they are handed to the sink, so that an event made when the run was
 * stopped, and never sent, does not count. Thread-safe.
 */
public final class ScenarioTally {
    private final Map<String, Counters> streams = new ConcurrentHashMap<>();
    private final Map<String, Boolean> order = Collections.synchronizedMap(new LinkedHashMap<>());

    /** One stream's counters: a run holds on to them rather than looking the stream up per event. */
    static final class Counters {
        final LongAdder events = new LongAdder();
        final LongAdder late = new LongAdder();
        final LongAdder duplicates = new LongAdder();

        void add(boolean isLate, boolean duplicate) {
            events.increment();
            if (duplicate) {
                duplicates.increment();
            } else if (isLate) {
                late.increment();
            }
        }
    }

    /** An event made for a run and not yet handed to its sink: counted when it is, not if the run stops first. */
    private record Held(GeneratedRecord record, Counters counters, boolean late, boolean duplicate) {
    }

    private volatile Held held;

    void hold(GeneratedRecord record, Counters counters, boolean late, boolean duplicate) {
        held = new Held(record, counters, late, duplicate);
    }

    /** The run handed {@code record} to its sink: it counts now (a run calls this; see {@link ScenarioEvents#records}). */
    public void sent(GeneratedRecord record) {
        Held last = held;
        if (last != null && last.record == record) {
            last.counters.add(last.late, last.duplicate);
            held = null;
        }
    }

    /** The counters of {@code stream}, made on first use. */
    Counters counters(String stream) {
        Counters counters = streams.computeIfAbsent(stream, s -> new Counters());
        order.put(stream, Boolean.TRUE);
        return counters;
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
