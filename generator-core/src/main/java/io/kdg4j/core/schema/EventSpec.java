package io.kdg4j.core.schema;

import java.util.Objects;

/**
 * A fact of the scenario event a record describes: its event time, the entity's own sequence number, or the
 * state the entity entered. Outside a scenario the event time is the generator's clock, the sequence is the
 * record index and the state is null.
 */
public record EventSpec(Part part) implements ValueSpec {
    public enum Part {
        /** The event time as ISO-8601 UTC with milliseconds, e.g. {@code 2026-01-01T09:30:00.250Z}. */
        TIME_ISO,
        /** The event time in epoch milliseconds. */
        TIME_MILLIS,
        /** 0, 1, 2... per entity and stream: a consumer checks per-key order with it. */
        SEQUENCE,
        /** The state machine state the entity entered (its name). */
        STATE,
        /** The name of the scenario stream the record is sent to. */
        STREAM
    }

    public EventSpec {
        Objects.requireNonNull(part, "part");
    }
}
