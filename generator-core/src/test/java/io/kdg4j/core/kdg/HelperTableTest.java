package io.kdg4j.core.kdg;

import io.kdg4j.core.kdg.helpers.HelperTable;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/templates.md's helper table is the code's table, printed: this keeps the two the same. */
class HelperTableTest {

    @Test
    void docs_showTheHelperTableOfTheCode() throws Exception {
        Path page = Path.of("..", "docs", "templates.md");
        assertThat(page).exists();
        String text = Files.readString(page, StandardCharsets.UTF_8);
        assertThat(text).as("docs/templates.md must contain KdgTemplate.helperTable() verbatim; reprint it")
                .contains(KdgTemplate.helperTable().strip());
    }

    @Test
    void table_coversEveryFakerJsNamespace() {
        for (String namespace : new String[] {"address", "commerce", "company", "date", "finance", "hacker",
            "helpers", "image", "internet", "lorem", "name", "phone", "random", "system"}) {
            assertThat(HelperTable.helpers().keySet()).as(namespace).anyMatch(name -> name.startsWith(namespace + "."));
        }
        assertThat(HelperTable.helpers()).containsKeys("date.now", "date.utc", "date.simTime", "random.weightedArrayElement",
                "internet.session", "address.nearbyGPSCoordinate");
    }
}
