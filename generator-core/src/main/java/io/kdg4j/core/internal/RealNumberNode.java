package io.kdg4j.core.internal;

import io.kdg4j.core.record.RecordTape;

/**
 * Shared output of continuous distributions: clamp to [min, max], then either a full double or a decimal
 * rounded to a precision, kept inside the bounds after rounding.
 */
abstract class RealNumberNode extends Node {
    private final double min;
    private final double max;
    private final int precision;
    private final double factor;
    private final long lowestUnscaled;
    private final long highestUnscaled;

    RealNumberNode(double min, double max, int precision, long lowestUnscaled, long highestUnscaled) {
        this.min = min;
        this.max = max;
        this.precision = precision;
        this.factor = precision < 0 ? 1 : Math.pow(10, precision);
        this.lowestUnscaled = lowestUnscaled;
        this.highestUnscaled = highestUnscaled;
    }

    abstract double sample(Rng rng);

    @Override
    final void generate(GenContext ctx, long seed) {
        ctx.rng.reset(seed);
        double value = Math.min(max, Math.max(min, sample(ctx.rng)));
        RecordTape tape = ctx.tape;
        if (precision < 0) {
            tape.doubleValue(value);
            return;
        }
        long unscaled = Math.round(value * factor);
        unscaled = Math.min(highestUnscaled, Math.max(lowestUnscaled, unscaled));
        if (precision == 0) {
            tape.longValue(unscaled);
        } else {
            tape.decimal(unscaled, precision);
        }
    }
}
