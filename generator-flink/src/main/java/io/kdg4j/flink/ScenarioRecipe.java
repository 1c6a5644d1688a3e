package io.kdg4j.flink;

import io.kdg4j.core.scenario.file.ScenarioFile;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A scenario file as a Flink job ships it to its task managers: its text and the files it names (a stream's
 * {@code avroSchema: orders.avsc}), read once where the job is built, since a task manager cannot see them. Each
 * subtask parses it again, so a scenario reads the same everywhere.
 */
final class ScenarioRecipe implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String text;
    private final String source;
    private final Map<String, String> siblings;
    private transient ScenarioFile file;

    private ScenarioRecipe(String text, String source, Map<String, String> siblings) {
        this.text = text;
        this.source = source;
        this.siblings = Map.copyOf(siblings);
    }

    /** A scenario file on this machine, with the files beside it that it names. */
    static ScenarioRecipe read(Path path) {
        String text;
        try {
            text = Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read scenario file " + path, e);
        }
        Path directory = path.toAbsolutePath().getParent();
        Map<String, String> read = new LinkedHashMap<>();
        ScenarioFile.parse(text, path.toString(), name -> {
            String content = Files.readString(directory.resolve(name));
            read.put(name, content);
            return content;
        });
        return new ScenarioRecipe(text, path.toString(), read);
    }

    /** A recipe as a split serializer reads it back: parsed when first used. */
    static ScenarioRecipe restored(String text, String source, Map<String, String> siblings) {
        return new ScenarioRecipe(text, source, siblings);
    }

    String text() {
        return text;
    }

    String source() {
        return source;
    }

    Map<String, String> siblings() {
        return siblings;
    }

    /** A scenario's text, naming no other file. */
    static ScenarioRecipe of(String text, String source) {
        ScenarioFile.parse(text, source);
        return new ScenarioRecipe(text, source, Map.of());
    }

    ScenarioFile file() {
        if (file == null) {
            file = ScenarioFile.parse(text, source, name -> {
                String content = siblings.get(name);
                if (content == null) {
                    throw new NoSuchFileException(name);
                }
                return content;
            });
        }
        return file;
    }

    @Override
    public String toString() {
        return "scenario " + source;
    }
}
