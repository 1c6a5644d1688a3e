package io.kdg4j.core.schema;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A value computed from other fields of the same record. {@code sources} name the fields it reads (siblings,
 * or dotted paths into nested objects); they are generated first, wherever they are declared. The function
 * returns a String, a Number, a Boolean, null, a Map or a List, and must be deterministic.
 */
public record DerivedSpec(List<String> sources, Function<FieldValues, ?> function) implements ValueSpec {
    public DerivedSpec {
        sources = List.copyOf(sources);
        Objects.requireNonNull(function, "function");
    }
}
