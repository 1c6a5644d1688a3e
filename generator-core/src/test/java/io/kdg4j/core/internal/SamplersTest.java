package io.kdg4j.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Distribution checks with fixed seeds; tolerances are about 4 standard errors of each estimate. */
class SamplersTest {
    private static final int DRAWS = 400_000;

    @Test
    void aliasTable_frequenciesMatchWeights_withinHalfAPercentagePoint() {
        double[] weights = {0.3, 0.1, 0.6, 0.0, 0.0001};
        AliasTable table = new AliasTable(weights);
        Rng rng = new Rng();
        rng.reset(42);
        int[] counts = new int[weights.length];
        for (int i = 0; i < DRAWS; i++) {
            counts[table.sample(rng)]++;
        }
        double total = 0.3 + 0.1 + 0.6 + 0.0001;
        for (int i = 0; i < weights.length; i++) {
            // standard error of a proportion p over 400k draws is at most 0.0008
            assertThat(counts[i] / (double) DRAWS).as("option %d", i).isCloseTo(weights[i] / total, within(0.004));
        }
        assertThat(counts[3]).as("a zero weight is never drawn").isZero();
    }

    @Test
    void aliasTable_weightsNeedNotSumToOne_andKeepTinyWeights() {
        AliasTable table = new AliasTable(new double[] {3, 1});
        Rng rng = new Rng();
        rng.reset(7);
        int first = 0;
        for (int i = 0; i < DRAWS; i++) {
            first += table.sample(rng) == 0 ? 1 : 0;
        }
        assertThat(first / (double) DRAWS).isCloseTo(0.75, within(0.003));
    }

    @Test
    void zipf_frequenciesMatchTheExactMass_forSeveralExponents() {
        for (double exponent : new double[] {0.8, 1.0, 1.5}) {
            int n = 50;
            ZipfSampler sampler = new ZipfSampler(n, exponent);
            Rng rng = new Rng();
            rng.reset(11);
            int[] counts = new int[n + 1];
            for (int i = 0; i < DRAWS; i++) {
                long k = sampler.sample(rng);
                assertThat(k).isBetween(1L, (long) n);
                counts[(int) k]++;
            }
            double norm = 0;
            for (int k = 1; k <= n; k++) {
                norm += Math.pow(k, -exponent);
            }
            for (int k = 1; k <= 10; k++) {
                double expected = Math.pow(k, -exponent) / norm;
                assertThat(counts[k] / (double) DRAWS).as("rank %d at s=%s", k, exponent)
                        .isCloseTo(expected, within(0.004));
            }
        }
    }

    @Test
    void zipf_handlesHugeRanges_withoutATable() {
        ZipfSampler sampler = new ZipfSampler(10_000_000_000L, 1.2);
        Rng rng = new Rng();
        rng.reset(3);
        long ones = 0;
        for (int i = 0; i < 100_000; i++) {
            long k = sampler.sample(rng);
            assertThat(k).isBetween(1L, 10_000_000_000L);
            ones += k == 1 ? 1 : 0;
        }
        // P(1) = 1 / zeta(1.2) ~ 0.1782 (the tail beyond 1e10 is negligible at 3 decimals)
        assertThat(ones / 100_000.0).isCloseTo(0.1782, within(0.006));
    }

    @Test
    void gaussian_hasUnitVariance() {
        Rng rng = new Rng();
        rng.reset(5);
        double sum = 0;
        double squares = 0;
        for (int i = 0; i < DRAWS; i++) {
            double g = rng.nextGaussian();
            sum += g;
            squares += g * g;
        }
        double mean = sum / DRAWS;
        assertThat(mean).isCloseTo(0, within(0.01));
        assertThat(squares / DRAWS - mean * mean).isCloseTo(1, within(0.01));
    }

    @Test
    void boundedDraws_coverTheRangeWithoutBias() {
        Rng rng = new Rng();
        rng.reset(9);
        int[] counts = new int[7];
        for (int i = 0; i < 70_000; i++) {
            counts[rng.nextInt(7)]++;
        }
        for (int count : counts) {
            assertThat(count).isBetween(9_600, 10_400);
        }
        for (int i = 0; i < 10_000; i++) {
            assertThat(rng.nextLongInclusive(Long.MIN_VALUE, Long.MAX_VALUE)).isNotNull();
            assertThat(rng.nextLong(3_000_000_000L)).isBetween(0L, 2_999_999_999L);
            assertThat(rng.nextLongInclusive(-5, 5)).isBetween(-5L, 5L);
        }
    }

    @Test
    void childSeeds_differForDifferentSalts_andRepeatForTheSame() {
        assertThat(Rng.child(1, 2)).isEqualTo(Rng.child(1, 2));
        assertThat(Rng.child(1, 2)).isNotEqualTo(Rng.child(1, 3));
        assertThat(Rng.child(1, 2)).isNotEqualTo(Rng.child(2, 2));
        assertThat(Rng.hash("film_id")).isNotEqualTo(Rng.hash("film_ie"));
    }
}
