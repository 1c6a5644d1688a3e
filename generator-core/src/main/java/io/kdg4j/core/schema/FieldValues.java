package io.kdg4j.core.schema;

/**
 * The values of the fields a derived field reads, within the record being made. Sources are named as given to
 * the derived spec: a sibling field ({@code first}) or a path into a nested object ({@code address.city}).
 */
public interface FieldValues {

    /** The value as plain Java: String, Long, BigDecimal, Double, Boolean, null, Map or List. */
    Object get(String source);

    /** The value as text: strings as they are, numbers as in JSON, null as the empty string. */
    String text(String source);

    /** The value as a long; fails if it is not a number. */
    long asLong(String source);

    /** The value as a double; fails if it is not a number. */
    double asDouble(String source);
}
