package io.kdg4j.core.schema;

import java.util.Objects;

/**
 * How each record's partition key is chosen. The default, {@link #random()}, is KDG's: a random integer in
 * [0, 10^10) as text, drawn from the seeded stream.
 */
public sealed interface PartitionKeySpec {

    /**
     * A key as the command line, the JUnit annotation and the web page write it: {@code random} (KDG's),
     * {@code field:PATH}, a template with {@code ${...}}, or else a constant. A constant's length is checked when the
     * schema is built.
     */
    static PartitionKeySpec parse(String expression) {
        Objects.requireNonNull(expression, "expression");
        if (expression.equals("random")) {
            return random();
        }
        if (expression.startsWith("field:")) {
            return field(expression.substring("field:".length()));
        }
        return expression.contains("${") ? template(expression) : constant(expression);
    }

    /** The text of a field of the record (a top-level name or a dotted path into nested objects). */
    static PartitionKeySpec field(String path) {
        return new FieldKey(path);
    }

    /** The same key for every record: all records go to one shard, in order. */
    static PartitionKeySpec constant(String key) {
        return new ConstantKey(key);
    }

    /** A random integer in [0, 10^10), as KDG makes them. */
    static PartitionKeySpec random() {
        return new RandomKey();
    }

    /** A {@code ${field}} template over the record's fields, e.g. {@code "${region}-${device_id}"}. */
    static PartitionKeySpec template(String template) {
        return new TemplateKey(template);
    }

    record FieldKey(String path) implements PartitionKeySpec {
        public FieldKey {
            Objects.requireNonNull(path, "path");
        }
    }

    record ConstantKey(String key) implements PartitionKeySpec {
        public ConstantKey {
            Objects.requireNonNull(key, "key");
        }
    }

    record RandomKey() implements PartitionKeySpec {
    }

    record TemplateKey(String template) implements PartitionKeySpec {
        public TemplateKey {
            Objects.requireNonNull(template, "template");
        }
    }
}
