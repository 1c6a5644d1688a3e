package io.kdg4j.core.schema;

/** A random UUID in version 4 form, drawn from the seeded stream (so it repeats with the seed). */
public record UuidSpec() implements ValueSpec {
}
