package io.kdg4j.core.run;

import io.kdg4j.core.GeneratedRecord;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Sends each record to the sink of its {@link GeneratedRecord#route() route} (a scenario's stream), and counts
 * what each route acked and failed. A record whose route has no sink fails with {@code NoRoute}, never silently.
 * Thread-safe as its sinks are; closing it closes them all.
 */
public final class RoutingSink implements RecordSink {
    private final Map<String, Route> routes = new LinkedHashMap<>();

    /** What one route was given and how it ended. */
    public record RouteCounts(long acked, long failed) {
    }

    private static final class Route implements DeliveryListener {
        final RecordSink sink;
        final LongAdder acked = new LongAdder();
        final LongAdder failed = new LongAdder();
        volatile DeliveryListener downstream;

        Route(RecordSink sink) {
            this.sink = sink;
        }

        @Override
        public void acked(GeneratedRecord record) {
            acked.increment();
            downstream.acked(record);
        }

        @Override
        public void failed(GeneratedRecord record, String errorCode, String message) {
            failed.increment();
            downstream.failed(record, errorCode, message);
        }

        @Override
        public void retrying(GeneratedRecord record, String errorCode, boolean throttled, boolean ambiguous) {
            downstream.retrying(record, errorCode, throttled, ambiguous);
        }
    }

    /** Routes to these sinks, by route name. */
    public RoutingSink(Map<String, ? extends RecordSink> sinks) {
        sinks.forEach((route, sink) -> routes.put(route, new Route(sink)));
    }

    @Override
    public void send(GeneratedRecord record, DeliveryListener listener) {
        Route route = routes.get(record.route());
        if (route == null) {
            listener.failed(record, "NoRoute", "no sink for route '" + record.route() + "'; routes: "
                    + routes.keySet());
            return;
        }
        // the engine passes one listener for the whole run
        route.downstream = listener;
        route.sink.send(record, route);
    }

    @Override
    public void flush() {
        routes.values().forEach(route -> route.sink.flush());
    }

    @Override
    public void close() {
        RuntimeException first = null;
        for (Route route : routes.values()) {
            try {
                route.sink.close();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** Acked and failed records per route so far, in the order the routes were given. */
    public Map<String, RouteCounts> counts() {
        Map<String, RouteCounts> counts = new LinkedHashMap<>();
        routes.forEach((name, route) -> counts.put(name, new RouteCounts(route.acked.sum(), route.failed.sum())));
        return counts;
    }
}
