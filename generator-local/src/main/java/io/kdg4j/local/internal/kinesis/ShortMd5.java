package io.kdg4j.local.internal.kinesis;

/**
 * MD5 (RFC 1321) of a message of at most 55 bytes, which fits one 64-byte block once padded: partition keys
 * almost always do (the generator's default key is 10 digits). Written here because MessageDigest's general path
 * (buffering, engine dispatch, a digest array per call) cost three times the compression itself, and hashing is
 * most of PutRecords once the key cache misses. Checked against MessageDigest in the tests.
 */
final class ShortMd5 {
    /** The longest message that fits one block with its padding and length. */
    static final int MAX_LENGTH = 55;

    private static final int[] SHIFTS = {
        7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22,
        5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20,
        4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23,
        6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21};
    /** K[i] = floor(|sin(i + 1)| * 2^32), as the RFC defines them. */
    private static final int[] K = new int[64];

    static {
        for (int i = 0; i < 64; i++) {
            K[i] = (int) (long) Math.floor(Math.abs(Math.sin(i + 1)) * 4294967296.0);
        }
    }

    private ShortMd5() {
    }

    /** The MD5 of {@code length} (at most {@value #MAX_LENGTH}) bytes at {@code offset}, as a hash key. */
    static HashKey hash(byte[] source, int offset, int length) {
        int[] m = new int[16];
        for (int i = 0; i < length; i++) {
            m[i >>> 2] |= (source[offset + i] & 0xff) << ((i & 3) << 3);
        }
        m[length >>> 2] |= 0x80 << ((length & 3) << 3);
        long bits = (long) length << 3;
        m[14] = (int) bits;
        m[15] = (int) (bits >>> 32);

        int a0 = 0x67452301;
        int b0 = 0xefcdab89;
        int c0 = 0x98badcfe;
        int d0 = 0x10325476;
        int a = a0;
        int b = b0;
        int c = c0;
        int d = d0;
        for (int i = 0; i < 64; i++) {
            int f;
            int g;
            if (i < 16) {
                f = (b & c) | (~b & d);
                g = i;
            } else if (i < 32) {
                f = (d & b) | (~d & c);
                g = (5 * i + 1) & 15;
            } else if (i < 48) {
                f = b ^ c ^ d;
                g = (3 * i + 5) & 15;
            } else {
                f = c ^ (b | ~d);
                g = (7 * i) & 15;
            }
            int rotated = Integer.rotateLeft(a + f + K[i] + m[g], SHIFTS[i]);
            a = d;
            d = c;
            c = b;
            b = b + rotated;
        }
        a += a0;
        b += b0;
        c += c0;
        d += d0;
        // the digest is a, b, c, d, each little-endian; the hash key reads its 16 bytes big-endian
        return new HashKey(((long) Integer.reverseBytes(a) << 32) | (Integer.reverseBytes(b) & 0xffffffffL),
                ((long) Integer.reverseBytes(c) << 32) | (Integer.reverseBytes(d) & 0xffffffffL));
    }
}
