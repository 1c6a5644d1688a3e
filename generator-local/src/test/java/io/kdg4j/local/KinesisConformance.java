package io.kdg4j.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ConsumerStatus;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.InvalidArgumentException;
import software.amazon.awssdk.services.kinesis.model.PutRecordResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.ResourceInUseException;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.ShardFilterType;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;
import software.amazon.awssdk.services.kinesis.model.SubscribeToShardResponseHandler;

/**
 * One Kinesis conformance suite, run against the embedded emulator and against kinesis-mock (the third-party
 * mock, from npm). Each subclass says where the endpoint is. Where kinesis-mock and AWS's documentation disagree,
 * the assertion follows AWS and a comment says so.
 */
abstract class KinesisConformance {
    // one pair of clients per class: an async client takes a while to shut its event loops down
    protected static KinesisClient kinesis;
    protected static KinesisAsyncClient async;
    protected String stream;

    protected abstract URI endpoint();

    /** The code of a request that breaks a field's constraint: AWS's ValidationException. */
    protected String validationErrorCode() {
        return "ValidationException";
    }

    @BeforeEach
    void clients() {
        if (kinesis == null) {
            kinesis = Clients.kinesis(endpoint());
            async = Clients.kinesisAsync(endpoint());
        }
        stream = "conformance-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void cleanUp() {
        try {
            kinesis.deleteStream(b -> b.streamName(stream));
        } catch (RuntimeException e) {
            // the test may have deleted it, or never made it
        }
    }

    @AfterAll
    static void closeClients() {
        if (kinesis != null) {
            kinesis.close();
            async.close();
            kinesis = null;
            async = null;
        }
    }

