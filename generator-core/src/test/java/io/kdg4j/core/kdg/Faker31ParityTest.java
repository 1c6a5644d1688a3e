package io.kdg4j.core.kdg;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.kdg4j.core.GeneratedRecord;
import io.kdg4j.core.Records;
import io.kdg4j.core.encode.Encoders;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The differential suite: every method of every faker.js 3.1 namespace, enumerated from the npm package itself,
 * rendered 1,000 times by faker 3.1 under node and 1,000 times by kdg4j, compared by the corpus's
 * {@code kdg_compare.py} (plus a closed-set rule, see {@code faker31/compare.py}). A case either matches, or it
 * is listed in docs/templates.md ("Where kdg4j differs from faker.js 3.1") with the reason: as its helper (every
 * argument form), as the exact call, or as {@code helper()} for the form without arguments. A listed case that
 * matches after all must leave the list.
 *
 * <p>Needs {@code KDG4J_FAKER31_DIR} (a folder with {@code faker@3.1.0} and {@code moment@2.17.1} installed by
 * npm; {@code .ci/run} makes one), node, python3 and ../shared/kdg-corpus: skipped without them, failed in CI.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Faker31ParityTest {
    private static final int COUNT = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private Path fakerDir;
    private Map<String, List<String>> fakerMethods;
    private final Map<String, String> cases = new LinkedHashMap<>();
    private final Map<String, String> verdicts = new LinkedHashMap<>();
    private Map<String, String> exceptions;

    @BeforeAll
    void renderBothSides(@TempDir Path work) throws Exception {
        String configured = System.getenv("KDG4J_FAKER31_DIR");
        fakerDir = configured == null ? null : Path.of(configured);
        Corpus.require(fakerDir != null && Files.isDirectory(fakerDir.resolve("node_modules/faker")),
                "faker@3.1.0 (KDG4J_FAKER31_DIR)");
        Path corpus = Corpus.directory();
        Corpus.require(corpus != null, "../shared/kdg-corpus");
        Path scripts = Files.createDirectories(work.resolve("scripts"));
        for (String script : List.of("render.js", "compare.py", "cases.txt")) {
            try (InputStream in = getClass().getResourceAsStream("/faker31/" + script)) {
                Files.copy(in, scripts.resolve(script));
            }
        }
        fakerMethods = JSON.readValue(run(work, "node", scripts.resolve("render.js").toString(), "list"),
                new TypeReference<>() { });
        readCases(scripts.resolve("cases.txt"));
        exceptions = DocumentedDifferences.read();

        Path out = Files.createDirectories(work.resolve("out"));
        List<Map<String, String>> casesJson = new ArrayList<>();
        cases.forEach((id, expression) -> casesJson.add(Map.of("id", id, "template", "{{" + expression + "}}")));
        Path casesFile = work.resolve("cases.json");
        JSON.writeValue(casesFile.toFile(), casesJson);
        run(work, "node", scripts.resolve("render.js").toString(), "render", casesFile.toString(),
                String.valueOf(COUNT), out.toString());
        for (Map.Entry<String, String> c : cases.entrySet()) {
            Files.write(out.resolve(c.getKey() + ".cand"), renderWithKdg4j(c.getValue()), StandardCharsets.UTF_8);
        }
        List<String> command = new ArrayList<>(List.of("python3", scripts.resolve("compare.py").toString(),
                corpus.resolve("kdg_compare.py").toString(), out.toString()));
        command.addAll(cases.keySet());
        for (String line : run(work, command.toArray(String[]::new)).split("\n")) {
            int tab = line.indexOf('\t');
            if (tab > 0) {
                verdicts.put(line.substring(0, tab), line.substring(tab + 1));
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> everyCase_rendersLikeFaker31_orIsADocumentedDifference() {
        return cases.entrySet().stream().map(c -> DynamicTest.dynamicTest(c.getValue(), () -> {
            String verdict = verdicts.get(c.getKey());
            assertThat(verdict).as("no verdict for %s", c.getValue()).isNotNull();
            String reason = documentedReason(c.getValue());
            if (reason == null) {
                assertThat(verdict).as("{{%s}} differs from faker 3.1 and docs/templates.md does not say why",
                        c.getValue()).isEqualTo("ok");
            } else {
                assertThat(verdict).as("{{%s}} is listed in docs/templates.md as differing (%s) but matches "
                        + "faker 3.1: take it off the list", c.getValue(), reason).isNotEqualTo("ok");
            }
        }));
    }

    @Test
    void everyFaker31Method_hasACase() {
        Set<String> covered = new LinkedHashSet<>();
        cases.values().forEach(expression -> covered.add(helperName(expression)));
        List<String> missing = new ArrayList<>();
        int methods = 0;
        for (Map.Entry<String, List<String>> namespace : fakerMethods.entrySet()) {
            for (String method : namespace.getValue()) {
                String name = namespace.getKey() + "." + method.substring(0, method.indexOf('('));
                methods++;
                if (!covered.contains(name)) {
                    missing.add(name);
                }
            }
        }
        assertThat(fakerMethods).hasSizeGreaterThanOrEqualTo(14);
        assertThat(methods).isGreaterThanOrEqualTo(130);
        assertThat(missing).as("faker 3.1 methods without a case in faker31/cases.txt").isEmpty();
    }

    @Test
    void everyDocumentedDifference_namesACase() {
        for (String listed : exceptions.keySet()) {
            assertThat(cases.values().stream().anyMatch(e -> e.equals(listed) || (e + "()").equals(listed)
                    || helperName(e).equals(listed)))
                    .as("docs/templates.md lists %s, which no case renders", listed).isTrue();
        }
    }

    /** The documented reason for a case: listed as the exact call, or as its helper (every argument form). */
    private String documentedReason(String expression) {
        String exact = exceptions.get(expression.contains("(") ? expression : expression + "()");
        return exact != null ? exact : exceptions.get(helperName(expression));
    }

    private static String helperName(String expression) {
        int paren = expression.indexOf('(');
        return paren < 0 ? expression : expression.substring(0, paren);
    }

    private void readCases(Path file) throws IOException {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String expression = line.strip();
            if (!expression.isEmpty() && !expression.startsWith("#")) {
                cases.put(String.format("c%03d", cases.size()), expression);
            }
        }
    }

    /** kdg4j's side: the same template, 1,000 records, each wrapped as {"v": text} like render.js does. */
    private static List<String> renderWithKdg4j(String expression) throws IOException {
        KdgTemplate template;
        try {
            template = KdgTemplate.compile("{{" + expression + "}}");
        } catch (TemplateException e) {
            return List.of("ERROR: " + e.getMessage().replace('\n', ' '));
        }
        List<String> lines = new ArrayList<>(COUNT);
        for (GeneratedRecord record : (Iterable<GeneratedRecord>) Records.from(template.schema()).seed(7)
                .clock(Clock.systemUTC()).encoder(Encoders.text()).stream(COUNT)::iterator) {
            lines.add(JSON.writeValueAsString(JsonNodeFactory.instance.objectNode().put("v", record.text())));
        }
        return lines;
    }

    private static String run(Path dir, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        builder.environment().put("TZ", "UTC");
        Path errors = dir.resolve("stderr.txt");
        builder.redirectError(errors.toFile());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("%s finished", command[0]).isTrue();
        assertThat(process.exitValue()).as("%s: %s", String.join(" ", command), Files.readString(errors)).isZero();
        return output;
    }

    /** The table "Where kdg4j differs from faker.js 3.1" in docs/templates.md: helper or call -> reason. */
    static final class DocumentedDifferences {
        static final String HEADING = "## Where kdg4j differs from faker.js 3.1";
        private static final Pattern ROW = Pattern.compile("^\\|([^|]*`[^|]*)\\|\\s*(.+?)\\s*\\|");
        private static final Pattern CODE = Pattern.compile("`([^`]+)`");

        static Map<String, String> read() throws IOException {
            Path docs = Path.of("").toAbsolutePath().resolveSibling("docs").resolve("templates.md");
            if (!Files.exists(docs)) {
                docs = Path.of("docs", "templates.md");
            }
            Map<String, String> listed = new LinkedHashMap<>();
            boolean inSection = false;
            for (String line : Files.readAllLines(docs, StandardCharsets.UTF_8)) {
                if (line.startsWith("## ")) {
                    inSection = line.startsWith(HEADING);
                    continue;
                }
                Matcher row = ROW.matcher(line);
                if (inSection && row.find()) {
                    Matcher names = CODE.matcher(row.group(1));
                    while (names.find()) {
                        listed.put(names.group(1).strip(), row.group(2));
                    }
                }
            }
            assertThat(listed).as("docs/templates.md has the section '%s'", HEADING).isNotEmpty();
            return listed;
        }
    }
}
