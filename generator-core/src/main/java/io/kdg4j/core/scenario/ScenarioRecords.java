package io.kdg4j.core.scenario;

import io.kdg4j.core.GeneratedRecord;
import java.util.Iterator;

/**
 * The records of a run of scenario events, each routed to its stream, with when the one last returned is due in the
 * run's event time: what a run paced in event time ({@link ScenarioEvents#inEventTime}) waits for.
 */
public final class ScenarioRecords implements Iterator<GeneratedRecord> {
    private final ScenarioIterator events;
    private long dueMillis;

    ScenarioRecords(ScenarioIterator events) {
        this.events = events;
        this.dueMillis = events.startMillis();
    }

    @Override
    public boolean hasNext() {
        return events.hasNext();
    }

    @Override
    public GeneratedRecord next() {
        ScenarioEvent event = events.next();
        dueMillis = event.dueMillis();
        return event.record();
    }

    /** Event time zero of the run, in epoch milliseconds. */
    public long startMillis() {
        return events.startMillis();
    }

    /** When the record last returned is due, in epoch milliseconds of event time (zero's before the first). */
    public long dueMillis() {
        return dueMillis;
    }
}
