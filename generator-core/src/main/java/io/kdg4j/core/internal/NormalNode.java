package io.kdg4j.core.internal;

final class NormalNode extends RealNumberNode {
    private final double mean;
    private final double standardDeviation;

    NormalNode(double mean, double standardDeviation, double min, double max, int precision, long lowestUnscaled,
               long highestUnscaled) {
        super(min, max, precision, lowestUnscaled, highestUnscaled);
        this.mean = mean;
        this.standardDeviation = standardDeviation;
    }

    @Override
    double sample(Rng rng) {
        return mean + standardDeviation * rng.nextGaussian();
    }
}
