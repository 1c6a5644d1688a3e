package io.kdg4j.core.internal;

/**
 * A resettable SplitMix64 stream.
 *
 * <p>Determinism rests on this class: every field of every record draws from its own stream, seeded from
 * (run seed, record index, field path), so record n never depends on records before it or on the thread that
 * makes it. SplitMix64 is used rather than {@link java.util.SplittableRandom} because it must be re-seeded in
 * place once per field without allocating, and its output must never change between JDK releases.
 *
 * <p>Not thread-safe: each generator owns one.
 */
public final class Rng {
    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;
    private static final double DOUBLE_UNIT = 0x1.0p-53;

    private long state;

    public void reset(long seed) {
        state = seed;
    }

    /** The SplitMix64 finaliser: a bijective 64-bit mix used to derive independent seeds. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** Seed of the stream for one child (a field, an array element) of the stream seeded with {@code parent}. */
    public static long child(long parent, long salt) {
        return mix(parent ^ saltKey(salt));
    }

    /** The part of {@link #child} that depends only on the salt, for salts known at compile time. */
    public static long saltKey(long salt) {
        return mix(salt * GOLDEN_GAMMA + 0x632be59bd9b4e019L);
    }

    /** {@code child(parent, salt)} given {@code saltKey(salt)}: one mix instead of two. */
    public static long childOfKey(long parent, long saltKey) {
        return mix(parent ^ saltKey);
    }

    /** A stable 64-bit hash of a field path, so that a field's stream survives edits to other fields. */
    public static long hash(String text) {
        long h = 0x6a09e667f3bcc909L;
        for (int i = 0; i < text.length(); i++) {
            h = mix(h ^ text.charAt(i));
        }
        return h;
    }

    public long nextLong() {
        return mix(state += GOLDEN_GAMMA);
    }

    public int nextInt() {
        return (int) (nextLong() >>> 32);
    }

    /** Uniform in [0, 1). */
    public double nextDouble() {
        return (nextLong() >>> 11) * DOUBLE_UNIT;
    }

    /** Uniform in (0, 1]: safe under a logarithm. */
    public double nextDoubleOpenAtZero() {
        return ((nextLong() >>> 11) + 1) * DOUBLE_UNIT;
    }

    public boolean nextBoolean(double probability) {
        return nextDouble() < probability;
    }

    /** Uniform in [0, bound), without modulo bias (Lemire's multiply-and-reject). */
    public long nextLong(long bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive but was " + bound);
        }
        if (bound <= Integer.MAX_VALUE) {
            return nextInt((int) bound);
        }
        long mask = bound - 1;
        long r = nextLong();
        if ((bound & mask) == 0) {
            return r & mask;
        }
        // Rejection on the top bits for wide bounds; at most two rounds expected.
        long u = r >>> 1;
        while (u + mask - (r = u % bound) < 0) {
            u = nextLong() >>> 1;
        }
        return r;
    }

    /** Uniform in [0, bound), bound in [1, 2^31). */
    public int nextInt(int bound) {
        long m = (nextLong() >>> 32) * bound;
        long low = m & 0xffffffffL;
        if (low < bound) {
            long threshold = (0x1_0000_0000L - bound) % bound;
            while (low < threshold) {
                m = (nextLong() >>> 32) * bound;
                low = m & 0xffffffffL;
            }
        }
        return (int) (m >>> 32);
    }

    /** Uniform in [min, max], both inclusive, for any span that fits a long. */
    public long nextLongInclusive(long min, long max) {
        long span = max - min + 1;
        if (span > 0) {
            return min + nextLong(span);
        }
        // The span overflows: draw until inside (at least half the draws land).
        long r;
        do {
            r = nextLong();
        } while (r < min || r > max);
        return r;
    }

    /** Standard normal by Marsaglia's polar method, stateless (the spare value is dropped). */
    public double nextGaussian() {
        double v1;
        double v2;
        double s;
        do {
            v1 = 2 * nextDouble() - 1;
            v2 = 2 * nextDouble() - 1;
            s = v1 * v1 + v2 * v2;
        } while (s >= 1 || s == 0);
        return v1 * Math.sqrt(-2 * Math.log(s) / s);
    }
}
