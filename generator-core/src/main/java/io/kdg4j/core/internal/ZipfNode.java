package io.kdg4j.core.internal;

/** A Zipf rank, or the value at that rank (rank 1 is values[0], the hottest). */
final class ZipfNode extends Node {
    private final ZipfSampler sampler;
    private final Node[] values;

    ZipfNode(ZipfSampler sampler, Node[] values) {
        this.sampler = sampler;
        this.values = values;
    }

    @Override
    void generate(GenContext ctx, long seed) {
        ctx.rng.reset(seed);
        long rank = sampler.sample(ctx.rng);
        if (values == null) {
            ctx.tape.longValue(rank);
        } else {
            int chosen = (int) rank - 1;
            values[chosen].generate(ctx, Rng.child(seed, chosen));
        }
    }
}
