package io.kdg4j.core.internal;

/** Full-precision doubles uniform in [min, max). */
final class UniformDoubleNode extends Node {
    private final double min;
    private final double width;

    UniformDoubleNode(double min, double max) {
        this.min = min;
        this.width = max - min;
    }

    @Override
    void generate(GenContext ctx, long seed) {
        ctx.rng.reset(seed);
        ctx.tape.doubleValue(min + ctx.rng.nextDouble() * width);
    }
}
