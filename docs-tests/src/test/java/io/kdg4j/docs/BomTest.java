package io.kdg4j.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The BOM has no parent, so it repeats a few versions of the parent pom: they must agree. */
class BomTest {
    private static String property(Path pom, String name) throws Exception {
        Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(Files.readString(pom));
        assertThat(m.find()).as("%s in %s", name, pom).isTrue();
        return m.group(1);
    }

    @Test
    void theBom_managesTheVersionsTheBuildUses() throws Exception {
        Path parent = Snippets.root().resolve("pom.xml");
        Path bom = Snippets.root().resolve("kdg4j-bom/pom.xml");
        for (String name : new String[] {"aws-sdk.version", "junit.version"}) {
            assertThat(property(bom, name)).as(name).isEqualTo(property(parent, name));
        }
        String version = property(parent, "version");
        assertThat(property(bom, "kdg4j.version")).isEqualTo(version);
        assertThat(Files.readString(bom)).contains("<artifactId>kdg4j-bom</artifactId>\n  <version>" + version);
        for (String module : new String[] {"generator-core", "generator-aws", "generator-local", "generator-junit",
            "generator-flink", "generator-formats"}) {
            assertThat(Files.readString(bom)).contains("<artifactId>" + module + "</artifactId>");
        }
    }
}
