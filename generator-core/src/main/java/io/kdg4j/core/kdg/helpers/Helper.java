package io.kdg4j.core.kdg.helpers;

import io.kdg4j.core.schema.ValueSpec;

/** One row of the helper table: the KDG helper, its arguments, what kdg4j generates for it, and how it compiles. */
public record Helper(String name, String arguments, String mapping, Compiler compiler) {
    /** How one helper compiles: the call's arguments in, a spec out, or a {@link io.kdg4j.core.kdg.TemplateException}. */
    @FunctionalInterface
    public interface Compiler {
        ValueSpec compile(HelperCall call);
    }
}
