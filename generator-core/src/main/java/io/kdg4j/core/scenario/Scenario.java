package io.kdg4j.core.scenario;

import io.kdg4j.core.SchemaException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Streams of events about the same entities, on one event-time line: customers created on one stream, their
 * orders on another, their click sessions on a third. Events come out in event-time order (but for those made
 * late on purpose), and an event never refers to an entity before the entity's arrival, so a created event is
 * always sent before anything that refers to it.
 *
 * <pre>{@code
 * Scenario shop = Scenario.builder()
 *     .population(customers, Arrivals.of(1_000, Duration.ofSeconds(2)))
 *     .stream(EventStream.created("customers", customers, customerCreated))
 *     .stream(EventStream.every("orders", order, 200).by(customers).late(0.02, Delay.exponential(ofSeconds(30))))
 *     .stream(EventStream.sessions("clicks", customers, shopping, click))
 *     .build();
 * }</pre>
 *
 * <p>Immutable; {@link ScenarioEvents} runs it.
 */
public final class Scenario {
    private final Map<Population, Arrivals> arrivals;
    private final List<EventStream> streams;
    private final Instant start;

    private Scenario(Map<Population, Arrivals> arrivals, List<EventStream> streams, Instant start) {
        this.arrivals = arrivals;
        this.streams = streams;
        this.start = start;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Populations in the order given (owners of streams added with every entity there from the start). */
    public Map<Population, Arrivals> arrivals() {
        return arrivals;
    }

    public List<EventStream> streams() {
        return streams;
    }

    public Optional<EventStream> stream(String name) {
        return streams.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** The event time the scenario starts at, if fixed (otherwise a run starts at its clock's time). */
    public Optional<Instant> start() {
        return Optional.ofNullable(start);
    }

    /** Collects populations and streams; {@link #build()} checks them together. */
    public static final class Builder {
        private final Map<Population, Arrivals> arrivals = new LinkedHashMap<>();
        private final List<EventStream> streams = new ArrayList<>();
        private Instant start;

        private Builder() {
        }

        /** A population whose entities arrive as {@code arrivals} says. */
        public Builder population(Population population, Arrivals arrivals) {
            this.arrivals.put(Objects.requireNonNull(population, "population"),
                    Objects.requireNonNull(arrivals, "arrivals"));
            return this;
        }

        public Builder stream(EventStream stream) {
            streams.add(Objects.requireNonNull(stream, "stream"));
            return this;
        }

        /** Event time zero: fix it for runs that must repeat to the byte. */
        public Builder start(Instant start) {
            this.start = Objects.requireNonNull(start, "start");
            return this;
        }

        public Scenario build() {
            List<String> problems = new ArrayList<>();
            if (streams.isEmpty()) {
                problems.add("scenario: has no streams");
            }
            Set<String> names = new HashSet<>();
            Map<Population, Arrivals> all = new LinkedHashMap<>(arrivals);
            for (EventStream stream : streams) {
                if (!stream.name().matches("[a-zA-Z0-9_.-]{1,128}")) {
                    problems.add("streams." + stream.name() + ": a stream name has 1 to 128 letters, digits, "
                            + "'_', '.' and '-' (it is the Kinesis stream's name unless the file says otherwise)");
                } else if (!names.add(stream.name())) {
                    problems.add("streams." + stream.name() + ": the name is given twice");
                }
                if (stream.owner() != null) {
                    all.putIfAbsent(stream.owner(), Arrivals.allAtStart());
                }
            }
            Map<String, Population> byName = new HashMap<>();
            for (Population population : all.keySet()) {
                Population other = byName.putIfAbsent(population.name(), population);
                if (other != null) {
                    problems.add("populations." + population.name() + ": two different populations have this "
                            + "name; entities are made from it, so names must be unique");
                }
            }
            if (!problems.isEmpty()) {
                throw new SchemaException(problems);
            }
            return new Scenario(Collections.unmodifiableMap(all), List.copyOf(streams), start);
        }
    }
}
