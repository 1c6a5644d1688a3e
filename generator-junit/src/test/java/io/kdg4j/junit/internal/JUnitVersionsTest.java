package io.kdg4j.junit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JUnitVersionsTest {
    private static Map<String, String> versions(String api, String engine, String platform) {
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put("junit-jupiter-api", api);
        versions.put("junit-jupiter-engine", engine);
        versions.put("junit-platform-engine", platform);
        return versions;
    }

    @Test
    void thisBuildsJUnit_isFound_andAccepted() {
        Map<String, String> found = JUnitVersions.found();
        assertThat(found).containsKeys("junit-jupiter-api", "junit-jupiter-engine", "junit-platform-engine");
        assertThat(found.get("junit-jupiter-api")).isEqualTo(found.get("junit-jupiter-engine")).startsWith("5.");
        assertThat(JUnitVersions.problem(found)).isEmpty();
    }

    @Test
    void mixedVersions_nameEveryVersion_andTheBom() {
        assertThat(JUnitVersions.problem(versions("5.14.4", "5.10.2", "1.10.2"))).hasValue(
                "JUnit jars of different versions are on the test classpath (junit-jupiter-api 5.14.4, "
                        + "junit-jupiter-engine 5.10.2, junit-platform-engine 1.10.2); import io.kdg4j:kdg4j-bom, or "
                        + "org.junit:junit-bom of one version, in your pom's <dependencyManagement> so that they agree");
    }

    @Test
    void aJUnitOlderThan510_isNamed() {
        assertThat(JUnitVersions.problem(versions("5.9.3", "5.9.3", "1.9.3"))).hasValueSatisfying(problem ->
                assertThat(problem).startsWith("kdg4j needs JUnit 5.10 or later, but the test classpath has "
                        + "junit-jupiter-api 5.9.3"));
        assertThat(JUnitVersions.problem(versions("5.10.0", "5.10.0", "1.10.0"))).isEmpty();
        assertThat(JUnitVersions.problem(versions("5.11.4", "5.11.4", "1.11.4"))).isEmpty();
        assertThat(JUnitVersions.problem(versions("6.0.1", "6.0.1", "6.0.1"))).isEmpty();
        assertThat(JUnitVersions.older("5.10-SNAPSHOT", "5.10")).isFalse();
    }
}
