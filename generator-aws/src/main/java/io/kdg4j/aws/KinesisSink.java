package io.kdg4j.aws;

import io.kdg4j.aws.internal.Aggregator;
import io.kdg4j.aws.internal.BatchingEngine;
import io.kdg4j.aws.internal.Failure;
import io.kdg4j.aws.internal.ShardMap;
import io.kdg4j.aws.internal.ShardPacer;
import io.kdg4j.core.KdgException;
import io.kdg4j.core.GeneratedRecord;
import io.kdg4j.core.run.DeliveryListener;
import io.kdg4j.core.run.RecordSink;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequest;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;

/**
 * Sends records to a Kinesis data stream with PutRecords: up to 500 records and 5 MiB a request, each record at
 * most 1 MiB with its partition key (a larger one is failed with RecordTooLarge, never truncated), flushed when
 * a request is full or after the linger time. Each entry's outcome is read from its own ErrorCode, never from
 * FailedRecordCount: throttled (ProvisionedThroughputExceededException) and InternalFailure entries are retried
 * alone, with backoff; whole requests are retried on throttling, 5xx and lost connections.
 *
 * <pre>{@code
 * try (KinesisSink sink = KinesisSink.builder(kinesisAsync, "orders").build()) {
 *     Generator.from(schema).rate(1_000).limit(10_000).to(sink).start().awaitCompletion(Duration.ofMinutes(1));
 * }
 * }</pre>
 *
 * <p>Thread-safe. A client passed in is never closed by the sink; one the sink built from an {@link AwsEndpoint}
 * is closed with it. Partition keys are the records' own (the schema's key spec, random like the KDG by default).
 */
public final class KinesisSink implements RecordSink {
    /** The KPL's default largest aggregated record (AggregationMaxSize). */
    public static final int DEFAULT_AGGREGATE_BYTES = 51_200;

    private final BatchingEngine engine;
    private final KinesisAsyncClient ownedClient;
    private final ScheduledExecutorService timer;
    private final ShardPacer pacer;
    private final Aggregator aggregator;

