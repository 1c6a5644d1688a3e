package io.kdg4j.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.EventConditions;

/**
 * Every Java snippet of the README, CONTRIBUTING.md and docs/ compiles against the built modules as it is printed,
 * imports included. A snippet that declares a type is compiled as a file; one made of statements is compiled as
 * the body of a method (its imports kept at the top), so that pages can show a few lines without a class around
 * them. Blocks marked partial are skipped, and report their reason.
 */
class SnippetsCompileTest {
    private static final Pattern TYPE = Pattern.compile("(?m)^(?:@\\w+(?:\\([^)]*\\))?\\s+)*(?:public\\s+|final\\s+"
            + "|abstract\\s+)*(class|record|interface|enum)\\s+(\\w+)");

    @TempDir
    Path out;

    @TestFactory
    Stream<DynamicTest> everyJavaSnippet_compiles() throws IOException {
        List<Snippets.Snippet> snippets = Snippets.all("java");
        assertThat(snippets).as("Java snippets in the docs").hasSizeGreaterThan(10);
        return snippets.stream().map(s -> DynamicTest.dynamicTest(s.where(), () -> {
            assumeFalse(s.isPartial(), s.where() + " is marked " + s.marker());
            assertCompiles(s);
            if (s.marker().equals("run")) {
                assertRunsGreen(s);
            }
        }));
    }

    /** A snippet marked run is a test class: it runs on the JUnit engine, and every test in it must pass. */
    private void assertRunsGreen(Snippets.Snippet snippet) throws Exception {
        Matcher type = TYPE.matcher(snippet.text());
        assertThat(type.find()).as("%s is marked run but declares no class", snippet.where()).isTrue();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {out.toUri().toURL()},
                getClass().getClassLoader())) {
            Class<?> testClass = loader.loadClass(type.group(2));
            EngineTestKit.engine("junit-jupiter").selectors(DiscoverySelectors.selectClass(testClass)).execute()
                    .testEvents().assertThatEvents().as("%s: its tests", snippet.where())
                    .haveAtLeast(1, EventConditions.finishedSuccessfully())
                    .doNotHave(EventConditions.finishedWithFailure());
        }
    }

    @Test
    void aSnippetThatDoesNotCompile_isReportedWithItsPlace() {
        Snippets.Snippet broken = new Snippets.Snippet(Snippets.root().resolve("README.md"), 10, "java", "",
                "import io.kdg4j.core.RecordSchema;\nRecordSchema s = nothing();\n");
        assertThat(compile(broken)).contains("README.md:11").contains("cannot find symbol");
    }

    private void assertCompiles(Snippets.Snippet snippet) {
        String errors = compile(snippet);
        assertThat(errors).as("%s does not compile:%n%s", snippet.where(), errors).isEmpty();
    }

    /** The compiler's errors, each placed at its line of the page; empty when it compiles. */
    private String compile(Snippets.Snippet snippet) {
        List<String> imports = new ArrayList<>();
        StringBuilder body = new StringBuilder();
        for (String line : snippet.text().split("\n", -1)) {
            boolean isImport = line.startsWith("import ");
            if (isImport) {
                imports.add(line);
            }
            body.append(isImport ? "" : line).append('\n');
        }
        Matcher type = TYPE.matcher(body);
        String className;
        String source;
        int shift; // source lines before the snippet's first line
        if (type.find()) {
            className = type.group(2);
            source = snippet.text();
            shift = 0;
        } else {
            className = "Snippet";
            source = String.join("\n", imports) + "\nclass Snippet { void snippet() throws Exception {\n" + body
                    + "\n}}\n";
            shift = imports.size() + 1;
        }
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///" + className + ".java"),
                JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<String> options = List.of("-d", out.toString(), "-proc:none", "-classpath", classpath(),
                "--release", "17", "-Xlint:none");
        boolean ok = compiler.getTask(new StringWriter(), null, diagnostics, options, null, List.of(file)).call();
        StringBuilder errors = new StringBuilder();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                long pageLine = snippet.line() + d.getLineNumber() - 1 - shift;
                errors.append(snippet.file().getFileName()).append(':').append(pageLine).append(": ")
                        .append(d.getMessage(Locale.ROOT)).append('\n');
            }
        }
        return ok ? "" : errors.length() > 0 ? errors.toString() : "javac failed";
    }

    private static String classpath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }
}
