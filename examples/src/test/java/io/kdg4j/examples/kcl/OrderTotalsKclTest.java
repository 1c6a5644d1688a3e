package io.kdg4j.examples.kcl;

import static io.kdg4j.core.Fields.decimals;
import static io.kdg4j.core.Fields.field;
import static io.kdg4j.core.Fields.integers;
import static io.kdg4j.core.Fields.record;
import static io.kdg4j.core.Fields.sequence;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kdg4j.aws.AwsEndpoint;
import io.kdg4j.aws.KinesisSink;
import io.kdg4j.aws.Provisioning;
import io.kdg4j.core.GeneratedRecord;
import io.kdg4j.core.RecordSchema;
import io.kdg4j.core.Records;
import io.kdg4j.core.run.Generator;
import io.kdg4j.core.run.RunSummary;
import io.kdg4j.junit.Backend;
import io.kdg4j.junit.KinesisGenerator;
import io.kdg4j.junit.KinesisTest;
import io.kdg4j.junit.RunningGenerator;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * A KCL 3 application, unchanged, reading generated orders from the embedded backend: no Docker, no AWS. Its
 * leases, coordinator state and worker metrics live in the emulator's DynamoDB, its metrics go to the emulator's
 * CloudWatch. Each test waits out the KCL's own start-up: with an empty lease table a worker waits a random 1 to
 * 30 s for another worker to create the leases before it does so itself.
 */
