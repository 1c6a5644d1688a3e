package io.kdg4j.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.kdg4j.core.preset.Presets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The rate on the real clock: 1,000, 5,000 and 20,000 records/s for 10 s each (run side by side) land within 1%
 * of the target. The generated count at the end of the duration limit is compared with rate x 10 s.
 */
class RealClockRateTest {
    @Test
    void constantRates_over10Seconds_areWithinOnePercent() throws Exception {
        List<Integer> rates = List.of(1_000, 5_000, 20_000);
        List<CompletableFuture<RunSummary>> runs = rates.stream().map(rate -> Generator
                .from(Presets.get("sakila").schema()).seed(rate).rate(rate).limit(Duration.ofSeconds(10))
                .to(InMemorySink.create()).start().completion()).toList();
        for (int i = 0; i < rates.size(); i++) {
            RunSummary summary = runs.get(i).get();
            double target = rates.get(i) * 10.0;
            assertThat((double) summary.generated()).as("records at %d/s for 10 s", rates.get(i))
                    .isCloseTo(target, within(target * 0.01));
        }
    }
}
