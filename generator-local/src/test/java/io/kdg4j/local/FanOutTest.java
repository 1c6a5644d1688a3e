package io.kdg4j.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ConsumerStatus;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.ResourceInUseException;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;
import software.amazon.awssdk.services.kinesis.model.SubscribeToShardEvent;
import software.amazon.awssdk.services.kinesis.model.SubscribeToShardEventStream;
import software.amazon.awssdk.services.kinesis.model.SubscribeToShardResponseHandler;

/**
 * Enhanced fan-out through the SDK's default async client (HTTP/2, CBOR): consumers registered, described, listed
 * and deregistered with the service's states and errors; SubscribeToShard pushing the records that are there and
 * those that arrive later, with continuation sequence numbers; a second subscription too soon refused.
 */
class FanOutTest {
    private static LocalEmulator local;
    private static KinesisClient kinesis;
    private static KinesisAsyncClient async;

    @BeforeAll
    static void start() {
        local = LocalEmulator.start();
        kinesis = Clients.kinesis(local.endpoint());
        async = Clients.kinesisAsync(local.endpoint());
    }

    @AfterAll
    static void stop() {
        async.close();
        kinesis.close();
        local.close();
    }

    private static void put(String stream, int from, int count) {
        List<PutRecordsRequestEntry> entries = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            entries.add(PutRecordsRequestEntry.builder().partitionKey("key").data(SdkBytes.fromUtf8String("r" + i))
                    .build());
        }
        kinesis.putRecords(b -> b.streamName(stream).records(entries));
    }

    private static String activeConsumer(String streamArn, String name) {
        String arn = kinesis.registerStreamConsumer(b -> b.streamARN(streamArn).consumerName(name)).consumer()
                .consumerARN();
        await().atMost(Duration.ofSeconds(5)).until(() -> kinesis.describeStreamConsumer(b -> b.consumerARN(arn))
                .consumerDescription().consumerStatus() == ConsumerStatus.ACTIVE);
        return arn;
    }

    @Test
    void consumers_areRegisteredDescribedListedAndDeregistered() {
        local.createStreamIfAbsent("fanout-admin", 1);
        String streamArn = kinesis.describeStreamSummary(b -> b.streamName("fanout-admin")).streamDescriptionSummary()
                .streamARN();
        var registered = kinesis.registerStreamConsumer(b -> b.streamARN(streamArn).consumerName("app")).consumer();
        assertThat(registered.consumerStatus()).isEqualTo(ConsumerStatus.CREATING);
        assertThat(registered.consumerARN()).startsWith(streamArn + "/consumer/app:");
        assertThatThrownBy(() -> kinesis.registerStreamConsumer(b -> b.streamARN(streamArn).consumerName("app")))
                .isInstanceOf(ResourceInUseException.class);
        await().atMost(Duration.ofSeconds(5)).until(() -> kinesis.describeStreamConsumer(b -> b.streamARN(streamArn)
                .consumerName("app")).consumerDescription().consumerStatus() == ConsumerStatus.ACTIVE);
        assertThat(kinesis.listStreamConsumers(b -> b.streamARN(streamArn)).consumers()).hasSize(1);
        assertThat(kinesis.describeStreamSummary(b -> b.streamName("fanout-admin")).streamDescriptionSummary()
                .consumerCount()).isEqualTo(1);
        kinesis.deregisterStreamConsumer(b -> b.consumerARN(registered.consumerARN()));
        await().atMost(Duration.ofSeconds(5)).until(() -> kinesis.listStreamConsumers(b -> b.streamARN(streamArn))
                .consumers().isEmpty());
    }

    @Test
    void subscribeToShard_pushesStoredAndNewRecords_inOrder_withContinuationSequenceNumbers() throws Exception {
        local.createStreamIfAbsent("fanout", 1);
        put("fanout", 0, 30);
        String streamArn = kinesis.describeStreamSummary(b -> b.streamName("fanout")).streamDescriptionSummary()
                .streamARN();
        String consumer = activeConsumer(streamArn, "reader");
        List<SubscribeToShardEvent> events = new CopyOnWriteArrayList<>();
        List<Record> records = new CopyOnWriteArrayList<>();
        CompletableFuture<Subscription> subscription = new CompletableFuture<>();
        CompletableFuture<Void> done = async.subscribeToShard(b -> b.consumerARN(consumer).shardId(
                "shardId-000000000000").startingPosition(p -> p.type(ShardIteratorType.TRIM_HORIZON)),
                SubscribeToShardResponseHandler.builder().onEventStream(publisher -> publisher.subscribe(
                        new Subscriber<SubscribeToShardEventStream>() {
                            @Override
                            public void onSubscribe(Subscription s) {
                                subscription.complete(s);
                                s.request(Long.MAX_VALUE);
                            }

                            @Override
                            public void onNext(SubscribeToShardEventStream event) {
                                if (event instanceof SubscribeToShardEvent shardEvent) {
                                    events.add(shardEvent);
                                    records.addAll(shardEvent.records());
                                }
                            }

                            @Override
                            public void onError(Throwable t) {
                            }

                            @Override
                            public void onComplete() {
                            }
                        })).build());
        await().atMost(Duration.ofSeconds(10)).until(() -> records.size() >= 30);
        put("fanout", 30, 20);
        await().atMost(Duration.ofSeconds(10)).until(() -> records.size() >= 50);
        assertThat(records).extracting(r -> r.data().asUtf8String()).containsExactlyElementsOf(
                java.util.stream.IntStream.range(0, 50).mapToObj(i -> "r" + i).toList());
        SubscribeToShardEvent last = events.stream().filter(e -> !e.records().isEmpty()).reduce((a, b) -> b)
                .orElseThrow();
        assertThat(last.continuationSequenceNumber()).isEqualTo(last.records().get(last.records().size() - 1)
                .sequenceNumber());
        assertThat(last.millisBehindLatest()).isZero();

        // the same consumer on the same shard again within 5 s: refused
        assertThatThrownBy(() -> async.subscribeToShard(b -> b.consumerARN(consumer).shardId("shardId-000000000000")
                .startingPosition(p -> p.type(ShardIteratorType.LATEST)), SubscribeToShardResponseHandler.builder()
                .subscriber(e -> { }).build()).join()).isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(ResourceInUseException.class);
        subscription.join().cancel();
        done.exceptionally(e -> null);
    }
}
