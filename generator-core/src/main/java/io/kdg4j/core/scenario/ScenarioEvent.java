package io.kdg4j.core.scenario;

import io.kdg4j.core.GeneratedRecord;

/**
 * One event of a scenario run, ready to send: the stream it goes to, its record (whose index is the event's
 * position in the whole run, the same at any instance count) and what the consumer under test may check.
 *
 * @param entity the owning entity's index, or -1 for an event that has none
 * @param sequence the entity's own event number in this stream (for events without an entity, the stream's)
 * @param late delivered after events with later event times, on purpose
 * @param duplicate a second delivery of the event just before it
 * @param dueMillis when, in the run's event time, the event is due to be sent: its event time, or for a late one
 *        the end of its delay
 */
public record ScenarioEvent(String stream, GeneratedRecord record, long eventTimeMillis, int entity, long sequence,
        String state, boolean late, boolean duplicate, long dueMillis) {
}
