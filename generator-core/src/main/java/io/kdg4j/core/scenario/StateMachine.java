package io.kdg4j.core.scenario;

import io.kdg4j.core.SchemaException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The states an entity walks through in a session, with the chance of each transition and how long the entity
 * stays in each state. States without transitions out end the session.
 *
 * <pre>{@code
 * StateMachine shopping = StateMachine.startingAt("login")
 *     .transition("login", "browse", 0.7).transition("login", "search", 0.3)
 *     .transition("browse", "cart", 1).transition("search", "cart", 1)
 *     .transition("cart", "checkout", 0.4).transition("cart", "abandon", 0.6)
 *     .transition("checkout", "logout", 1).transition("abandon", "logout", 1)
 *     .dwell("browse", Delay.exponential(Duration.ofSeconds(40)))
 *     .build();
 * }</pre>
 *
 * <p>Weights out of a state need not sum to 1: they are normalised at each step, at the event's time when a
 * weight is {@linkplain Weight#hourly hourly}.
 */
public final class StateMachine {
    /** How long an entity stays in a state whose dwell is not given. */
    public static final Delay DEFAULT_DWELL = Delay.exponential(Duration.ofSeconds(10));

    /** One way out of a state. */
    public record Transition(String from, String to, Weight weight) {
        public Transition {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(weight, "weight");
        }
    }

    private final String start;
    private final List<String> states;
    private final List<Transition> transitions;
    private final Map<String, Delay> dwells;

    private StateMachine(String start, List<String> states, List<Transition> transitions, Map<String, Delay> dwells) {
        this.start = start;
        this.states = List.copyOf(states);
        this.transitions = List.copyOf(transitions);
        this.dwells = Map.copyOf(dwells);
    }

    /** A machine whose sessions begin in state {@code start}. */
    public static Builder startingAt(String start) {
        return new Builder(start);
    }

    public String start() {
        return start;
    }

    /** Every state, the start first, then in the order the transitions name them. */
    public List<String> states() {
        return states;
    }

    public List<Transition> transitions() {
        return transitions;
    }

    /** The ways out of {@code state}, in declared order (none for a state that ends the session). */
    public List<Transition> transitionsFrom(String state) {
        return transitions.stream().filter(t -> t.from().equals(state)).toList();
    }

    public boolean isTerminal(String state) {
        return transitions.stream().noneMatch(t -> t.from().equals(state));
    }

    public Delay dwell(String state) {
        return dwells.getOrDefault(state, DEFAULT_DWELL);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StateMachine other && other.start.equals(start) && other.transitions.equals(transitions)
                && other.dwells.equals(dwells);
    }

    @Override
    public int hashCode() {
        return Objects.hash(start, transitions, dwells);
    }

    @Override
    public String toString() {
        return "StateMachine[start=" + start + ", " + transitions.size() + " transitions]";
    }

    /** Collects transitions and dwell times; {@link #build()} checks them all at once. */
    public static final class Builder {
        private final String start;
        private final List<Transition> transitions = new ArrayList<>();
        private final Map<String, Delay> dwells = new LinkedHashMap<>();

        private Builder(String start) {
            this.start = Objects.requireNonNull(start, "start");
        }

        public Builder transition(String from, String to, double weight) {
            return transition(from, to, Weight.of(weight));
        }

        public Builder transition(String from, String to, Weight weight) {
            transitions.add(new Transition(from, to, weight));
            return this;
        }

        /** How long an entity stays in {@code state} before its next transition (or before its session ends). */
        public Builder dwell(String state, Delay dwell) {
            dwells.put(Objects.requireNonNull(state, "state"), Objects.requireNonNull(dwell, "dwell"));
            return this;
        }

        public StateMachine build() {
            Set<String> states = new LinkedHashSet<>();
            states.add(start);
            for (Transition t : transitions) {
                states.add(t.from());
                states.add(t.to());
            }
            List<String> problems = new ArrayList<>();
            Set<String> seen = new LinkedHashSet<>();
            for (Transition t : transitions) {
                if (!seen.add(t.from() + "\u0000" + t.to())) {
                    problems.add("state machine: transition " + t.from() + " -> " + t.to() + " is given twice");
                }
            }
            for (String state : dwells.keySet()) {
                if (!states.contains(state)) {
                    problems.add("state machine: dwell given for unknown state '" + state + "'");
                }
            }
            for (String state : states) {
                List<Transition> out = transitions.stream().filter(t -> t.from().equals(state)).toList();
                if (out.isEmpty()) {
                    continue;
                }
                for (int hour = 0; hour < 24; hour++) {
                    long at = hour * 3_600_000L;
                    if (out.stream().mapToDouble(t -> t.weight().at(at)).sum() <= 0) {
                        problems.add("state machine: the weights out of state '" + state + "' are all 0"
                                + " at hour " + hour + "; give at least one a positive weight");
                        break;
                    }
                }
            }
            if (!problems.isEmpty()) {
                throw new SchemaException(problems);
            }
            return new StateMachine(start, List.copyOf(states), transitions, dwells);
        }
    }
}
