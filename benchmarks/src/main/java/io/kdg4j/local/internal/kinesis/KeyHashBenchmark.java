package io.kdg4j.local.internal.kinesis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The MD5 of a 10-digit partition key (the generator's default, and KDG's), as the emulator places every record:
 * {@code messageDigest} is the baseline, the JDK's MD5 as the emulator used it (update, digest, two longs);
 * {@code shortMd5} is the one-block MD5 it uses now for keys of up to 55 bytes. In this package because the
 * emulator's hashing is internal.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar KeyHashBenchmark</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class KeyHashBenchmark {
    private final byte[][] keys = new byte[1024][];
    private MessageDigest md5;
    private int next;

    @Setup
    public void setUp() throws Exception {
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < keys.length; i++) {
            keys[i] = Long.toString(random.nextLong(10_000_000_000L)).getBytes(StandardCharsets.UTF_8);
        }
        md5 = MessageDigest.getInstance("MD5");
    }

    @Benchmark
    public HashKey messageDigest() {
        byte[] key = keys[next++ & (keys.length - 1)];
        md5.update(key, 0, key.length);
        byte[] digest = md5.digest();
        long high = 0;
        long low = 0;
        for (int i = 0; i < 8; i++) {
            high = (high << 8) | (digest[i] & 0xff);
            low = (low << 8) | (digest[8 + i] & 0xff);
        }
        return new HashKey(high, low);
    }

    @Benchmark
    public HashKey shortMd5() {
        byte[] key = keys[next++ & (keys.length - 1)];
        return ShortMd5.hash(key, 0, key.length);
    }
}
