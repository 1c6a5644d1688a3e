package io.kdg4j.core;

import io.kdg4j.core.internal.CompiledSchema;
import io.kdg4j.core.internal.SchemaCompiler;
import io.kdg4j.core.schema.PartitionKeySpec;
import io.kdg4j.core.schema.ValueSpec;
import java.util.Locale;
import java.util.Objects;

/**
 * A complete, checked description of the records to generate: the record's value (usually an object), how each
 * record's partition key is chosen, and the locale of Datafaker fields.
 *
 * <p>Building a schema checks it and compiles it once; a schema that cannot generate fails here with a
 * {@link SchemaException} that names every faulty field, before anything is generated or sent. Immutable and
 * thread-safe: share one across threads and runs.
 *
 * <pre>{@code
 * RecordSchema orders = Fields.record(
 *         field("order_id", uuid()),
 *         field("amount", decimals("1.00", "250.00")))
 *     .partitionKey(PartitionKeySpec.field("order_id"));
 * }</pre>
 */
public final class RecordSchema {
    /** Datafaker fields use US English unless the schema says otherwise. */
    public static final Locale DEFAULT_LOCALE = Locale.US;

    private final ValueSpec root;
    private final PartitionKeySpec partitionKey;
    private final Locale locale;
    private final CompiledSchema compiled;

    private RecordSchema(ValueSpec root, PartitionKeySpec partitionKey, Locale locale) {
        this.root = Objects.requireNonNull(root, "root");
        this.partitionKey = Objects.requireNonNull(partitionKey, "partitionKey");
        this.locale = Objects.requireNonNull(locale, "locale");
        this.compiled = SchemaCompiler.compile(root, partitionKey, locale);
    }

    /** A schema whose records are {@code root} (an object, or any value: a text line, an array...). */
    public static RecordSchema of(ValueSpec root) {
        return new RecordSchema(root, PartitionKeySpec.random(), DEFAULT_LOCALE);
    }

    /** A copy with another partition key spec. */
    public RecordSchema partitionKey(PartitionKeySpec partitionKey) {
        return new RecordSchema(root, partitionKey, locale);
    }

    /** A copy whose partition key is the text of a field (a name or a dotted path). */
    public RecordSchema partitionKeyField(String path) {
        return partitionKey(PartitionKeySpec.field(path));
    }

    /** A copy whose Datafaker fields use {@code locale} unless they name their own. */
    public RecordSchema locale(Locale locale) {
        return new RecordSchema(root, partitionKey, locale);
    }

    public ValueSpec root() {
        return root;
    }

    public PartitionKeySpec partitionKey() {
        return partitionKey;
    }

    public Locale locale() {
        return locale;
    }

    CompiledSchema compiled() {
        return compiled;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RecordSchema other && other.root.equals(root)
                && other.partitionKey.equals(partitionKey) && other.locale.equals(locale);
    }

    @Override
    public int hashCode() {
        return Objects.hash(root, partitionKey, locale);
    }

    @Override
    public String toString() {
        return "RecordSchema[" + root + ", partitionKey=" + partitionKey + ", locale=" + locale + "]";
    }
}
