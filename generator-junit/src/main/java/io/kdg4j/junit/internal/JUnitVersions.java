package io.kdg4j.junit.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The JUnit versions on the test classpath, checked when kdg4j's extension starts: JUnit 5.10 or later, and one
 * version of the Jupiter API and engine. Mixed versions otherwise fail far from their cause (a
 * {@code NoClassDefFoundError} for a class of the newer platform), so kdg4j names what it found and the BOM that
 * aligns them.
 */
public final class JUnitVersions {
    /** The oldest JUnit Jupiter line kdg4j's extension is built for and tested with. */
    public static final String OLDEST = "5.10";

    private JUnitVersions() {
    }

    /** What the classpath holds: artifact name to version, for the jars that say their version. */
    public static Map<String, String> found() {
        Map<String, String> versions = new LinkedHashMap<>();
        version("org.junit.jupiter.api.Test").ifPresent(v -> versions.put("junit-jupiter-api", v));
        version("org.junit.jupiter.engine.JupiterTestEngine").ifPresent(v -> versions.put("junit-jupiter-engine", v));
        version("org.junit.platform.engine.TestEngine").ifPresent(v -> versions.put("junit-platform-engine", v));
        return versions;
    }

    /** Why these versions cannot work with kdg4j, or empty when they can. */
    public static Optional<String> problem(Map<String, String> versions) {
        String api = versions.get("junit-jupiter-api");
        String engine = versions.get("junit-jupiter-engine");
        if (api != null && engine != null && !api.equals(engine)) {
            return Optional.of("JUnit jars of different versions are on the test classpath (" + describe(versions)
                    + "); import io.kdg4j:kdg4j-bom, or org.junit:junit-bom of one version, in your pom's "
                    + "<dependencyManagement> so that they agree");
        }
        String oldest = api != null ? api : engine;
        if (oldest != null && older(oldest, OLDEST)) {
            return Optional.of("kdg4j needs JUnit " + OLDEST + " or later, but the test classpath has "
                    + describe(versions) + "; import io.kdg4j:kdg4j-bom in your pom's <dependencyManagement>, or "
                    + "org.junit:junit-bom " + OLDEST + ".0 or later");
        }
        return Optional.empty();
    }

    private static String describe(Map<String, String> versions) {
        StringBuilder text = new StringBuilder();
        versions.forEach((name, version) -> text.append(text.length() > 0 ? ", " : "").append(name).append(' ')
                .append(version));
        return text.toString();
    }

    /** True when {@code version} is below {@code major.minor} (snapshot and milestone suffixes ignored). */
    static boolean older(String version, String majorMinor) {
        int[] have = numbers(version);
        int[] want = numbers(majorMinor);
        return have[0] != want[0] ? have[0] < want[0] : have[1] < want[1];
    }

    private static int[] numbers(String version) {
        String[] parts = version.split("[.-]");
        int[] numbers = new int[2];
        for (int i = 0; i < 2 && i < parts.length; i++) {
            try {
                numbers[i] = Integer.parseInt(parts[i]);
            } catch (NumberFormatException e) {
                numbers[i] = 0;
            }
        }
        return numbers;
    }

    private static Optional<String> version(String className) {
        try {
            Package pkg = Class.forName(className, false, JUnitVersions.class.getClassLoader()).getPackage();
            return Optional.ofNullable(pkg != null ? pkg.getImplementationVersion() : null);
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
    }
}
