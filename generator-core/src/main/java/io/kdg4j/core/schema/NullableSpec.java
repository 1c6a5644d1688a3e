package io.kdg4j.core.schema;

import java.util.Objects;

/** {@code value}, or JSON null with probability {@code nullRate}. */
public record NullableSpec(ValueSpec value, double nullRate) implements ValueSpec {
    public NullableSpec {
        Objects.requireNonNull(value, "value");
    }
}
