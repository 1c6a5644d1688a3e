package io.kdg4j.core.internal;

import io.kdg4j.core.scenario.Population;

/**
 * The scenario event a generator is making a record for: set by the scenario before each record, read by the
 * event and reference fields. Outside a scenario a generator has none.
 */
public final class EventSlot {
    /** How many entities of a population have arrived by an event time. */
    @FunctionalInterface
    public interface Arrived {
        int count(Population population, long eventTimeMillis);
    }

    long timeMillis;
    long sequence;
    String state;
    String stream;
    Population owner;
    int ownerEntity;
    private final Arrived arrived;

    public EventSlot(Arrived arrived) {
        this.arrived = arrived;
    }

    /** The event about to be made: its time, the entity's sequence number and state, its stream and owner. */
    public void set(long timeMillis, long sequence, String state, String stream, Population owner, int ownerEntity) {
        this.timeMillis = timeMillis;
        this.sequence = sequence;
        this.state = state;
        this.stream = stream;
        this.owner = owner;
        this.ownerEntity = ownerEntity;
    }

    int arrived(Population population) {
        return arrived.count(population, timeMillis);
    }
}
