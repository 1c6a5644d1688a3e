package io.kdg4j.core.schema;

/**
 * Always the same value: a String, a whole number (Integer, Long, Short, Byte), a Double or Float, a
 * BigDecimal, a Boolean, or null.
 */
public record ConstantSpec(Object value) implements ValueSpec {
}
