package io.kdg4j.aws;

import io.kdg4j.aws.internal.BatchingEngine;
import io.kdg4j.aws.internal.Failure;
import io.kdg4j.core.GeneratedRecord;
import io.kdg4j.core.run.DeliveryListener;
import io.kdg4j.core.run.RecordSink;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.firehose.FirehoseAsyncClient;
import software.amazon.awssdk.services.firehose.model.PutRecordBatchRequest;
import software.amazon.awssdk.services.firehose.model.PutRecordBatchResponseEntry;
import software.amazon.awssdk.services.firehose.model.Record;

/**
 * Sends records to a Firehose delivery stream with PutRecordBatch: up to 500 records and 4 MiB a request, each
 * record at most 1,000 KiB. Each record is followed by a delimiter, {@code \n} by default, so that
 * newline-delimited JSON lands in S3 without a transforming Lambda. Each entry's outcome comes from its own
 * ErrorCode (FailedPutCount may be non-zero in a successful call); failed entries are retried alone.
 *
 * <p>Thread-safe. A client passed in is never closed by the sink; one built from an {@link AwsEndpoint} is.
 */
public final class FirehoseSink implements RecordSink {
    private final BatchingEngine engine;
    private final FirehoseAsyncClient ownedClient;

    private FirehoseSink(Builder builder) {
        FirehoseAsyncClient client = builder.client != null ? builder.client
                : builder.endpoint.firehoseAsync(builder.batch.maxConcurrentRequests() * 2);
        this.ownedClient = builder.client != null ? null : client;
        this.engine = new BatchingEngine(new Transport(client, builder.deliveryStream, builder.delimiter),
                builder.batch, builder.retry);
    }

    public static Builder builder(FirehoseAsyncClient client, String deliveryStream) {
        return new Builder(Objects.requireNonNull(client, "client"), null, deliveryStream);
    }

    public static Builder builder(AwsEndpoint endpoint, String deliveryStream) {
        return new Builder(null, Objects.requireNonNull(endpoint, "endpoint"), deliveryStream);
    }

    @Override
    public void send(GeneratedRecord record, DeliveryListener listener) {
        engine.send(record, listener);
    }

    @Override
    public void flush() {
        engine.flush();
    }

    @Override
    public void close() {
        engine.close();
        if (ownedClient != null) {
            ownedClient.close();
        }
    }

    /** Configures a {@link FirehoseSink}. */
    public static final class Builder {
        private final FirehoseAsyncClient client;
        private final AwsEndpoint endpoint;
        private final String deliveryStream;
        private BatchConfig batch = BatchConfig.firehoseDefaults();
        private RetryPolicy retry = RetryPolicy.DEFAULT;
        private byte[] delimiter = {'\n'};

        private Builder(FirehoseAsyncClient client, AwsEndpoint endpoint, String deliveryStream) {
            this.client = client;
            this.endpoint = endpoint;
            Objects.requireNonNull(deliveryStream, "deliveryStream");
            if (deliveryStream.isBlank()) {
                throw new IllegalArgumentException("delivery stream name must not be blank");
            }
            this.deliveryStream = deliveryStream;
        }

        /** Request limits (at most 500 records, 4 MiB, 1,000 KiB a record), linger and concurrency. */
        public Builder batch(BatchConfig batch) {
            this.batch = batch.requireWithin("Firehose", FirehoseLimits.MAX_RECORDS_PER_REQUEST,
                    FirehoseLimits.MAX_BYTES_PER_REQUEST, FirehoseLimits.MAX_RECORD_BYTES);
            return this;
        }

        public Builder retry(RetryPolicy retry) {
            this.retry = Objects.requireNonNull(retry, "retry");
            return this;
        }

        /** Appended to every record ({@code "\n"} by default); empty for none. */
        public Builder delimiter(String delimiter) {
            this.delimiter = Objects.requireNonNull(delimiter, "delimiter").getBytes(StandardCharsets.UTF_8);
            return this;
        }

        public FirehoseSink build() {
            return new FirehoseSink(this);
        }
    }

    /** PutRecordBatch for one delivery stream. */
    private static final class Transport implements BatchingEngine.Transport {
        private final FirehoseAsyncClient client;
        private final String deliveryStream;
        private final byte[] delimiter;

        Transport(FirehoseAsyncClient client, String deliveryStream, byte[] delimiter) {
            this.client = client;
            this.deliveryStream = deliveryStream;
            this.delimiter = delimiter;
        }

        @Override
        public String describe() {
            return "Firehose delivery stream " + deliveryStream;
        }

        @Override
        public int entryBytes(GeneratedRecord record) {
            return record.size() + delimiter.length;
        }

        @Override
        public Failure reject(GeneratedRecord record) {
            return null;
        }

        @Override
        public CompletableFuture<List<Failure>> send(List<GeneratedRecord> batch) {
            List<Record> records = new ArrayList<>(batch.size());
            for (GeneratedRecord record : batch) {
                ByteBuffer data = ByteBuffer.allocate(record.size() + delimiter.length);
                data.put(record.data()).put(delimiter).flip();
                records.add(Record.builder().data(SdkBytes.fromByteBuffer(data)).build());
            }
            return client.putRecordBatch(PutRecordBatchRequest.builder().deliveryStreamName(deliveryStream)
                    .records(records).build()).thenApply(response -> {
                        List<Failure> results = new ArrayList<>(response.requestResponses().size());
                        for (PutRecordBatchResponseEntry entry : response.requestResponses()) {
                            results.add(entry.errorCode() == null ? null
                                    : Failure.ofEntry(entry.errorCode(), entry.errorMessage()));
                        }
                        return results;
                    });
        }
    }
}
