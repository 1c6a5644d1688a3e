package io.kdg4j.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The fenced code blocks of the project's Markdown pages. A block can be marked, on the line just before its
 * fence, with {@code <!-- snippet: partial: REASON -->} (not compiled, for the reason given) or
 * {@code <!-- snippet: NAME -->} (named, so that a test can find it).
 */
final class Snippets {
    private Snippets() {
    }

    /** One fenced block: where it is, its language, its marker (or ""), and its text. */
    record Snippet(Path file, int line, String language, String marker, String text) {
        boolean isPartial() {
            return marker.startsWith("partial");
        }

        String where() {
            return root().relativize(file) + ":" + line;
        }
    }

    static Path root() {
        return Path.of(System.getProperty("kdg4j.root", "..")).toAbsolutePath().normalize();
    }

    /** README.md, CONTRIBUTING.md and every page under docs/. */
    static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(root().resolve("README.md"), root().resolve("CONTRIBUTING.md")));
        try (Stream<Path> docs = Files.list(root().resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages;
    }

    static List<Snippet> of(Path page) throws IOException {
        List<String> lines = Files.readAllLines(page, StandardCharsets.UTF_8);
        List<Snippet> snippets = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.startsWith("```") || line.length() == 3) {
                continue;
            }
            String language = line.substring(3).trim();
            String marker = "";
            if (i > 0 && lines.get(i - 1).startsWith("<!-- snippet:")) {
                marker = lines.get(i - 1).replaceAll("<!-- snippet:\\s*(.*?)\\s*-->", "$1");
            }
            StringBuilder text = new StringBuilder();
            int start = i + 1;
            for (i = start; i < lines.size() && !lines.get(i).startsWith("```"); i++) {
                text.append(lines.get(i)).append('\n');
            }
            snippets.add(new Snippet(page, start + 1, language, marker, text.toString()));
        }
        return snippets;
    }

    static List<Snippet> all(String language) throws IOException {
        List<Snippet> all = new ArrayList<>();
        for (Path page : pages()) {
            of(page).stream().filter(s -> s.language().equals(language)).forEach(all::add);
        }
        return all;
    }

    static Snippet named(Path page, String name) throws IOException {
        return of(page).stream().filter(s -> s.marker().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(page + " has no block marked <!-- snippet: " + name + " -->"));
    }
}
