package io.kdg4j.core.schema;

import java.util.Objects;

/** An array of minLength to maxLength elements (inclusive, uniform), each generated from {@code element}. */
public record ArraySpec(ValueSpec element, int minLength, int maxLength) implements ValueSpec {
    public ArraySpec {
        Objects.requireNonNull(element, "element");
    }

    public ArraySpec length(int exactly) {
        return new ArraySpec(element, exactly, exactly);
    }

    public ArraySpec length(int min, int max) {
        return new ArraySpec(element, min, max);
    }
}
