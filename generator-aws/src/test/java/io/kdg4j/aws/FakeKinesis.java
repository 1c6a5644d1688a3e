package io.kdg4j.aws;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequest;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;

/** A KinesisAsyncClient whose PutRecords answers come from a function; it records every request. */
final class FakeKinesis implements KinesisAsyncClient {
    final List<PutRecordsRequest> requests = new CopyOnWriteArrayList<>();
    private final Function<PutRecordsRequest, CompletableFuture<PutRecordsResponse>> answer;
    volatile boolean closed;

    FakeKinesis(Function<PutRecordsRequest, CompletableFuture<PutRecordsResponse>> answer) {
        this.answer = answer;
    }

    /** Every entry stored. */
    static FakeKinesis accepting() {
        return new FakeKinesis(request -> CompletableFuture.completedFuture(allStored(request.records().size())));
    }

    static PutRecordsResponse allStored(int entries) {
        List<PutRecordsResultEntry> results = java.util.stream.IntStream.range(0, entries)
                .mapToObj(i -> PutRecordsResultEntry.builder().shardId("shardId-000000000000")
                        .sequenceNumber(String.valueOf(i)).build()).toList();
        return PutRecordsResponse.builder().failedRecordCount(0).records(results).build();
    }

    @Override
    public CompletableFuture<PutRecordsResponse> putRecords(PutRecordsRequest request) {
        requests.add(request);
        return answer.apply(request);
    }

    /** One shard over the whole hash-key space. */
    @Override
    public CompletableFuture<software.amazon.awssdk.services.kinesis.model.ListShardsResponse> listShards(
            software.amazon.awssdk.services.kinesis.model.ListShardsRequest request) {
        return CompletableFuture.completedFuture(software.amazon.awssdk.services.kinesis.model.ListShardsResponse
                .builder().shards(software.amazon.awssdk.services.kinesis.model.Shard.builder()
                        .shardId("shardId-000000000000").hashKeyRange(r -> r.startingHashKey("0")
                                .endingHashKey("340282366920938463463374607431768211455")).build()).build());
    }

    @Override
    public String serviceName() {
        return "kinesis";
    }

    @Override
    public void close() {
        closed = true;
    }
}
