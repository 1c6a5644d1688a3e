package io.kdg4j.core.internal;

/**
 * Uniform whole numbers over {lo, lo + step, ..., <= hi}, written as decimals with a scale: integer ranges
 * (scale 0), doubles with a precision and exact decimals all become this, so none of them formats a double.
 */
final class ScaledNumberNode extends Node {
    private final long lo;
    private final long step;
    private final long count;
    private final long hi;
    private final int scale;

    ScaledNumberNode(long lo, long hi, long step, int scale) {
        this.lo = lo;
        this.hi = hi;
        this.step = step;
        long span = hi - lo;
        // count <= 0 marks a span wider than a long, drawn by rejection instead.
        this.count = span < 0 ? -1 : span / step + 1;
        this.scale = scale;
    }

    @Override
    void generate(GenContext ctx, long seed) {
        Rng rng = ctx.rng;
        rng.reset(seed);
        long value = count > 0 ? lo + step * rng.nextLong(count) : rng.nextLongInclusive(lo, hi);
        if (scale == 0) {
            ctx.tape.longValue(value);
        } else {
            ctx.tape.decimal(value, scale);
        }
    }
}
