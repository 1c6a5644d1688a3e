/**
 * Immutable descriptions of what to generate. Build them with {@link io.kdg4j.core.Fields}; every spec is a
 * record, so a half-built schema can be a {@code static final} constant shared by tests. Specs are checked
 * when a {@link io.kdg4j.core.RecordSchema} is built, where each problem can name the field it belongs to.
 */
package io.kdg4j.core.schema;
