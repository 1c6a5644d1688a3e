package io.kdg4j.core.internal;

/** start + step * index, cycling after wrapAfter values when wrapAfter > 0. */
final class SequenceNode extends Node {
    private final long start;
    private final long step;
    private final long wrapAfter;

    SequenceNode(long start, long step, long wrapAfter) {
        this.start = start;
        this.step = step;
        this.wrapAfter = wrapAfter;
    }

    @Override
    void generate(GenContext ctx, long seed) {
        long position = wrapAfter > 0 ? Math.floorMod(ctx.index, wrapAfter) : ctx.index;
        ctx.tape.longValue(start + step * position);
    }
}