    protected void createActive(int shards) {
        kinesis.createStream(b -> b.streamName(stream).shardCount(shards));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() ->
                kinesis.describeStreamSummary(b -> b.streamName(stream)).streamDescriptionSummary().streamStatus()
                        == StreamStatus.ACTIVE);
    }

    protected static SdkBytes utf8(String text) {
        return SdkBytes.fromString(text, StandardCharsets.UTF_8);
    }

    @Test
    void createStream_listsAndDescribesWithShardsCoveringTheHashSpace() {
        createActive(3);
        assertThat(kinesis.listStreams().streamNames()).contains(stream);
        List<Shard> shards = kinesis.listShards(b -> b.streamName(stream)).shards();
        assertThat(shards).hasSize(3);
        BigInteger expectedStart = BigInteger.ZERO;
        for (Shard shard : shards) {
            assertThat(new BigInteger(shard.hashKeyRange().startingHashKey())).isEqualTo(expectedStart);
            expectedStart = new BigInteger(shard.hashKeyRange().endingHashKey()).add(BigInteger.ONE);
        }
        assertThat(expectedStart).isEqualTo(BigInteger.ONE.shiftLeft(128));
        var description = kinesis.describeStream(b -> b.streamName(stream)).streamDescription();
        assertThat(description.streamName()).isEqualTo(stream);
        assertThat(description.shards()).hasSize(3);
        assertThat(description.retentionPeriodHours()).isEqualTo(24);
    }

    @Test
    void createStream_twice_isResourceInUse() {
        createActive(1);
        assertThatThrownBy(() -> kinesis.createStream(b -> b.streamName(stream).shardCount(1)))
                .isInstanceOf(ResourceInUseException.class);
    }

    @Test
    void unknownStream_isResourceNotFound() {
        assertThatThrownBy(() -> kinesis.describeStream(b -> b.streamName(stream + "-missing")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> kinesis.putRecord(b -> b.streamName(stream + "-missing").partitionKey("k")
                .data(utf8("x")))).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void putRecords_thenReadEveryRecordBack_inOrderPerShard_withoutDuplicates() throws Exception {
        createActive(2);
        List<PutRecordsRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            entries.add(PutRecordsRequestEntry.builder().partitionKey("key-" + (i % 17)).data(utf8("record-" + i))
                    .build());
        }
        PutRecordsResponse put = async.putRecords(b -> b.streamName(stream).records(entries)).get();
        assertThat(put.failedRecordCount()).isZero();
        assertThat(put.records()).hasSize(300).allSatisfy(r -> {
            assertThat(r.sequenceNumber()).isNotBlank();
            assertThat(r.shardId()).startsWith("shardId-");
        });
        Set<String> read = new HashSet<>();
        java.util.Map<String, Integer> lastIndexByKey = new java.util.HashMap<>();
        int total = 0;
        for (Shard shard : kinesis.listShards(b -> b.streamName(stream)).shards()) {
            String iterator = kinesis.getShardIterator(b -> b.streamName(stream).shardId(shard.shardId())
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            BigInteger previous = BigInteger.valueOf(-1);
            GetRecordsResponse page;
            do {
                String current = iterator;
                page = kinesis.getRecords(b -> b.shardIterator(current).limit(100));
                for (Record record : page.records()) {
                    BigInteger sequence = new BigInteger(record.sequenceNumber());
                    assertThat(sequence).isGreaterThan(previous);
                    previous = sequence;
                    read.add(record.data().asUtf8String());
                    // per key, the records come back in the order they were put
                    int index = Integer.parseInt(record.data().asUtf8String().substring("record-".length()));
                    Integer last = lastIndexByKey.put(record.partitionKey(), index);
                    assertThat(last == null || last < index).as("key %s: record-%d after record-%d",
                            record.partitionKey(), index, last).isTrue();
                    total++;
                }
                iterator = page.nextShardIterator();
            } while (!page.records().isEmpty());
        }
        assertThat(total).isEqualTo(300);
        assertThat(read).hasSize(300);
    }

    @Test
    void sameKey_sameShard_andSequenceNumbersIncrease() {
        createActive(4);
        PutRecordResponse first = kinesis.putRecord(b -> b.streamName(stream).partitionKey("1").data(utf8("a")));
        PutRecordResponse second = kinesis.putRecord(b -> b.streamName(stream).partitionKey("1").data(utf8("b")));
        assertThat(second.shardId()).isEqualTo(first.shardId());
        assertThat(new BigInteger(second.sequenceNumber())).isGreaterThan(new BigInteger(first.sequenceNumber()));
    }

    @Test
    void partitionKeys_goToTheShardHoldingTheirMd5() throws Exception {
        createActive(4);
        List<Shard> shards = kinesis.listShards(b -> b.streamName(stream)).shards();
        for (String key : List.of("alpha", "beta", "gamma", "delta", "epsilon", "1", "2", "3")) {
            PutRecordResponse put = kinesis.putRecord(b -> b.streamName(stream).partitionKey(key).data(utf8(key)));
            BigInteger hash = new BigInteger(1, java.security.MessageDigest.getInstance("MD5")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
            Shard expected = shards.stream().filter(s -> hash.compareTo(new BigInteger(s.hashKeyRange()
                    .startingHashKey())) >= 0 && hash.compareTo(new BigInteger(s.hashKeyRange().endingHashKey())) <= 0)
                    .findFirst().orElseThrow();
            assertThat(put.shardId()).as(key).isEqualTo(expected.shardId());
        }
    }

    @Test
    void explicitHashKey_overridesThePartitionKey() {
        createActive(2);
        PutRecordResponse put = kinesis.putRecord(b -> b.streamName(stream).partitionKey("anything")
                .explicitHashKey(BigInteger.ONE.shiftLeft(127).add(BigInteger.TEN).toString()).data(utf8("x")));
        assertThat(put.shardId()).isEqualTo("shardId-000000000001");
    }

    @Test
    void shardIterators_latestAtAndAfterSequenceNumber() {
        createActive(1);
        String shard = "shardId-000000000000";
        List<String> sequences = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            int n = i;
            sequences.add(kinesis.putRecord(b -> b.streamName(stream).partitionKey("k").data(utf8("r" + n)))
                    .sequenceNumber());
        }
        String at = kinesis.getShardIterator(b -> b.streamName(stream).shardId(shard)
                .shardIteratorType(ShardIteratorType.AT_SEQUENCE_NUMBER).startingSequenceNumber(sequences.get(2)))
                .shardIterator();
        assertThat(kinesis.getRecords(b -> b.shardIterator(at)).records()).extracting(r -> r.data().asUtf8String())
                .containsExactly("r2", "r3", "r4");
        String after = kinesis.getShardIterator(b -> b.streamName(stream).shardId(shard)
                .shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER).startingSequenceNumber(sequences.get(2)))
                .shardIterator();
        assertThat(kinesis.getRecords(b -> b.shardIterator(after)).records()).extracting(r -> r.data().asUtf8String())
                .containsExactly("r3", "r4");
        String latest = kinesis.getShardIterator(b -> b.streamName(stream).shardId(shard)
                .shardIteratorType(ShardIteratorType.LATEST)).shardIterator();
        GetRecordsResponse empty = kinesis.getRecords(b -> b.shardIterator(latest));
        assertThat(empty.records()).isEmpty();
        kinesis.putRecord(b -> b.streamName(stream).partitionKey("k").data(utf8("r5")));
        assertThat(kinesis.getRecords(b -> b.shardIterator(empty.nextShardIterator())).records())
                .extracting(r -> r.data().asUtf8String()).containsExactly("r5");
    }

    @Test
    void atTimestamp_startsAtTheFirstRecordArrivedThen() {
        createActive(1);
        for (int i = 0; i < 20; i++) {
            int n = i;
            kinesis.putRecord(b -> b.streamName(stream).partitionKey("k").data(utf8("r" + n)));
        }
        String start = kinesis.getShardIterator(b -> b.streamName(stream).shardId("shardId-000000000000")
                .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
        List<Record> all = kinesis.getRecords(b -> b.shardIterator(start)).records();
        assertThat(all).hasSize(20);
        // from the arrival time of the 11th record: every record that arrived then or later, and none before
        Instant from = all.get(10).approximateArrivalTimestamp();
        String iterator = kinesis.getShardIterator(b -> b.streamName(stream).shardId("shardId-000000000000")
                .shardIteratorType(ShardIteratorType.AT_TIMESTAMP).timestamp(from)).shardIterator();
        List<Record> after = kinesis.getRecords(b -> b.shardIterator(iterator)).records();
        List<Record> expected = all.stream().filter(r -> !r.approximateArrivalTimestamp().isBefore(from)).toList();
        assertThat(after).extracting(Record::sequenceNumber).containsExactlyElementsOf(expected.stream()
                .map(Record::sequenceNumber).toList());
        String beforeAll = kinesis.getShardIterator(b -> b.streamName(stream).shardId("shardId-000000000000")
                .shardIteratorType(ShardIteratorType.AT_TIMESTAMP).timestamp(Instant.now().minus(Duration
                        .ofHours(1)))).shardIterator();
        assertThat(kinesis.getRecords(b -> b.shardIterator(beforeAll)).records()).hasSize(20);
    }

    @Test
    void partitionKey_mustBe1To256Characters() {
        createActive(1);
        // AWS rejects an over-long key with a 400 ValidationException (kinesis-mock: see validationErrorCode)
        assertThatThrownBy(() -> kinesis.putRecord(b -> b.streamName(stream).partitionKey("k".repeat(257))
                .data(utf8("x")))).isInstanceOfSatisfying(
                        software.amazon.awssdk.services.kinesis.model.KinesisException.class, e -> {
                            assertThat(e.statusCode()).isEqualTo(400);
                            assertThat(e.awsErrorDetails().errorCode()).isEqualTo(validationErrorCode());
                        });
    }

    @Test
    void tags_addAndList() {
        createActive(1);
        kinesis.addTagsToStream(b -> b.streamName(stream).tags(java.util.Map.of("team", "data", "env", "test")));
        assertThat(kinesis.listTagsForStream(b -> b.streamName(stream)).tags())
                .extracting(t -> t.key() + "=" + t.value()).containsExactlyInAnyOrder("team=data", "env=test");
    }

    @Test
    void retention_canBeIncreased() {
        createActive(1);
        kinesis.increaseStreamRetentionPeriod(b -> b.streamName(stream).retentionPeriodHours(48));
        assertThat(kinesis.describeStreamSummary(b -> b.streamName(stream)).streamDescriptionSummary()
                .retentionPeriodHours()).isEqualTo(48);
        assertThatThrownBy(() -> kinesis.increaseStreamRetentionPeriod(b -> b.streamName(stream)
                .retentionPeriodHours(10))).isInstanceOf(InvalidArgumentException.class);
    }

    @Test
    void deleteStream_removesIt() {
        createActive(1);
        kinesis.deleteStream(b -> b.streamName(stream));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> !kinesis.listStreams().streamNames().contains(stream));
    }

    @Test
    void fanOutConsumers_registerDescribeListDeregister_withTheirStates() {
        createActive(1);
        String streamArn = kinesis.describeStreamSummary(b -> b.streamName(stream)).streamDescriptionSummary()
                .streamARN();
        var consumer = kinesis.registerStreamConsumer(b -> b.streamARN(streamArn).consumerName("conformance"))
                .consumer();
        assertThat(consumer.consumerStatus()).isEqualTo(ConsumerStatus.CREATING);
        assertThat(consumer.consumerARN()).startsWith(streamArn + "/consumer/conformance:");
        assertThatThrownBy(() -> kinesis.registerStreamConsumer(b -> b.streamARN(streamArn).consumerName(
                "conformance"))).isInstanceOf(ResourceInUseException.class);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> kinesis
                .describeStreamConsumer(b -> b.consumerARN(consumer.consumerARN())).consumerDescription()
                .consumerStatus() == ConsumerStatus.ACTIVE);
        assertThat(kinesis.describeStreamConsumer(b -> b.streamARN(streamArn).consumerName("conformance"))
                .consumerDescription().consumerARN()).isEqualTo(consumer.consumerARN());
        assertThat(kinesis.listStreamConsumers(b -> b.streamARN(streamArn)).consumers())
                .extracting(c -> c.consumerName()).containsExactly("conformance");
        assertThat(kinesis.describeStreamSummary(b -> b.streamName(stream)).streamDescriptionSummary()
                .consumerCount()).isEqualTo(1);
        assertThatThrownBy(() -> kinesis.describeStreamConsumer(b -> b.streamARN(streamArn).consumerName("other")))
                .isInstanceOf(ResourceNotFoundException.class);
        kinesis.deregisterStreamConsumer(b -> b.consumerARN(consumer.consumerARN()));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> kinesis
                .listStreamConsumers(b -> b.streamARN(streamArn)).consumers().isEmpty());
    }

    @Test
    void subscribeToShard_pushesTheShardsRecordsInOrder() {
        createActive(1);
        List<PutRecordsRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            entries.add(PutRecordsRequestEntry.builder().partitionKey("k").data(utf8("e" + i)).build());
        }
        kinesis.putRecords(b -> b.streamName(stream).records(entries));
        String streamArn = kinesis.describeStreamSummary(b -> b.streamName(stream)).streamDescriptionSummary()
                .streamARN();
        String consumer = kinesis.registerStreamConsumer(b -> b.streamARN(streamArn).consumerName("pusher"))
                .consumer().consumerARN();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> kinesis
                .describeStreamConsumer(b -> b.consumerARN(consumer)).consumerDescription().consumerStatus()
                == ConsumerStatus.ACTIVE);
        String shardId = kinesis.listShards(b -> b.streamName(stream)).shards().get(0).shardId();
        List<Record> received = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> subscription = async.subscribeToShard(b -> b.consumerARN(consumer).shardId(shardId)
                .startingPosition(p -> p.type(ShardIteratorType.TRIM_HORIZON)), SubscribeToShardResponseHandler
                .builder().subscriber(event -> event.accept(SubscribeToShardResponseHandler.Visitor.builder()
                        .onSubscribeToShardEvent(e -> received.addAll(e.records())).build())).build());
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> received.size() >= 25);
        } finally {
            subscription.cancel(true);
        }
        assertThat(received).extracting(r -> r.data().asUtf8String()).containsExactlyElementsOf(
                java.util.stream.IntStream.range(0, 25).mapToObj(i -> "e" + i).toList());
    }

    /** What consumer libraries send: pages of ListShards, the stream by ARN, and ShardFilter (KCL 3). */
    @Test
    void listShards_pagesAddressesByArn_andFilters() {
        createActive(5);
        String arn = kinesis.describeStreamSummary(b -> b.streamName(stream)).streamDescriptionSummary().streamARN();
        List<String> all = new ArrayList<>();
        var page = kinesis.listShards(b -> b.streamARN(arn).maxResults(2));
        page.shards().forEach(sh -> all.add(sh.shardId()));
        while (page.nextToken() != null) {
            String token = page.nextToken();
            page = kinesis.listShards(b -> b.nextToken(token).maxResults(2));
            page.shards().forEach(sh -> all.add(sh.shardId()));
        }
        assertThat(all).hasSize(5).doesNotHaveDuplicates().isSorted();
        assertThat(kinesis.listShards(b -> b.streamName(stream).shardFilter(f -> f.type(
                ShardFilterType.AFTER_SHARD_ID).shardId(all.get(2)))).shards()).extracting(Shard::shardId)
                .containsExactlyElementsOf(all.subList(3, 5));
        assertThat(kinesis.listShards(b -> b.streamName(stream).shardFilter(f -> f.type(ShardFilterType.AT_LATEST)))
                .shards()).hasSize(5);
        assertThat(kinesis.listShards(b -> b.streamName(stream).shardFilter(f -> f.type(
                ShardFilterType.AT_TRIM_HORIZON))).shards()).hasSize(5);
        assertThat(kinesis.listShards(b -> b.streamName(stream).exclusiveStartShardId(all.get(0))).shards())
                .extracting(Shard::shardId).containsExactlyElementsOf(all.subList(1, 5));
    }
}
