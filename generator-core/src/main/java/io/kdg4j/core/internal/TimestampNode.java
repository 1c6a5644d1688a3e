package io.kdg4j.core.internal;

import io.kdg4j.core.record.PreparedText;

/**
 * An instant from the wall clock or from event time, written as epoch millis/seconds or as text. Text is
 * formatted once per clock tick (a millisecond, or a second when the pattern shows no fraction) and cached in
 * the context, so a run of 100,000 records per second formats a few thousand dates, not 100,000.
 */
final class TimestampNode extends Node {
    enum Output { TEXT, EPOCH_MILLIS, EPOCH_SECONDS }

    private final boolean eventTime;
    private final long minOffsetMillis;
    private final long maxOffsetMillis;
    private final long startNanos;
    private final long stepNanos;
    private final long jitterNanos;
    private final double lateFraction;
    private final long maxLatenessNanos;
    private final Output output;
    private final InstantFormatter formatter;
    private final long tickMillis;
    private final int stateSlot;

    /** Wall clock, shifted by a uniform offset in [minOffsetMillis, maxOffsetMillis]. */
    TimestampNode(long minOffsetMillis, long maxOffsetMillis, Output output, InstantFormatter formatter,
                  int stateSlot) {
        this(false, minOffsetMillis, maxOffsetMillis, 0, 0, 0, 0, 0, output, formatter, stateSlot);
    }

    /** Event time. */
    TimestampNode(long startNanos, long stepNanos, long jitterNanos, double lateFraction, long maxLatenessNanos,
                  Output output, InstantFormatter formatter, int stateSlot) {
        this(true, 0, 0, startNanos, stepNanos, jitterNanos, lateFraction, maxLatenessNanos, output, formatter,
                stateSlot);
    }

    private TimestampNode(boolean eventTime, long minOffsetMillis, long maxOffsetMillis, long startNanos,
                          long stepNanos, long jitterNanos, double lateFraction, long maxLatenessNanos, Output output,
                          InstantFormatter formatter, int stateSlot) {
        this.eventTime = eventTime;
        this.minOffsetMillis = minOffsetMillis;
        this.maxOffsetMillis = maxOffsetMillis;
        this.startNanos = startNanos;
        this.stepNanos = stepNanos;
        this.jitterNanos = jitterNanos;
        this.lateFraction = lateFraction;
        this.maxLatenessNanos = maxLatenessNanos;
        this.output = output;
        this.formatter = formatter;
        this.tickMillis = formatter.tickMillis();
        this.stateSlot = stateSlot;
    }

    @Override
    void generate(GenContext ctx, long seed) {
        long millis;
        if (eventTime) {
            millis = Math.floorDiv(eventNanos(ctx, seed), 1_000_000L);
        } else {
            millis = ctx.clock.millis();
            if (minOffsetMillis != 0 || maxOffsetMillis != 0) {
                ctx.rng.reset(seed);
                millis += ctx.rng.nextLongInclusive(minOffsetMillis, maxOffsetMillis);
            }
        }
        switch (output) {
            case EPOCH_MILLIS -> ctx.tape.longValue(millis);
            case EPOCH_SECONDS -> ctx.tape.longValue(Math.floorDiv(millis, 1000L));
            default -> ctx.tape.text(text(ctx, millis));
        }
    }

    private long eventNanos(GenContext ctx, long seed) {
        long nanos = startNanos + stepNanos * ctx.index;
        if (jitterNanos > 0 || lateFraction > 0) {
            Rng rng = ctx.rng;
            rng.reset(seed);
            if (jitterNanos > 0) {
                nanos += rng.nextLongInclusive(-jitterNanos, jitterNanos);
            }
            if (lateFraction > 0 && rng.nextDouble() < lateFraction) {
                nanos -= 1 + rng.nextLong(maxLatenessNanos);
            }
        }
        return nanos;
    }

    private PreparedText text(GenContext ctx, long millis) {
        long tick = Math.floorDiv(millis, tickMillis);
        Cache cache = (Cache) ctx.state[stateSlot];
        if (cache == null) {
            cache = new Cache();
            ctx.state[stateSlot] = cache;
        } else if (cache.tick == tick) {
            return cache.text;
        }
        cache.tick = tick;
        cache.text = PreparedText.of(formatter.format(millis));
        return cache.text;
    }

    private static final class Cache {
        long tick;
        PreparedText text;
    }
}
