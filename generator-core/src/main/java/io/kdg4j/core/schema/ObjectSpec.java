package io.kdg4j.core.schema;

import java.util.List;

/** A JSON object whose fields are written in the order given. Names must be unique and non-empty. */
public record ObjectSpec(List<FieldSpec> fields) implements ValueSpec {
    public ObjectSpec {
        fields = List.copyOf(fields);
    }
}
