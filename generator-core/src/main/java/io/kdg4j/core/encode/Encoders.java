package io.kdg4j.core.encode;

import io.kdg4j.core.RecordSchema;
import java.util.Locale;

/**
 * The built-in encoders.
 *
 * <pre>{@code
 * RecordEncoder json = Encoders.json();               // {"a":1,"b":"x"}
 * RecordEncoder lines = Encoders.jsonLines();         // the same, then \n
 * RecordEncoder csv = Encoders.csv(schema).withHeader();
 * }</pre>
 */
public final class Encoders {
    private static final RecordEncoder JSON = new JsonEncoder(false);
    private static final RecordEncoder JSON_LINES = new JsonEncoder(true);
    private static final RecordEncoder TEXT = new TextEncoder();

    private Encoders() {
    }

    /** Compact JSON, no trailing newline: one Kinesis record per JSON document, as KDG sends them. */
    public static RecordEncoder json() {
        return JSON;
    }

    /** Compact JSON followed by {@code \n}. */
    public static RecordEncoder jsonLines() {
        return JSON_LINES;
    }

    /** RFC 4180 CSV with the schema's columns (nested objects flattened), no header unless asked. */
    public static CsvEncoder csv(RecordSchema schema) {
        return new CsvEncoder(CsvLayout.of(schema.root()), false);
    }

    /** Strings as raw UTF-8 text (log lines); anything else as JSON. */
    public static RecordEncoder text() {
        return TEXT;
    }

    /** Each record of {@code inner} gzipped on its own, as KDG's "Compress Records" sends them. */
    public static RecordEncoder gzip(RecordEncoder inner) {
        return new GzipEncoder(java.util.Objects.requireNonNull(inner, "inner"));
    }

    /** The encoder for a format name: json, jsonl, csv (with header) or text. */
    public static RecordEncoder forFormat(String format, RecordSchema schema) {
        switch (format.toLowerCase(Locale.ROOT)) {
            case "json":
                return json();
            case "jsonl":
            case "json-lines":
                return jsonLines();
            case "csv":
                return csv(schema).withHeader();
            case "text":
                return text();
            default:
                throw new IllegalArgumentException(
                        "format must be one of json, jsonl, csv, text but was '" + format + "'");
        }
    }
}
