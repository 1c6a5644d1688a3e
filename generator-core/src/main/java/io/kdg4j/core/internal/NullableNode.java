package io.kdg4j.core.internal;

final class NullableNode extends Node {
    private static final long VALUE_SALT = 0x6e756c6cL;

    private final Node value;
    private final double nullRate;

    NullableNode(Node value, double nullRate) {
        this.value = value;
        this.nullRate = nullRate;
    }

    @Override
    void generate(GenContext ctx, long seed) {
        ctx.rng.reset(seed);
        if (ctx.rng.nextDouble() < nullRate) {
            ctx.tape.nullValue();
        } else {
            value.generate(ctx, Rng.child(seed, VALUE_SALT));
        }
    }
}
