package io.kdg4j.aws;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/**
 * Reads a whole stream back — every shard from TRIM_HORIZON — until it has a number of records or time runs out:
 * for tests that check what a producer wrote. Use the static method with any client, or an instance bound to one
 * ({@link #of(KinesisClient)}, as the JUnit extension injects it). Thread-safe; the caller owns the client.
 */
public final class StreamReader {
    private final KinesisClient kinesis;

    private StreamReader(KinesisClient kinesis) {
        this.kinesis = kinesis;
    }

    /** A reader on {@code kinesis}. */
    public static StreamReader of(KinesisClient kinesis) {
        return new StreamReader(java.util.Objects.requireNonNull(kinesis, "kinesis"));
    }

    /** As {@link #readAll(KinesisClient, String, long, Duration)} on this reader's client. */
    public List<Record> readAll(String stream, long expected, Duration timeout) {
        return readAll(kinesis, stream, expected, timeout);
    }

    /**
     * The records of every shard (shard by shard, each in sequence order), read until at least {@code expected}
     * have arrived or {@code timeout} has passed; whatever was read by then.
     */
    public static List<Record> readAll(KinesisClient kinesis, String stream, long expected, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Shard> shards = new ArrayList<>();
        String next = null;
        do {
            String token = next;
            var page = token == null ? kinesis.listShards(b -> b.streamName(stream))
                    : kinesis.listShards(b -> b.nextToken(token));
            shards.addAll(page.shards());
            next = page.nextToken();
        } while (next != null);
        List<List<Record>> perShard = new ArrayList<>();
        List<String> iterators = new ArrayList<>();
        for (Shard shard : shards) {
            perShard.add(new ArrayList<>());
            iterators.add(kinesis.getShardIterator(b -> b.streamName(stream).shardId(shard.shardId())
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator());
        }
        long total = 0;
        while (total < expected && System.nanoTime() < deadline) {
            boolean any = false;
            for (int i = 0; i < iterators.size(); i++) {
                String iterator = iterators.get(i);
                if (iterator == null) {
                    continue;
                }
                GetRecordsResponse response = kinesis.getRecords(b -> b.shardIterator(iterator).limit(10_000));
                perShard.get(i).addAll(response.records());
                total += response.records().size();
                any |= !response.records().isEmpty();
                iterators.set(i, response.nextShardIterator());
            }
            if (!any && total < expected) {
                sleep(50);
            }
        }
        List<Record> all = new ArrayList<>();
        perShard.forEach(all::addAll);
        return all;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
