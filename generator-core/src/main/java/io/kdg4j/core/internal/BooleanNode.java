package io.kdg4j.core.internal;

final class BooleanNode extends Node {
    private final double probability;

    BooleanNode(double probability) {
        this.probability = probability;
    }

    @Override
    void generate(GenContext ctx, long seed) {
        ctx.rng.reset(seed);
        ctx.tape.booleanValue(ctx.rng.nextDouble() < probability);
    }
}
