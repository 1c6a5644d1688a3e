package io.kdg4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.kdg4j.core.run.RunStats;
import io.kdg4j.core.run.SimulatedTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SendProgressTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void theRate_isOverTheLastFewSeconds_notSinceTheStart() {
        RateWindow window = new RateWindow(5 * SECOND);
        // 10 s at 1,200 acked/s, then 10 s at 800/s with 5 failed/s
        long acked = 0;
        long failed = 0;
        for (int tick = 0; tick <= 80; tick++) {
            window.add(tick * SECOND / 4, acked, failed);
            acked += tick < 40 ? 300 : 200;
            failed += tick < 40 ? 0 : 1;
        }
        assertThat(window.ackedPerSecond()).isEqualTo(800.0);
        assertThat(window.failedPerSecond()).isEqualTo(4.0);
    }

    @Test
    void theLine_showsAckedAndFailedApart_andThePercentOfTheDuration() {
        RateWindow window = new RateWindow(5 * SECOND);
        window.add(0, 0, 0);
        window.add(2 * SECOND, 1_600, 20);
        RunStats stats = new RunStats(1_650, 1_600, 20, 3, 1, 0, Duration.ofSeconds(4));
        assertThat(SendProgress.line("send", stats, window, SendProgress.Goal.duration(Duration.ofSeconds(10)), null))
                .isEqualTo("kdg send: 4 s, 40% of 10 s, acked 1,600 (800/s), failed 20 (10/s), retried 3, "
                        + "in flight 30");
        assertThat(SendProgress.line("send", stats, window, SendProgress.Goal.records(3_240), null))
                .startsWith("kdg send: 4 s, 50% of 3,240 records, acked 1,600");
        assertThat(SendProgress.line("send", stats, window, SendProgress.Goal.none(), null))
                .startsWith("kdg send: 4 s, acked 1,600 (800/s)");
        SimulatedTime week = SimulatedTime.between(Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-01-08T00:00:00Z"));
        assertThat(SendProgress.line("send", stats, window, SendProgress.Goal.simulated(week),
                Instant.parse("2026-01-02T18:00:00.250Z")))
                .startsWith("kdg send: 4 s, 25% of simulated 2026-01-01T00:00:00Z..2026-01-08T00:00:00Z "
                        + "(at 2026-01-02T18:00:00Z), acked 1,600");
    }

    @Test
    void durations_readAsPeopleWriteThem() {
        assertThat(Durations.describe(Duration.ofSeconds(10))).isEqualTo("10 s");
        assertThat(Durations.describe(Duration.ofMillis(1500))).isEqualTo("1.5 s");
        assertThat(Durations.describe(Duration.ofMinutes(5))).isEqualTo("5 min");
        assertThat(Durations.describe(Duration.ofHours(2))).isEqualTo("2 h");
        assertThat(Durations.describe(Duration.ofSeconds(90))).isEqualTo("90 s");
    }
}
