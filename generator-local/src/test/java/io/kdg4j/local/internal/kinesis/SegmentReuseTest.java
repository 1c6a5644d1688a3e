package io.kdg4j.local.internal.kinesis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** Segments released by trimming are written again: what a reader gets must still be each record's own bytes. */
class SegmentReuseTest {
    @Test
    void atTheByteCap_recycledSegmentsNeverLeakOldBytesIntoNewRecords() {
        // a 3 MiB cap and 12 MiB written: segments are released and refilled several times over
        KinesisStore store = new KinesisStore(Clock.systemUTC(), "us-east-1", 0, 3L << 20, 3_600_000L, false);
        Stream stream = store.create("reuse", 2, false);
        byte[][] payloads = new byte[40_000][];
        for (int i = 0; i < payloads.length; i++) {
            payloads[i] = String.format("record %06d %s", i, "x".repeat(i % 500)).getBytes(StandardCharsets.UTF_8);
            Shard shard = stream.shards()[i % 2];
            store.append(shard, store.now(), "key-" + i, payloads[i]);
        }
        int checked = 0;
        for (int s = 0; s < 2; s++) {
            Shard shard = stream.shards()[s];
            Shard.Batch batch = shard.read(0, 1_000_000, Long.MAX_VALUE);
            assertThat(batch.size()).as("trimmed to the cap").isLessThan(payloads.length / 2);
            for (int r = 0; r < batch.size(); r++) {
                int i = (int) (batch.firstCounter() + r) * 2 + s;
                assertThat(batch.data()[r]).as("record %d", i).isEqualTo(payloads[i]);
                assertThat(batch.keys()[r]).isEqualTo("key-" + i);
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(5_000);
    }
}
