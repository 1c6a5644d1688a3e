package io.kdg4j.core.schema;

import java.util.List;

/** Text made by joining the text of each part: literals and generated values mixed. */
public record ConcatSpec(List<ValueSpec> parts) implements ValueSpec {
    public ConcatSpec {
        parts = List.copyOf(parts);
    }
}
