package io.kdg4j.core.kdg;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The acceptance corpus in ../shared/kdg-corpus (41 real KDG templates with KDG's own output). It lives beside
 * the repository, not in it: tests that need it skip where it is absent, but fail in CI (CI=true).
 */
final class Corpus {
    private Corpus() {
    }

    static Path directory() {
        String configured = System.getProperty("kdg4j.corpus");
        if (configured != null) {
            return Path.of(configured);
        }
        Path dir = Path.of("").toAbsolutePath();
        for (int up = 0; up < 5 && dir != null; up++, dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("kdg-corpus");
            if (Files.isDirectory(candidate.resolve("templates"))) {
                return candidate;
            }
            Path sibling = dir.resolveSibling("shared").resolve("kdg-corpus");
            if (Files.isDirectory(sibling.resolve("templates"))) {
                return sibling;
            }
        }
        return null;
    }

    /** Skips the calling test where the thing is missing, or fails it in CI. */
    static void require(boolean present, String what) {
        if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(what + " is missing, and CI must run this test");
        }
        assumeTrue(present, what + " is missing; skipped (it must be there in CI)");
    }

    static List<String> templateNames() throws IOException {
        Path dir = directory();
        if (dir == null) {
            return List.of("(corpus missing)");
        }
        try (Stream<Path> files = Files.list(dir.resolve("templates"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".txt"))
                    .map(n -> n.substring(0, n.length() - 4)).sorted().toList();
        }
    }
}
