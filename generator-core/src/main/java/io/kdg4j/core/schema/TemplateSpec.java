package io.kdg4j.core.schema;

import java.util.Objects;

/**
 * Text with {@code ${field}} placeholders filled from other fields of the record, e.g.
 * {@code "${first}.${last}@example.com"}. {@code $$} writes a dollar sign.
 */
public record TemplateSpec(String template, boolean lowerCased) implements ValueSpec {
    public TemplateSpec {
        Objects.requireNonNull(template, "template");
    }

    /** A copy whose result is lower-cased (with {@link java.util.Locale#ROOT}). */
    public TemplateSpec lowerCase() {
        return new TemplateSpec(template, true);
    }
}
