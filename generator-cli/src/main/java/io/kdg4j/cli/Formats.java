package io.kdg4j.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import io.kdg4j.core.KdgException;
import io.kdg4j.core.RecordGenerator;
import io.kdg4j.core.RecordSchema;
import io.kdg4j.core.encode.Encoders;
import io.kdg4j.core.encode.RecordEncoder;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/** The {@code --format} flag: which encoder writes the records, checked against what the records are. */
final class Formats {
    static final List<String> NAMES = List.of("json", "jsonl", "csv", "text", "avro", "protobuf");
    private static final List<String> BINARY = List.of("avro", "protobuf");
    private static final JsonFactory JSON = new JsonFactory();

    private Formats() {
    }

    /**
     * The encoder for {@code format} (null: the source's default). A KDG template's records are text that is often
     * JSON already: {@code json} and {@code jsonl} then write that text as it is, after checking that the first
     * record parses, rather than wrap it in a JSON string; {@code csv} needs fields, which a template has not.
     */
    static RecordEncoder encoder(String format, RecordSource.Resolved resolved, RecordSchema schema,
                                 SchemaOptions options) {
        return options.framed(unframed(format, resolved, schema, options));
    }

    /** Whether {@code format} (or the source's default) writes binary records, which a terminal cannot show. */
    static boolean isBinary(String format) {
        return format != null && BINARY.contains(format.toLowerCase(Locale.ROOT));
    }

    private static RecordEncoder unframed(String format, RecordSource.Resolved resolved, RecordSchema schema,
                                          SchemaOptions options) {
        String chosen = format != null ? format.toLowerCase(Locale.ROOT) : resolved.defaultFormat();
        if (!NAMES.contains(chosen)) {
            throw new KdgException("--format must be one of " + String.join(", ", NAMES) + " but was '" + format
                    + "'");
        }
        if (BINARY.contains(chosen)) {
            if (resolved.isTemplate()) {
                throw new KdgException("--format " + chosen + " needs a record with fields, but a KDG template's "
                        + "records are text: use a preset or a schema, or --format text");
            }
            return options.binary(chosen, schema);
        }
        if (!resolved.isTemplate()) {
            return Encoders.forFormat(chosen, schema);
        }
        switch (chosen) {
            case "csv":
                throw new KdgException("--format csv needs a record with fields, but a KDG template's records are "
                        + "text: use --format text (the default), or write the template as CSV");
            case "json":
            case "jsonl":
                String first = RecordGenerator.of(schema, 0).generate(0).textAt(0);
                if (!isJson(first)) {
                    throw new KdgException("--format " + chosen + ": the template's records are not JSON (the "
                            + "first record begins: " + (first.length() > 120 ? first.substring(0, 120) + "..."
                            : first) + "); use --format text");
                }
                return Encoders.text();
            default:
                return Encoders.text();
        }
    }

    private static boolean isJson(String text) {
        try (JsonParser parser = JSON.createParser(text)) {
            if (parser.nextToken() == null) {
                return false;
            }
            parser.skipChildren();
            return parser.nextToken() == null;
        } catch (IOException e) {
            return false;
        }
    }
}
