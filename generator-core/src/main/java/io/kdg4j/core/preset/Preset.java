package io.kdg4j.core.preset;

import io.kdg4j.core.RecordSchema;
import java.util.Objects;

/**
 * A named, ready-made schema and the format its records are usually sent in ({@code json} or {@code text}).
 */
public record Preset(String name, String description, RecordSchema schema, String defaultFormat) {
    public Preset {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(defaultFormat, "defaultFormat");
    }
}
