package io.kdg4j.cli;

import io.kdg4j.core.KdgException;
import io.kdg4j.core.RecordSchema;
import io.kdg4j.core.kdg.KdgTemplate;
import io.kdg4j.core.kdg.TemplateException;
import io.kdg4j.core.preset.Preset;
import io.kdg4j.core.preset.Presets;
import io.kdg4j.core.scenario.file.ScenarioFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the records' shape comes from: a KDG template file, a built-in preset or a scenario file (exactly one). */
final class RecordSource {
    @Option(names = "--template", paramLabel = "FILE",
            description = "A KDG record template file, as written for the Amazon Kinesis Data Generator.")
    Path template;

    @Option(names = "--preset", paramLabel = "NAME",
            description = "A built-in schema: sakila, randomuser, atm, clickstream, iot, apache-log, security.")
    String preset;

    @Option(names = "--scenario", paramLabel = "FILE",
            description = "A scenario file (YAML or JSON): populations, state machines and several streams of events "
                    + "about them; see docs/scenarios.md.")
    Path scenario;

    boolean isScenario() {
        return scenario != null;
    }

    /** Reads the scenario file; every problem in it is reported together, by its path in the file. */
    ScenarioFile scenarioFile() {
        if (!Files.isRegularFile(scenario)) {
            throw new KdgException("--scenario: no such file: " + scenario.toAbsolutePath()
                    + (Files.isDirectory(scenario) ? " (it is a folder)" : ""));
        }
        return ScenarioFile.load(scenario);
    }

    /** The schema, the format its records are sent in by default, and whether they are a template's text. */
    record Resolved(RecordSchema schema, String defaultFormat, boolean isTemplate) {
    }

    /** Compiles the template (printing its warnings) or looks up the preset. */
    Resolved resolve(PrintWriter err) {
        if (scenario != null) {
            throw new IllegalStateException("a scenario has a schema per stream");
        }
        if (template != null) {
            KdgTemplate compiled = compile(template);
            compiled.warnings().forEach(w -> err.println("kdg: warning: " + w));
            return new Resolved(compiled.schema(), "text", true);
        }
        Preset chosen = Presets.get(preset);
        return new Resolved(chosen.schema(), chosen.defaultFormat(), false);
    }

    private static KdgTemplate compile(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new KdgException("--template: no such file: " + file.toAbsolutePath());
        } catch (AccessDeniedException e) {
            throw new KdgException("--template: not allowed to read " + file.toAbsolutePath());
        } catch (MalformedInputException e) {
            throw new KdgException("--template: " + file + " is not UTF-8 text");
        } catch (IOException e) {
            throw new KdgException("--template: cannot read " + file.toAbsolutePath() + " ("
                    + (Files.isDirectory(file) ? "it is a folder" : e.getClass().getSimpleName() + ": "
                    + e.getMessage()) + ")");
        }
        if (text.isBlank()) {
            throw new KdgException("--template: " + file + " is empty" + (text.isEmpty() ? "" : " (only white space)")
                    + ": every record would be blank; write a record template such as "
                    + "{\"id\": {{random.number(100)}}}");
        }
        try {
            return KdgTemplate.compile(text);
        } catch (TemplateException e) {
            throw new KdgException(file + ": " + e.getMessage(), e);
        }
    }
}
