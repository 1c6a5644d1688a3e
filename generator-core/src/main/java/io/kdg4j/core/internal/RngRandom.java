package io.kdg4j.core.internal;

import java.util.Random;

/**
 * A {@link Random} view of an {@link Rng}, handed to Datafaker so that faker fields draw from the field's own
 * seeded stream. Datafaker only accepts a {@code java.util.Random}; this adapter lets the generator re-seed it
 * per field without allocating.
 */
public final class RngRandom extends Random {
    private static final long serialVersionUID = 1L;

    private final transient Rng rng;

    public RngRandom(Rng rng) {
        super(0L);
        this.rng = rng;
    }

    @Override
    public synchronized void setSeed(long seed) {
        // Called by Random's constructor before rng is set, and by callers who expect reseeding: the stream is
        // owned by the generator, which re-seeds it per field.
        if (rng != null) {
            rng.reset(seed);
        }
    }

    @Override
    protected int next(int bits) {
        return (int) (rng.nextLong() >>> (64 - bits));
    }

    @Override
    public long nextLong() {
        return rng.nextLong();
    }

    @Override
    public double nextDouble() {
        return rng.nextDouble();
    }

    @Override
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive but was " + bound);
        }
        return rng.nextInt(bound);
    }

    @Override
    public synchronized double nextGaussian() {
        return rng.nextGaussian();
    }
}
