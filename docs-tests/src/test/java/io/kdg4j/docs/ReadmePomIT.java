package io.kdg4j.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A new user's project, made from the README alone: its minimal pom and its test, built by Maven against the
 * modules this build packaged. Also the same project as users on older JUnit lines write it (their own JUnit
 * version, no BOM), which must work too.
 */
class ReadmePomIT {
    private static final List<String> MODULES = List.of("generator-core", "generator-local", "generator-aws",
            "generator-junit");

    @TempDir
    Path project;

    /** Puts this build's kdg4j artifacts where Maven finds them, as {@code mvn install} would. */
    @BeforeAll
    static void installThisBuild() throws IOException {
        String version = System.getProperty("kdg4j.version");
        Path root = Snippets.root();
        install(root.resolve("pom.xml"), "kdg4j-parent", version, "pom");
        install(root.resolve("kdg4j-bom/pom.xml"), "kdg4j-bom", version, "pom");
        for (String module : MODULES) {
            Path jar = root.resolve(module).resolve("target").resolve(module + "-" + version + ".jar");
            assertThat(jar).as("package the modules first (mvn verify does)").exists();
            install(root.resolve(module).resolve("pom.xml"), module, version, "pom");
            install(jar, module, version, "jar");
        }
    }

    private static void install(Path file, String artifact, String version, String extension) throws IOException {
        Path folder = Path.of(System.getProperty("maven.repo.local")).resolve("io/kdg4j").resolve(artifact)
                .resolve(version);
        Files.createDirectories(folder);
        Files.copy(file, folder.resolve(artifact + "-" + version + "." + extension),
                StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void theReadmesPom_runsTheReadmesTest_green() throws Exception {
        writeProject(readmePom());
        assertGreen(mvn("test"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"5.10.2", "5.11.4"})
    void aPomOnAnOlderJUnit_withoutTheBom_runsTheReadmesTest_green(String junit) throws Exception {
        String pom = readmePom().replaceAll("(?s)\\s*<dependencyManagement>.*</dependencyManagement>", "");
        pom = withVersion(pom, "generator-junit", System.getProperty("kdg4j.version"));
        pom = withVersion(pom, "junit-jupiter", junit);
        writeProject(pom);
        String output = mvn("test");
        assertGreen(output);
        assertThat(Files.readString(project.resolve("classpath.txt"))).contains("junit-jupiter-api-" + junit + ".jar")
                .doesNotContain("junit-jupiter-api-5.14");
    }

    private static String readmePom() throws IOException {
        return Snippets.named(Snippets.root().resolve("README.md"), "minimal-pom").text();
    }

    private static String withVersion(String pom, String artifact, String version) {
        Matcher m = Pattern.compile("<artifactId>" + Pattern.quote(artifact) + "</artifactId>").matcher(pom);
        assertThat(m.find()).as("the README's pom has %s", artifact).isTrue();
        return pom.substring(0, m.end()) + "<version>" + version + "</version>" + pom.substring(m.end());
    }

    private void writeProject(String pom) throws IOException {
        Files.writeString(project.resolve("pom.xml"), pom, StandardCharsets.UTF_8);
        Snippets.Snippet test = Snippets.named(Snippets.root().resolve("README.md"), "readme-test");
        String name = test.text().replaceAll("(?s).*?class (\\w+).*", "$1");
        Path sources = Files.createDirectories(project.resolve("src/test/java"));
        Files.writeString(sources.resolve(name + ".java"), test.text(), StandardCharsets.UTF_8);
    }

    private String mvn(String goal) throws IOException, InterruptedException {
        Path maven = Path.of(System.getProperty("maven.home"), "bin", "mvn");
        Path log = project.resolve("build.log");
        ProcessBuilder builder = new ProcessBuilder(maven.toString(), "-B", "-e",
                "-Dmaven.repo.local=" + System.getProperty("maven.repo.local"),
                "org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath", "-Dmdep.outputFile=classpath.txt", "-Dmdep.includeScope=test", goal)
                .directory(project.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        if (!process.waitFor(8, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the README project's build did not end in 8 minutes:\n" + Files.readString(log));
        }
        String output = Files.readString(log);
        assertThat(process.exitValue()).as("the README project's build failed:%n%s", output).isZero();
        return output;
    }

    private void assertGreen(String output) throws IOException {
        Path reports = project.resolve("target/surefire-reports");
        assertThat(reports).as(output).isDirectory();
        try (Stream<Path> files = Files.list(reports)) {
            String summary = files.filter(p -> p.toString().endsWith(".txt")).map(p -> {
                try {
                    return Files.readString(p);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).reduce("", String::concat);
            assertThat(summary).as(output).containsPattern("Tests run: [1-9]\\d*, Failures: 0, Errors: 0, Skipped: 0");
        }
    }
}