    private KinesisSink(Builder builder) {
        KinesisAsyncClient client = builder.client != null ? builder.client
                : builder.endpoint.kinesisAsync(builder.batch.maxConcurrentRequests() * 2);
        this.ownedClient = builder.client != null ? null : client;
        boolean shardAware = builder.pacing > 0 || builder.aggregateBytes > 0;
        ShardMap shards = null;
        if (shardAware) {
            try {
                shards = ShardMap.load(client, builder.stream, builder.explicitHashKey);
            } catch (RuntimeException e) {
                if (ownedClient != null) {
                    ownedClient.close();
                }
                throw new KdgException("cannot learn the shards of Kinesis stream " + builder.stream
                        + " (needed for shard-aware pacing and aggregation): " + e.getMessage(), e);
            }
            this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "kdg-kinesis-shards");
                thread.setDaemon(true);
                return thread;
            });
        } else {
            this.timer = null;
        }
        this.aggregator = builder.aggregateBytes > 0 ? new Aggregator(shards, builder.aggregateBytes,
                builder.batch.linger(), builder.explicitHashKey, this::pace, timer) : null;
        Function<GeneratedRecord, String> hashKeys = builder.explicitHashKey;
        if (aggregator != null) {
            Function<GeneratedRecord, String> user = builder.explicitHashKey;
            hashKeys = record -> {
                String aggregate = aggregator.explicitHashKeyOf(record);
                return aggregate != null ? aggregate : user != null ? user.apply(record) : null;
            };
        }
        Transport transport = new Transport(client, builder.stream, hashKeys);
        this.engine = new BatchingEngine(transport, builder.batch, builder.retry);
        this.pacer = builder.pacing > 0 ? new ShardPacer(shards,
                KinesisLimits.SHARD_RECORDS_PER_SECOND * builder.pacing,
                KinesisLimits.SHARD_BYTES_PER_SECOND * builder.pacing, engine::send, timer) : null;
    }

    /** A sink on a client the caller owns (and closes). */
    public static Builder builder(KinesisAsyncClient client, String stream) {
        return new Builder(Objects.requireNonNull(client, "client"), null, stream);
    }

    /** A sink with its own client for {@code endpoint}, closed with the sink. */
    public static Builder builder(AwsEndpoint endpoint, String stream) {
        return new Builder(null, Objects.requireNonNull(endpoint, "endpoint"), stream);
    }

    @Override
    public void send(GeneratedRecord record, DeliveryListener listener) {
        if (aggregator != null) {
            // checked here: inside an aggregate a bad key would reach the consumer instead of failing
            int keyLength = record.partitionKey().length();
            if (keyLength < 1 || keyLength > KinesisLimits.MAX_PARTITION_KEY_LENGTH) {
                listener.failed(record, "InvalidPartitionKey", "a partition key must have 1 to "
                        + KinesisLimits.MAX_PARTITION_KEY_LENGTH + " characters but record " + record.index()
                        + "'s has " + keyLength + "; it was not sent");
                return;
            }
            aggregator.add(record, listener);
        } else {
            pace(record, listener);
        }
    }

    private void pace(GeneratedRecord record, DeliveryListener listener) {
        if (pacer != null) {
            pacer.submit(record, listener, record.size() + record.partitionKey().length());
        } else {
            engine.send(record, listener);
        }
    }

    @Override
    public void flush() {
        if (aggregator != null) {
            aggregator.flush();
        }
        engine.flush();
    }

    /** Flushes, waits for every record's outcome, and closes the client if the sink built it. */
    @Override
    public void close() {
        if (aggregator != null) {
            aggregator.flush();
        }
        if (pacer != null) {
            while (pacer.queued() > 0) {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            pacer.stop();
        }
        engine.close();
        if (timer != null) {
            timer.shutdownNow();
        }
        if (ownedClient != null) {
            ownedClient.close();
        }
    }

    /** Configures a {@link KinesisSink}. */
    public static final class Builder {
        private final KinesisAsyncClient client;
        private final AwsEndpoint endpoint;
        private final String stream;
        private BatchConfig batch = BatchConfig.kinesisDefaults();
        private RetryPolicy retry = RetryPolicy.DEFAULT;
        private Function<GeneratedRecord, String> explicitHashKey;
        private double pacing;
        private int aggregateBytes;

        private Builder(KinesisAsyncClient client, AwsEndpoint endpoint, String stream) {
            this.client = client;
            this.endpoint = endpoint;
            Objects.requireNonNull(stream, "stream");
            if (stream.isBlank()) {
                throw new IllegalArgumentException("stream name must not be blank");
            }
            this.stream = stream;
        }

        /**
         * Request limits, linger and concurrency; at most 500 records and 5 MiB a request and 1 MiB a record, or up
         * to 10 MiB for both on a stream with large records enabled.
         */
        public Builder batch(BatchConfig batch) {
            boolean large = batch.maxRecordBytes() > KinesisLimits.MAX_RECORD_BYTES;
            this.batch = batch.requireWithin("Kinesis", KinesisLimits.MAX_RECORDS_PER_REQUEST,
                    large ? KinesisLimits.MAX_LARGE_RECORD_BYTES : KinesisLimits.MAX_BYTES_PER_REQUEST,
                    KinesisLimits.MAX_LARGE_RECORD_BYTES);
            return this;
        }

        public Builder retry(RetryPolicy retry) {
            this.retry = Objects.requireNonNull(retry, "retry");
            return this;
        }

        /** An ExplicitHashKey (a decimal 128-bit number) for each record, instead of the MD5 of its key. */
        public Builder explicitHashKey(Function<GeneratedRecord, String> explicitHashKey) {
            this.explicitHashKey = Objects.requireNonNull(explicitHashKey, "explicitHashKey");
            return this;
        }

        /**
         * Keeps each shard under its write limits (1,000 records/s and 1 MiB/s) as the KPL does: the sink learns
         * the shards with ListShards, places each record by the MD5 of its key, and holds records whose shard is
         * at its limit instead of sending them to be throttled.
         */
        public Builder shardAwarePacing() {
            return shardAwarePacing(1.0);
        }

        /** As {@link #shardAwarePacing()} at {@code fractionOfLimit} of each shard's limits (e.g. 0.8). */
        public Builder shardAwarePacing(double fractionOfLimit) {
            if (!(fractionOfLimit > 0 && fractionOfLimit <= 10)) {
                throw new IllegalArgumentException("shard pacing must be in (0, 10] times the shard limit but was "
                        + fractionOfLimit);
            }
            this.pacing = fractionOfLimit;
            return this;
        }

        /**
         * KPL aggregation: many user records in one Kinesis record (magic bytes, the AggregatedRecord protobuf and
         * an MD5), one aggregate per shard, up to {@value #DEFAULT_AGGREGATE_BYTES} bytes each. Consumers built on
         * the KCL, or with the KPL's de-aggregation libraries, see the user records. The summary counts user
         * records.
         */
        public Builder aggregation() {
            return aggregation(DEFAULT_AGGREGATE_BYTES);
        }

        /** KPL aggregation with aggregated records of at most {@code maxBytes}. */
        public Builder aggregation(int maxBytes) {
            if (maxBytes < 64 || maxBytes > KinesisLimits.MAX_RECORD_BYTES - KinesisLimits.MAX_PARTITION_KEY_LENGTH
                    * 3) {
                throw new IllegalArgumentException("aggregate size must be in [64, " + (KinesisLimits
                        .MAX_RECORD_BYTES - KinesisLimits.MAX_PARTITION_KEY_LENGTH * 3) + "] bytes but was "
                        + maxBytes);
            }
            this.aggregateBytes = maxBytes;
            return this;
        }

        public KinesisSink build() {
            return new KinesisSink(this);
        }
    }

    /** PutRecords for one stream. */
    private static final class Transport implements BatchingEngine.Transport {
        private final KinesisAsyncClient client;
        private final String stream;
        private final Function<GeneratedRecord, String> explicitHashKey;

        Transport(KinesisAsyncClient client, String stream, Function<GeneratedRecord, String> explicitHashKey) {
            this.client = client;
            this.stream = stream;
            this.explicitHashKey = explicitHashKey;
        }

        @Override
        public String describe() {
            return "Kinesis stream " + stream;
        }

        @Override
        public int entryBytes(GeneratedRecord record) {
            String key = record.partitionKey();
            // keys are almost always ASCII: count UTF-8 bytes only when they are not
            for (int i = 0; i < key.length(); i++) {
                if (key.charAt(i) >= 0x80) {
                    return record.size() + key.getBytes(StandardCharsets.UTF_8).length;
                }
            }
            return record.size() + key.length();
        }

        @Override
        public Failure reject(GeneratedRecord record) {
            int length = record.partitionKey().length();
            if (length < 1 || length > KinesisLimits.MAX_PARTITION_KEY_LENGTH) {
                return new Failure("InvalidPartitionKey", "a partition key must have 1 to "
                        + KinesisLimits.MAX_PARTITION_KEY_LENGTH + " characters but record " + record.index()
                        + "'s has " + length + "; it was not sent", false, false, false);
            }
            return null;
        }

        @Override
        public CompletableFuture<List<Failure>> send(List<GeneratedRecord> batch) {
            List<PutRecordsRequestEntry> entries = new ArrayList<>(batch.size());
            for (GeneratedRecord record : batch) {
                PutRecordsRequestEntry.Builder entry = PutRecordsRequestEntry.builder()
                        .partitionKey(record.partitionKey()).data(SdkBytes.fromByteBuffer(record.data()));
                if (explicitHashKey != null) {
                    entry.explicitHashKey(explicitHashKey.apply(record));
                }
                entries.add(entry.build());
            }
            return client.putRecords(PutRecordsRequest.builder().streamName(stream).records(entries).build())
                    .thenApply(response -> {
                        List<Failure> results = new ArrayList<>(response.records().size());
                        for (PutRecordsResultEntry entry : response.records()) {
                            results.add(entry.errorCode() == null ? null
                                    : Failure.ofEntry(entry.errorCode(), entry.errorMessage()));
                        }
                        return results;
                    });
        }
    }
}