@KinesisTest(backend = Backend.EMBEDDED)
class OrderTotalsKclTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ORDERS = 10_000;
    private static final Duration KCL_START_AND_READ = Duration.ofSeconds(90);

    static RecordSchema orders() {
        return record(field("order_id", sequence()), field("customer_id", integers(1, 200)),
                field("amount", decimals("1.00", "500.00"))).partitionKeyField("customer_id");
    }

    private static String application() {
        return "order-totals-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void theKclApplication_totalsEveryOrder_inSequenceOrderPerShard_andCheckpoints(
            @KinesisGenerator(stream = "orders", shards = 4, schema = "orders", records = ORDERS, seed = "21")
            RunningGenerator generator, AwsEndpoint aws) throws Exception {
        generator.awaitCompletion(Duration.ofSeconds(60));
        String application = application();
        OrderTotals totals = new OrderTotals();
        Map<String, String> checkpoints = new HashMap<>();
        try (KclWorker worker = new KclWorker(aws, "orders", application, "worker-1", totals)) {
            await().atMost(KCL_START_AND_READ).until(() -> totals.recordsProcessed() >= ORDERS);
            worker.stop();
            for (Map<String, AttributeValue> item : worker.dynamoDb().scan(b -> b.tableName(application)).join()
                    .items()) {
                if (item.containsKey("checkpoint")) { // KCL 3 keeps its leader lock and worker metrics here too
                    checkpoints.put(item.get("leaseKey").s(), item.get("checkpoint").s());
                }
            }
        }
        // every order once, each shard's records in increasing sequence order
        assertThat(totals.recordsProcessed()).isEqualTo(ORDERS);
        assertThat(totals.positionsByShard()).hasSize(4);
        for (List<OrderTotals.Position> positions : totals.positionsByShard().values()) {
            assertThat(positions).isSorted().doesNotHaveDuplicates();
        }
        assertThat(totals.byCustomer()).isEqualTo(expectedTotals(21, ORDERS));
        // the KCL's checkpoints are in its lease table: each shard at its last sequence number
        assertThat(checkpoints).hasSize(4);
        totals.positionsByShard().forEach((shard, positions) -> assertThat(checkpoints).containsEntry(shard,
                positions.get(positions.size() - 1).sequenceNumber().toString()));
    }

    /** The KCL's default retrieval, enhanced fan-out: it registers a consumer and subscribes to each shard. */
    @Test
    void withEnhancedFanOut_theKclsDefault_everyOrderArrivesInOrder(
            @KinesisGenerator(stream = "fanout-orders", shards = 4, schema = "orders", records = ORDERS, seed = "3")
            RunningGenerator generator, AwsEndpoint aws, KinesisClient kinesis) throws Exception {
        generator.awaitCompletion(Duration.ofSeconds(60));
        String application = application();
        OrderTotals totals = new OrderTotals();
        try (KclWorker worker = new KclWorker(aws, "fanout-orders", application, "worker-1", totals,
                KclWorker.Retrieval.FAN_OUT)) {
            await().atMost(KCL_START_AND_READ).until(() -> totals.recordsProcessed() >= ORDERS);
        }
        assertThat(totals.recordsProcessed()).isEqualTo(ORDERS);
        for (List<OrderTotals.Position> positions : totals.positionsByShard().values()) {
            assertThat(positions).isSorted().doesNotHaveDuplicates();
        }
        assertThat(totals.byCustomer()).isEqualTo(expectedTotals(3, ORDERS));
        String streamArn = kinesis.describeStreamSummary(b -> b.streamName("fanout-orders"))
                .streamDescriptionSummary().streamARN();
        assertThat(kinesis.listStreamConsumers(b -> b.streamARN(streamArn)).consumers())
                .extracting(c -> c.consumerName()).containsExactly(application);
    }

    /** kdg4j's KPL-aggregating sink packs the orders; the KCL unpacks every one of them. */
    @Test
    void aggregatedRecords_areDeaggregatedByTheKcl(AwsEndpoint aws, KinesisClient kinesis) throws Exception {
        Provisioning.ensureStream(kinesis, "aggregated-orders", 2, Duration.ofSeconds(30));
        RunSummary sent;
        try (KinesisSink sink = KinesisSink.builder(aws, "aggregated-orders").aggregation().build()) {
            sent = Generator.from(orders()).seed(5).limit(5_000).to(sink).start()
                    .awaitCompletion(Duration.ofSeconds(60));
        }
        assertThat(sent.acked()).isEqualTo(5_000);
        OrderTotals totals = new OrderTotals();
        try (KclWorker worker = new KclWorker(aws, "aggregated-orders", application(), "worker-1", totals)) {
            await().atMost(KCL_START_AND_READ).until(() -> totals.recordsProcessed() >= 5_000);
        }
        assertThat(totals.recordsProcessed()).isEqualTo(5_000);
        assertThat(totals.byCustomer()).isEqualTo(expectedTotals(5, 5_000));
        Set<Long> subSequences = new HashSet<>();
        totals.positionsByShard().values().forEach(p -> p.forEach(x -> subSequences.add(x.subSequenceNumber())));
        assertThat(subSequences).as("user records inside aggregates").hasSizeGreaterThan(1);
    }

    /**
     * Two workers: the first reads the orders there are, a second joins, then the first shuts down and the second
     * takes over its leases and reads the orders sent after that. Every order is seen. A shard's records are seen
     * twice only where its lease moved: the second worker resumes at the first one's last checkpoint, so what it
     * reads again is exactly what the first read after that checkpoint (at-least-once, as the KCL promises).
     */
    @Test
    void aSecondWorker_takesOverTheLeases_whenTheFirstShutsDown(
            @KinesisGenerator(stream = "handover", shards = 4, schema = "orders", records = 2_000, seed = "8")
            RunningGenerator firstOrders, AwsEndpoint aws) throws Exception {
        firstOrders.awaitCompletion(Duration.ofSeconds(60));
        String application = application();
        OrderTotals first = new OrderTotals();
        OrderTotals second = new OrderTotals();
        // the second worker starts once the first is reading: KCL 3 workers that start at the same instant race
        // to write the application's first coordinator state, and the loser fails its start-up (on AWS too)
        try (KclWorker one = new KclWorker(aws, "handover", application, "worker-1", first)) {
            await().atMost(KCL_START_AND_READ).until(() -> first.recordsProcessed() >= 2_000);
            try (KclWorker two = new KclWorker(aws, "handover", application, "worker-2", second)) {
                one.stop();
                try (KinesisSink sink = KinesisSink.builder(aws, "handover").build()) {
                    RunSummary more = Generator.from(orders()).seed(9).limit(ORDERS - 2_000).to(sink).start()
                            .awaitCompletion(Duration.ofSeconds(60));
                    assertThat(more.acked()).isEqualTo(ORDERS - 2_000);
                }
                await().atMost(KCL_START_AND_READ).until(() -> distinct(first, second).size() >= ORDERS);
            }
        }
        assertThat(distinct(first, second)).hasSize(ORDERS);
        assertThat(second.positionsByShard()).as("the second worker ends with every shard").hasSize(4);
        for (String shard : second.positionsByShard().keySet()) {
            List<OrderTotals.Position> before = first.positionsByShard().getOrDefault(shard, List.of());
            List<OrderTotals.Position> after = second.positionsByShard().get(shard);
            assertThat(after).isSorted().doesNotHaveDuplicates();
            List<OrderTotals.Position> readAgain = before.stream().filter(p -> p.compareTo(after.get(0)) >= 0)
                    .toList();
            assertThat(after.subList(0, readAgain.size())).as("shard %s: read again after the handover", shard)
                    .isEqualTo(readAgain);
        }
    }

    private static Set<OrderTotals.Position> distinct(OrderTotals... workers) {
        Set<OrderTotals.Position> all = new HashSet<>();
        for (OrderTotals worker : workers) {
            worker.positionsByShard().values().forEach(all::addAll);
        }
        return all;
    }

    /** The totals the consumer must reach: computed from the same seeded records the generator sent. */
    private static Map<String, BigDecimal> expectedTotals(long seed, int count) throws Exception {
        Map<String, BigDecimal> totals = new HashMap<>();
        for (GeneratedRecord order : (Iterable<GeneratedRecord>) Records.from(orders()).seed(seed).stream(count)
                ::iterator) {
            JsonNode json = JSON.readTree(order.text());
            totals.merge(json.get("customer_id").asText(), new BigDecimal(json.get("amount").asText()),
                    BigDecimal::add);
        }
        return totals;
    }
}
