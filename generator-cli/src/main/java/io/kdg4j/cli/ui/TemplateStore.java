package io.kdg4j.cli.ui;

import io.kdg4j.core.KdgException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Named templates as plain files, {@code DIR/NAME.kdg}, so that users can version them. Names are checked before
 * they touch the file system: letters, digits, spaces, dots, dashes and underscores, not starting with a dot, so
 * that no name reaches outside the folder. Thread-safe.
 */
final class TemplateStore {
    static final String SUFFIX = ".kdg";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9 ._-]{0,63}");

    private final Path directory;

    TemplateStore(Path directory) {
        this.directory = directory.toAbsolutePath().normalize();
    }

    Path directory() {
        return directory;
    }

    synchronized List<String> names() throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(SUFFIX))
                    .map(n -> n.substring(0, n.length() - SUFFIX.length())).filter(n -> NAME.matcher(n).matches())
                    .sorted(String.CASE_INSENSITIVE_ORDER).toList();
        }
    }

    synchronized String read(String name) throws IOException {
        Path file = file(name);
        if (!Files.isRegularFile(file)) {
            throw new TemplateNotFound(name);
        }
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    synchronized void write(String name, String text) throws IOException {
        Files.createDirectories(directory);
        Path file = file(name);
        Path temporary = Files.createTempFile(directory, ".saving-", SUFFIX);
        Files.writeString(temporary, text, StandardCharsets.UTF_8);
        Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    synchronized boolean delete(String name) throws IOException {
        return Files.deleteIfExists(file(name));
    }

    synchronized void rename(String from, String to) throws IOException {
        Path source = file(from);
        Path target = file(to);
        if (!Files.isRegularFile(source)) {
            throw new TemplateNotFound(from);
        }
        if (Files.exists(target)) {
            throw new KdgException("template name '" + to + "' is taken");
        }
        Files.move(source, target);
    }

    private Path file(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new KdgException("template name must be 1 to 64 letters, digits, spaces, dots, dashes or "
                    + "underscores, not starting with a dot, dash or space, but was '" + name + "'");
        }
        Path file = directory.resolve(name + SUFFIX).normalize();
        if (!file.getParent().equals(directory)) {
            throw new KdgException("template name '" + name + "' leaves the templates folder");
        }
        return file;
    }

    /** No template of that name. */
    static final class TemplateNotFound extends KdgException {
        private static final long serialVersionUID = 1L;

        TemplateNotFound(String name) {
            super("no template named '" + name + "'");
        }
    }
}
