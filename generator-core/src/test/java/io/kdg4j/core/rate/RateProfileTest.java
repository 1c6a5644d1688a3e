package io.kdg4j.core.rate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RateProfileTest {
    /** The closed-form integral must match a numeric one of rateAt. */
    private static void assertIntegralMatches(RateProfile profile, double seconds) {
        int steps = 200_000;
        double dt = seconds / steps;
        double sum = 0;
        for (int i = 0; i < steps; i++) {
            sum += profile.rateAt((i + 0.5) * dt) * dt;
        }
        assertThat(profile.recordsBy(seconds)).isCloseTo(sum, within(Math.max(1e-6, sum * 1e-3)));
    }

    @Test
    void everyProfile_integratesItsRate() {
        assertIntegralMatches(RateProfile.constant(250), 7.5);
        assertIntegralMatches(RateProfile.ramp(100, 900, Duration.ofSeconds(4)), 9);
        assertIntegralMatches(RateProfile.parse("steps:100/2s,0/1s,700"), 6);
        assertIntegralMatches(RateProfile.sine(500, 300, Duration.ofSeconds(3)), 10);
        assertIntegralMatches(RateProfile.bursts(10, 1000, Duration.ofSeconds(5), Duration.ofSeconds(1)), 17);
        assertIntegralMatches(RateProfile.constant(80).scaled(0.25), 3);
    }

    @Test
    void parse_readsEveryForm() {
        assertThat(RateProfile.parse("1000").rateAt(5)).isEqualTo(1000);
        assertThat(RateProfile.parse("constant:20_000").rateAt(0)).isEqualTo(20_000);
        RateProfile ramp = RateProfile.parse("ramp:100..5000/60s");
        assertThat(ramp.rateAt(30)).isCloseTo(2550, within(1e-9));
        assertThat(ramp.rateAt(600)).isEqualTo(5000);
        RateProfile steps = RateProfile.parse("steps:1000/30s,5000/30s,2000");
        assertThat(steps.rateAt(10)).isEqualTo(1000);
        assertThat(steps.rateAt(45)).isEqualTo(5000);
        assertThat(steps.rateAt(4000)).isEqualTo(2000);
        RateProfile sine = RateProfile.parse("sine:mean=1000,amplitude=500,period=4s");
        assertThat(sine.rateAt(1)).isCloseTo(1500, within(1e-6));
        assertThat(sine.rateAt(3)).isCloseTo(500, within(1e-6));
        RateProfile bursts = RateProfile.parse("bursts:base=100,peak=5000,every=60s,for=5s");
        assertThat(bursts.rateAt(10)).isEqualTo(100);
        assertThat(bursts.rateAt(57)).isEqualTo(5000);
        RateProfile diurnal = RateProfile.parse("diurnal:min=100,max=2000");
        assertThat(diurnal.rateAt(0)).isBetween(100.0, 2000.0);
    }

    @Test
    void diurnal_peaksAt14AndBottomsAt02Utc() {
        java.time.Clock midnight = java.time.Clock.fixed(java.time.Instant.parse("2026-11-22T00:00:00Z"),
                java.time.ZoneOffset.UTC);
        RateProfile day = RateProfile.diurnal(100, 2000, midnight);
        assertThat(day.rateAt(14 * 3600)).isCloseTo(2000, within(1e-6));
        assertThat(day.rateAt(2 * 3600)).isCloseTo(100, within(1e-6));
    }

    @Test
    void compressed_playsADaysDiurnalShapeInAMinute_withTheSameRatesAndAConsistentIntegral() {
        java.time.Clock midnight = java.time.Clock.fixed(java.time.Instant.parse("2026-11-22T00:00:00Z"),
                java.time.ZoneOffset.UTC);
        RateProfile day = RateProfile.diurnal(100, 2000, midnight);
        RateProfile minute = day.compressed(java.time.Duration.ofDays(1), java.time.Duration.ofMinutes(1));
        // 1,440 times faster: 02:00 is second 5, 14:00 second 35
        assertThat(minute.rateAt(5)).isCloseTo(100, within(1e-6));
        assertThat(minute.rateAt(35)).isCloseTo(2000, within(1e-6));
        // a whole sine period: the mean rate times the minute
        assertThat(minute.recordsBy(60)).isCloseTo(1050 * 60, within(1e-6));
        double sum = 0;
        for (int ms = 0; ms < 20_000; ms++) {
            sum += minute.rateAt((ms + 0.5) / 1000) / 1000;
        }
        assertThat(minute.recordsBy(20)).isCloseTo(sum, within(0.01));
        assertThat(RateProfile.constant(5).compressed(java.time.Duration.ofDays(1), java.time.Duration.ofSeconds(1)))
                .isEqualTo(RateProfile.constant(5));
    }

    @Test
    void diurnalSpec_takesAnOptionalDayLength() {
        RateProfile fast = RateProfile.parse("diurnal:min=100,max=2000,day=1m");
        double[] rates = new double[60];
        for (int s = 0; s < 60; s++) {
            rates[s] = fast.rateAt(s);
        }
        assertThat(java.util.Arrays.stream(rates).max().getAsDouble()).isCloseTo(2000, within(5.0));
        assertThat(java.util.Arrays.stream(rates).min().getAsDouble()).isCloseTo(100, within(5.0));
        assertThatThrownBy(() -> RateProfile.parse("diurnal:min=100,max=2000,week=1m"))
                .hasMessageContaining("'week=1m' is not one of").hasMessageContaining("optional [day]");
    }

    private static final java.time.Clock SUNDAY_10AM = java.time.Clock.fixed(
            java.time.Instant.parse("2026-11-22T10:00:00Z"), java.time.ZoneOffset.UTC);

    @Test
    void periodic_followsTheHourOfTheWeek_smoothedTowardsTheNextHour() {
        double[][] means = new double[7][24];
        double[][] spreads = new double[7][24];
        means[0][10] = 1000;   // 2026-11-22 is a Sunday
        RateProfile periodic = RateProfile.periodic(means, spreads, 1, SUNDAY_10AM);
        assertThat(periodic.rateAt(0)).isEqualTo(1000);
        assertThat(periodic.rateAt(1800)).isCloseTo(500, within(0.5));
        assertThat(periodic.rateAt(3600)).isZero();
        // an hour sliding from 1,000 to 0: 1,800,000 records
        assertThat(periodic.recordsBy(3600)).isCloseTo(1_800_000, within(1_000.0));
        assertIntegralMatches(periodic, 40.5);
    }

    @Test
    void periodic_drawsEachSecondFromNormalMeanSpread_reproduciblyBySeed() {
        RateProfile periodic = RateProfile.periodic(100, 10, 42, SUNDAY_10AM);
        // the mean over an hour is within 1 of 100 (the standard error is 10 / 60)
        assertThat(periodic.recordsBy(3600) / 3600).isCloseTo(100, within(1.0));
        double sumSquares = 0;
        for (int s = 0; s < 3600; s++) {
            sumSquares += Math.pow(periodic.rateAt(s) - 100, 2);
        }
        // the spread over an hour is within 10% of 10
        assertThat(Math.sqrt(sumSquares / 3600)).isCloseTo(10, within(1.0));
        assertThat(RateProfile.periodic(100, 10, 42, SUNDAY_10AM).recordsBy(500)).isEqualTo(periodic.recordsBy(500));
        assertThat(RateProfile.periodic(100, 10, 43, SUNDAY_10AM).recordsBy(500)).isNotEqualTo(periodic.recordsBy(500));
    }

    @Test
    void periodic_readsA7By24GridFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path grid = dir.resolve("grid.csv");
        String line = String.join(",", java.util.Collections.nCopies(24, "50:0"));
        java.nio.file.Files.writeString(grid, String.join("\n", java.util.Collections.nCopies(7, line)));
        assertThat(RateProfile.parse("periodic:file=" + grid).rateAt(100)).isEqualTo(50);
        java.nio.file.Files.writeString(grid, line);
        assertThatThrownBy(() -> RateProfile.parse("periodic:file=" + grid))
                .hasMessageContaining("needs 7 lines (Sunday first) but had 1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"fast", "ramp:100/60s", "steps:100,200/5s", "sine:mean=10,amplitude=20,period=5s",
            "bursts:base=1,peak=2,every=5s,for=10s", "sine:mean=10", "wobble:5", "-5", "ramp:1..2/0s", "periodic:mean=5", "periodic:mean=-1,spread=2"})
    void parse_rejectsBadSpecs_namingTheSpec(String spec) {
        assertThatThrownBy(() -> RateProfile.parse(spec)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rate profile '" + spec + "'");
    }

    @Test
    void durations_readHumanAndIsoForms() {
        assertThat(RateSpecs.duration("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(RateSpecs.duration("10s")).isEqualTo(Duration.ofSeconds(10));
        assertThat(RateSpecs.duration("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(RateSpecs.duration("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(RateSpecs.duration("PT10S")).isEqualTo(Duration.ofSeconds(10));
        assertThatThrownBy(() -> RateSpecs.duration("ten")).hasMessageContaining("'ten'");
        assertThatThrownBy(() -> RateSpecs.duration("0s")).hasMessageContaining("positive");
    }
}
