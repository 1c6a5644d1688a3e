package io.kdg4j.core.internal;

final class ExponentialNode extends RealNumberNode {
    private final double mean;

    ExponentialNode(double mean, double max, int precision, long highestUnscaled) {
        super(0, max, precision, 0, highestUnscaled);
        this.mean = mean;
    }

    @Override
    double sample(Rng rng) {
        return -mean * Math.log(rng.nextDoubleOpenAtZero());
    }
}
