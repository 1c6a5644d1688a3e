package io.kdg4j.core.schema;

/** true with the given probability, else false. */
public record BooleanSpec(double probability) implements ValueSpec {
}
