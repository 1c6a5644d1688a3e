package io.kdg4j.local.internal.kinesis;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ShortMd5Test {
    @Test
    void everyLengthFrom0To55_hashesAsMessageDigestDoes() throws Exception {
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        SplittableRandom random = new SplittableRandom(7);
        for (int round = 0; round < 2_000; round++) {
            int length = round % (ShortMd5.MAX_LENGTH + 1);
            byte[] message = new byte[length + 3];
            random.nextBytes(message);
            HashKey ours = ShortMd5.hash(message, 2, length);
            md5.update(message, 2, length);
            HashKey reference = HashKey.of(new BigInteger(1, md5.digest()));
            assertThat(ours).as("length %d", length).isEqualTo(reference);
        }
    }

    @Test
    void theRfcsTestSuite() throws Exception {
        assertThat(hex("")).isEqualTo("d41d8cd98f00b204e9800998ecf8427e");
        assertThat(hex("abc")).isEqualTo("900150983cd24fb0d6963f7d28e17f72");
        assertThat(hex("message digest")).isEqualTo("f96b697d7cb7938d525a2f31aaf161d0");
    }

    private static String hex(String text) {
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        HashKey key = ShortMd5.hash(bytes, 0, bytes.length);
        return String.format("%016x%016x", key.high(), key.low());
    }
}
