package io.kdg4j.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/scenarios.md shows the shop scenario as the examples module runs it, not a copy that drifted. */
class ScenarioPageTest {
    @Test
    void thePageShowsTheShopFile_asItIs() throws Exception {
        Path root = Snippets.root();
        assertThat(Snippets.named(root.resolve("docs/scenarios.md"), "shop-yaml").text())
                .isEqualTo(Files.readString(root.resolve("examples/scenarios/shop.yaml")));
    }
}
