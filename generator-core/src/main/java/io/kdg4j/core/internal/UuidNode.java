package io.kdg4j.core.internal;

/** A version-4-shaped UUID from the seeded stream, formatted without going through java.util.UUID. */
final class UuidNode extends Node {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    @Override
    void generate(GenContext ctx, long seed) {
        Rng rng = ctx.rng;
        rng.reset(seed);
        long high = (rng.nextLong() & ~0xf000L) | 0x4000L;
        long low = (rng.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        char[] chars = new char[36];
        hex(high >>> 32, 8, chars, 0);
        chars[8] = '-';
        hex(high >>> 16, 4, chars, 9);
        chars[13] = '-';
        hex(high, 4, chars, 14);
        chars[18] = '-';
        hex(low >>> 48, 4, chars, 19);
        chars[23] = '-';
        hex(low, 12, chars, 24);
        ctx.tape.string(new String(chars));
    }

    private static void hex(long value, int digits, char[] out, int offset) {
        for (int i = digits - 1; i >= 0; i--) {
            out[offset + i] = HEX[(int) (value & 0xf)];
            value >>>= 4;
        }
    }
}
