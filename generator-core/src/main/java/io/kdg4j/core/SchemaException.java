package io.kdg4j.core;

import java.util.List;

/**
 * A schema that cannot generate: raised when the schema is built, before any record is made. Each problem
 * names the field (its path, e.g. {@code user.address.zip}), the rule it breaks and the offending value.
 */
public class SchemaException extends KdgException {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public SchemaException(List<String> problems) {
        super(problems.size() == 1
                ? "invalid schema: " + problems.get(0)
                : "invalid schema, " + problems.size() + " problems:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Each problem as one sentence: {@code field 'film_id': min must be <= max, but min was 5 and max was 1}. */
    public List<String> problems() {
        return problems;
    }
}
