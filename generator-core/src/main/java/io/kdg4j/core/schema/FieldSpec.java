package io.kdg4j.core.schema;

import java.util.Objects;

/** One named field of an object. */
public record FieldSpec(String name, ValueSpec value) {
    public FieldSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, () -> "value of field '" + name + "'");
    }
}
