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
import io.kdg4j.core.GeneratedRecord;
import io.kdg4j.core.RecordSchema;
import io.kdg4j.core.Records;
import io.kdg4j.junit.Backend;
import io.kdg4j.junit.KinesisGenerator;
import io.kdg4j.junit.KinesisTest;
import io.kdg4j.junit.RunningGenerator;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;
import software.amazon.kinesis.common.ConfigsBuilder;
import software.amazon.kinesis.common.InitialPositionInStream;
import software.amazon.kinesis.common.InitialPositionInStreamExtended;
import software.amazon.kinesis.coordinator.Scheduler;
import software.amazon.kinesis.processor.SingleStreamTracker;
import software.amazon.kinesis.retrieval.polling.PollingConfig;

/**
 * A KCL 3 application, unchanged, reading 10,000 generated orders from 4 shards of the embedded backend: no
 * Docker, no AWS. Its leases, coordinator state and worker metrics live in the emulator's DynamoDB, its metrics go
 * to the emulator's CloudWatch.
 */
@KinesisTest(backend = Backend.EMBEDDED)
class OrderTotalsKclTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ORDERS = 10_000;

    static RecordSchema orders() {
        return record(field("order_id", sequence()), field("customer_id", integers(1, 200)),
                field("amount", decimals("1.00", "500.00"))).partitionKeyField("customer_id");
    }

    @KinesisGenerator(stream = "orders", shards = 4, schema = "orders", records = ORDERS, seed = "21")
    RunningGenerator generator;

    @Test
    void theKclApplication_totalsEveryOrder_inSequenceOrderPerShard_andCheckpoints(AwsEndpoint aws) throws Exception {
        generator.awaitCompletion(Duration.ofSeconds(60));
        String application = "order-totals-" + UUID.randomUUID().toString().substring(0, 8);
        OrderTotals totals = new OrderTotals();
        try (KinesisAsyncClient kinesis = aws.configure(KinesisAsyncClient.builder()).build();
             DynamoDbAsyncClient dynamoDb = aws.configure(DynamoDbAsyncClient.builder()).build();
             CloudWatchAsyncClient cloudWatch = aws.configure(CloudWatchAsyncClient.builder()).build()) {
            ConfigsBuilder configs = new ConfigsBuilder(new SingleStreamTracker("orders",
                    InitialPositionInStreamExtended.newInitialPosition(InitialPositionInStream.TRIM_HORIZON)),
                    application, kinesis, dynamoDb, cloudWatch, "worker-1", () -> new OrderTotalsProcessor(totals));
            // the KCL's defaults suit production: it idles 60 s after its first shard sync and assigns leases in
            // rounds of twice the failover time (20 s); a test shortens both
            Scheduler scheduler = new Scheduler(configs.checkpointConfig(), configs.coordinatorConfig(),
                    configs.leaseManagementConfig().shardSyncIntervalMillis(1_000).failoverTimeMillis(2_000),
                    configs.lifecycleConfig(), configs.metricsConfig(),
                    configs.processorConfig(), configs.retrievalConfig()
                    .retrievalSpecificConfig(new PollingConfig("orders", kinesis)));
            Thread worker = new Thread(scheduler, "kcl-worker-1");
            worker.setDaemon(true);
            worker.start();

            await().atMost(Duration.ofSeconds(90)).until(() -> totals.recordsProcessed() >= ORDERS);
            scheduler.startGracefulShutdown().get(30, TimeUnit.SECONDS);

            // every order once, each shard's records in increasing sequence order
            assertThat(totals.recordsProcessed()).isEqualTo(ORDERS);
            assertThat(totals.sequenceNumbersByShard()).hasSize(4);
            for (List<String> sequence : totals.sequenceNumbersByShard().values()) {
                assertThat(sequence.stream().map(BigInteger::new).toList()).isSorted().doesNotHaveDuplicates();
            }
            assertThat(totals.byCustomer()).isEqualTo(expectedTotals());

            // the KCL's checkpoints are in its lease table: each shard at its last sequence number
            Map<String, String> checkpoints = new HashMap<>();
            for (Map<String, AttributeValue> item : dynamoDb.scan(b -> b.tableName(application)).join().items()) {
                if (item.containsKey("checkpoint")) { // KCL 3 keeps its leader lock and worker metrics here too
                    checkpoints.put(item.get("leaseKey").s(), item.get("checkpoint").s());
                }
            }
            assertThat(checkpoints).hasSize(4);
            totals.sequenceNumbersByShard().forEach((shard, sequence) ->
                    assertThat(checkpoints).containsEntry(shard, sequence.get(sequence.size() - 1)));
        }
    }

    /** The totals the consumer must reach: computed from the same seeded records the generator sent. */
    private static Map<String, BigDecimal> expectedTotals() throws Exception {
        Map<String, BigDecimal> totals = new HashMap<>();
        for (GeneratedRecord order : (Iterable<GeneratedRecord>) Records.from(orders()).seed(21).stream(ORDERS)
                ::iterator) {
            JsonNode json = JSON.readTree(order.text());
            totals.merge(json.get("customer_id").asText(), new BigDecimal(json.get("amount").asText()),
                    BigDecimal::add);
        }
        return totals;
    }
}
