package io.kdg4j.core.schema;

/**
 * A ULID: 48 bits of the generator clock's milliseconds and 80 seeded random bits, 26 characters of
 * Crockford base 32, sortable by time.
 */
public record UlidSpec() implements ValueSpec {
}
