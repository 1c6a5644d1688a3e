package io.kdg4j.core.scenario;

import io.kdg4j.core.RecordSchema;
import java.time.Duration;
import java.util.Objects;

/**
 * One stream of a scenario: what its events are and when they happen. Its records are made by its schema, whose
 * {@link io.kdg4j.core.Fields#ref references} and {@link io.kdg4j.core.Fields#eventTime event fields} read the
 * event; its partition key is the owning entity's key unless the schema sets one.
 */
public sealed interface EventStream {

    /** One event per entity of {@code population}, when the entity arrives: its "created" event. */
    static Created created(String name, Population population, RecordSchema schema) {
        return new Created(name, population, schema, Disorder.NONE);
    }

    /** {@code perSecond} events a second of event time, evenly spaced; {@code .by(population)} gives each an owner. */
    static Periodic every(String name, RecordSchema schema, double perSecond) {
        return new Periodic(name, schema, perSecond, null, Pick.UNIFORM, Disorder.NONE);
    }

    /** Each entity of {@code population}, once arrived, walks {@code machine} in sessions: one event per state. */
    static Sessions sessions(String name, Population population, StateMachine machine, RecordSchema schema) {
        return new Sessions(name, population, machine, schema, DEFAULT_SESSION_GAP, Disorder.NONE);
    }

    /** Between an entity's arrival and its first session, and between its sessions, unless set. */
    Delay DEFAULT_SESSION_GAP = Delay.exponential(Duration.ofMinutes(5));

    String name();

    RecordSchema schema();

    Disorder disorder();

    /** The population whose entity each event belongs to, or null. */
    Population owner();

    record Created(String name, Population population, RecordSchema schema, Disorder disorder)
            implements EventStream {
        public Created {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(population, "population");
            Objects.requireNonNull(schema, "schema");
            Objects.requireNonNull(disorder, "disorder");
        }

        /** A share of created events delivered twice (they are never late: references rely on them). */
        public Created duplicates(double share) {
            return new Created(name, population, schema, disorder.duplicates(share));
        }

        @Override
        public Population owner() {
            return population;
        }
    }

    record Periodic(String name, RecordSchema schema, double perSecond, Population owner, Pick ownerPick,
            Disorder disorder) implements EventStream {
        public Periodic {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(schema, "schema");
            Objects.requireNonNull(ownerPick, "ownerPick");
            Objects.requireNonNull(disorder, "disorder");
            if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
                throw new IllegalArgumentException("stream '" + name + "': events per second must be positive "
                        + "but was " + perSecond);
            }
        }

        /** Each event belongs to an entity of {@code population} that has arrived, picked uniformly. */
        public Periodic by(Population population) {
            return by(population, Pick.UNIFORM);
        }

        public Periodic by(Population population, Pick pick) {
            return new Periodic(name, schema, perSecond, Objects.requireNonNull(population, "population"), pick,
                    disorder);
        }

        public Periodic late(double share, Delay by) {
            return new Periodic(name, schema, perSecond, owner, ownerPick, disorder.late(share, by));
        }

        public Periodic duplicates(double share) {
            return new Periodic(name, schema, perSecond, owner, ownerPick, disorder.duplicates(share));
        }
    }

    record Sessions(String name, Population population, StateMachine machine, RecordSchema schema, Delay gap,
            Disorder disorder) implements EventStream {
        public Sessions {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(population, "population");
            Objects.requireNonNull(machine, "machine");
            Objects.requireNonNull(schema, "schema");
            Objects.requireNonNull(gap, "gap");
            Objects.requireNonNull(disorder, "disorder");
        }

        /** The pause before an entity's first session and between its sessions. */
        public Sessions gap(Delay gap) {
            return new Sessions(name, population, machine, schema, gap, disorder);
        }

        public Sessions late(double share, Delay by) {
            return new Sessions(name, population, machine, schema, gap, disorder.late(share, by));
        }

        public Sessions duplicates(double share) {
            return new Sessions(name, population, machine, schema, gap, disorder.duplicates(share));
        }

        @Override
        public Population owner() {
            return population;
        }
    }
}
