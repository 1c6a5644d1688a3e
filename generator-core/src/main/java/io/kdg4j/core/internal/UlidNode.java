package io.kdg4j.core.internal;

/** A ULID: 10 characters of clock milliseconds, 16 of seeded randomness, Crockford base 32. */
final class UlidNode extends Node {
    private static final char[] CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    @Override
    void generate(GenContext ctx, long seed) {
        Rng rng = ctx.rng;
        rng.reset(seed);
        long millis = ctx.clock.millis() & 0xffffffffffffL;
        long random1 = rng.nextLong() >>> 24; // 40 bits
        long random2 = rng.nextLong() >>> 24; // 40 bits
        char[] chars = new char[26];
        for (int i = 9; i >= 0; i--) {
            chars[i] = CROCKFORD[(int) (millis & 31)];
            millis >>>= 5;
        }
        for (int i = 17; i >= 10; i--) {
            chars[i] = CROCKFORD[(int) (random1 & 31)];
            random1 >>>= 5;
        }
        for (int i = 25; i >= 18; i--) {
            chars[i] = CROCKFORD[(int) (random2 & 31)];
            random2 >>>= 5;
        }
        ctx.tape.string(new String(chars));
    }
}
