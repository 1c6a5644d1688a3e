package io.kdg4j.core.run;

import io.kdg4j.core.GeneratedRecord;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Sends each record to the sink of its {@link GeneratedRecord#route() route} (a scenario's stream), and counts
 * what each route acked and failed. A record whose route has no sink fails with {@code NoRoute}, never silently.
 *
 * <p>Sinks batch and send concurrently, so records of two routes can arrive in another order than they were made.
 * Routes named {@linkplain #RoutingSink(Map, Set) first} (a scenario's created streams) keep their place: a record
 * of another route is sent only once every earlier record of theirs has its answer, so a consumer never reads an
 * order before the created event of its customer. Consecutive records of those routes still go out together.
 *
 * <p>Thread-safe as its sinks are; closing it closes them all.
 */
public final class RoutingSink implements RecordSink {
    private static final long WAIT_MILLIS = 20;

    private final Map<String, Route> routes = new LinkedHashMap<>();
    private final Object answered = new Object();
    private final AtomicLong firstInFlight = new AtomicLong();

    /** What one route was given and how it ended. */
    public record RouteCounts(long acked, long failed) {
    }

    private final class Route implements DeliveryListener {
        final RecordSink sink;
        final boolean first;
        final LongAdder acked = new LongAdder();
        final LongAdder failed = new LongAdder();
        volatile DeliveryListener downstream;

        Route(RecordSink sink, boolean first) {
            this.sink = sink;
            this.first = first;
        }

        @Override
        public void acked(GeneratedRecord record) {
            acked.increment();
            downstream.acked(record);
            answered();
        }

        @Override
        public void failed(GeneratedRecord record, String errorCode, String message) {
            failed.increment();
            downstream.failed(record, errorCode, message);
            answered();
        }

        private void answered() {
            if (first && firstInFlight.decrementAndGet() == 0) {
                synchronized (RoutingSink.this.answered) {
                    RoutingSink.this.answered.notifyAll();
                }
            }
        }

        @Override
        public void retrying(GeneratedRecord record, String errorCode, boolean throttled, boolean ambiguous) {
            downstream.retrying(record, errorCode, throttled, ambiguous);
        }
    }

    /** Routes to these sinks, by route name. */
    public RoutingSink(Map<String, ? extends RecordSink> sinks) {
        this(sinks, Set.of());
    }

    /** Routes to these sinks; records of the routes {@code first} are answered before later ones of others go. */
    public RoutingSink(Map<String, ? extends RecordSink> sinks, Set<String> first) {
        sinks.forEach((route, sink) -> routes.put(route, new Route(sink, first.contains(route))));
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
        if (route.first) {
            firstInFlight.incrementAndGet();
        } else if (firstInFlight.get() > 0) {
            awaitFirstRoutes();
        }
        route.sink.send(record, route);
    }

    /** Sends what the first routes hold and waits for their answers (sinks answer every record, in the end). */
    private void awaitFirstRoutes() {
        routes.values().stream().filter(r -> r.first).forEach(r -> r.sink.flush());
        synchronized (answered) {
            while (firstInFlight.get() > 0) {
                try {
                    answered.wait(WAIT_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
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
