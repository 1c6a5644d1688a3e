package io.kdg4j.aws.internal;

import io.kdg4j.core.GeneratedRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;
import software.amazon.awssdk.services.kinesis.model.ListShardsResponse;
import software.amazon.awssdk.services.kinesis.model.Shard;

/**
 * The open shards of a stream by hash-key range, learnt once with ListShards, so that a producer knows which
 * shard each record goes to (as the KPL does). Immutable and thread-safe.
 */
public final class ShardMap {
    private final String[] shardIds;
    private final HashKey[] starts;
    private final Function<GeneratedRecord, String> explicitHashKey;

    private ShardMap(List<Shard> shards, Function<GeneratedRecord, String> explicitHashKey) {
        List<Shard> open = new ArrayList<>(shards.stream().filter(s -> s.sequenceNumberRange() == null
                || s.sequenceNumberRange().endingSequenceNumber() == null).toList());
        if (open.isEmpty()) {
            throw new IllegalStateException("the stream has no open shard");
        }
        open.sort(Comparator.comparing(s -> HashKey.parse(s.hashKeyRange().startingHashKey())));
        this.shardIds = open.stream().map(Shard::shardId).toArray(String[]::new);
        this.starts = open.stream().map(s -> HashKey.parse(s.hashKeyRange().startingHashKey()))
                .toArray(HashKey[]::new);
        this.explicitHashKey = explicitHashKey;
    }

    /** Lists the stream's shards (all pages). */
    public static ShardMap load(KinesisAsyncClient client, String stream,
                                Function<GeneratedRecord, String> explicitHashKey) {
        List<Shard> shards = new ArrayList<>();
        String next = null;
        do {
            String token = next;
            ListShardsResponse page = (token == null ? client.listShards(b -> b.streamName(stream))
                    : client.listShards(b -> b.nextToken(token))).join();
            shards.addAll(page.shards());
            next = page.nextToken();
        } while (next != null);
        return new ShardMap(shards, explicitHashKey);
    }

    public int shardCount() {
        return shardIds.length;
    }

    public String shardId(int shard) {
        return shardIds[shard];
    }

    /** The index of the shard {@code record} goes to. */
    public int shardOf(GeneratedRecord record) {
        HashKey key = explicitHashKey != null ? HashKey.parse(explicitHashKey.apply(record))
                : HashKey.ofPartitionKey(record.partitionKey());
        int low = 0;
        int high = starts.length - 1;
        while (low < high) {
            int middle = (low + high + 1) >>> 1;
            if (starts[middle].compareTo(key) <= 0) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return low;
    }

    /** The first hash key of a shard. */
    public HashKey start(int shard) {
        return starts[shard];
    }
}
