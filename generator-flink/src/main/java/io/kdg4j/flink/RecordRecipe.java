package io.kdg4j.flink;

import io.kdg4j.core.KdgException;
import io.kdg4j.core.RecordGenerator;
import io.kdg4j.core.RecordSchema;
import io.kdg4j.core.encode.Encoders;
import io.kdg4j.core.encode.RecordEncoder;
import io.kdg4j.core.kdg.KdgTemplate;
import io.kdg4j.core.preset.Presets;
import io.kdg4j.core.schema.PartitionKeySpec;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.flink.util.function.SerializableSupplier;

/**
 * What a job's records are made of, in a form Flink can ship to its task managers: a KDG template's text, a
 * preset's name, or a serialisable function that builds a schema (a schema itself is compiled, not serialisable).
 * Each subtask compiles it once when it opens.
 */
final class RecordRecipe implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final List<String> FORMATS = List.of("json", "jsonl", "csv", "text");

    private final String template;
    private final String preset;
    private final SerializableSupplier<RecordSchema> schema;
    private final String partitionKey;
    private final String format;

    private RecordRecipe(String template, String preset, SerializableSupplier<RecordSchema> schema,
                         String partitionKey, String format) {
        this.template = template;
        this.preset = preset;
        this.schema = schema;
        this.partitionKey = partitionKey;
        this.format = format;
    }

    static RecordRecipe template(String text) {
        return new RecordRecipe(Objects.requireNonNull(text, "template"), null, null, null, null);
    }

    static RecordRecipe preset(String name) {
        return new RecordRecipe(null, Objects.requireNonNull(name, "preset"), null, null, null);
    }

    static RecordRecipe schema(SerializableSupplier<RecordSchema> schema) {
        return new RecordRecipe(null, null, Objects.requireNonNull(schema, "schema"), null, null);
    }

    /** The same records with another partition key: random, field:PATH, a ${...} template or a constant. */
    RecordRecipe partitionKey(String expression) {
        return new RecordRecipe(template, preset, schema, Objects.requireNonNull(expression, "partitionKey"), format);
    }

    /** The same records in {@code format}: json, jsonl, csv or text (default: the source's own). */
    RecordRecipe format(String name) {
        String chosen = Objects.requireNonNull(name, "format").toLowerCase(Locale.ROOT);
        if (!FORMATS.contains(chosen)) {
            throw new KdgException("format must be one of " + String.join(", ", FORMATS) + " but was '" + name + "'");
        }
        return new RecordRecipe(template, preset, schema, partitionKey, chosen);
    }

    /** Compiles the schema; fails with the template's line and column if it does not compile. */
    RecordSchema compile() {
        RecordSchema compiled = template != null ? KdgTemplate.compile(template).schema()
                : preset != null ? Presets.get(preset).schema()
                : Objects.requireNonNull(schema.get(), "the schema supplier returned null");
        return partitionKey == null ? compiled : compiled.partitionKey(PartitionKeySpec.parse(partitionKey));
    }

    /**
     * The encoder, as {@code kdg send} chooses it: a template's records are its text (json and jsonl keep the text
     * as it is, since a template usually writes JSON itself; csv needs fields a template has not), a preset's are
     * in its default format, a schema's are JSON.
     */
    RecordEncoder encoder(RecordSchema compiled) {
        if (template != null) {
            if ("csv".equals(format)) {
                throw new KdgException("format csv needs a record with fields, but a KDG template's records are "
                        + "text: use text (the default), or write the template as CSV");
            }
            return Encoders.text();
        }
        String chosen = format != null ? format : preset != null ? Presets.get(preset).defaultFormat() : "json";
        return Encoders.forFormat(chosen, compiled);
    }

    /** Compiles now and makes record 0, so that a bad recipe fails when the job is built, not on the cluster. */
    void check() {
        RecordSchema compiled = compile();
        encoder(compiled);
        RecordGenerator.of(compiled, 0).generate(0);
    }

    @Override
    public String toString() {
        return template != null ? "a KDG template" : preset != null ? "preset " + preset : "a schema";
    }
}
