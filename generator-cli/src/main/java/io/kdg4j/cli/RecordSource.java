package io.kdg4j.cli;

import io.kdg4j.core.KdgException;
import io.kdg4j.core.RecordSchema;
import io.kdg4j.core.kdg.KdgTemplate;
import io.kdg4j.core.kdg.TemplateException;
import io.kdg4j.core.preset.Preset;
import io.kdg4j.core.preset.Presets;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the records' shape comes from: a KDG template file or a built-in preset (exactly one). */
final class RecordSource {
    @Option(names = "--template", paramLabel = "FILE",
            description = "A KDG record template file, as written for the Amazon Kinesis Data Generator.")
    Path template;

    @Option(names = "--preset", paramLabel = "NAME",
            description = "A built-in schema: sakila, randomuser, atm, clickstream, iot, apache-log, security.")
    String preset;

    /** The schema and the format its records are sent in by default. */
    record Resolved(RecordSchema schema, String defaultFormat) {
    }

    /** Compiles the template (printing its warnings) or looks up the preset. */
    Resolved resolve(PrintWriter err) {
        if (template != null) {
            KdgTemplate compiled = compile(template);
            compiled.warnings().forEach(w -> err.println("kdg: warning: " + w));
            return new Resolved(compiled.schema(), "text");
        }
        Preset chosen = Presets.get(preset);
        return new Resolved(chosen.schema(), chosen.defaultFormat());
    }

    private static KdgTemplate compile(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new KdgException("--template: cannot read " + file + ": " + e.getMessage());
        }
        try {
            return KdgTemplate.compile(text);
        } catch (TemplateException e) {
            throw new KdgException(file + ": " + e.getMessage(), e);
        }
    }
}
