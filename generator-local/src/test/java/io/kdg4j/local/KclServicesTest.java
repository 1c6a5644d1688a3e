package io.kdg4j.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The services a KCL application calls besides Kinesis, through the AWS SDK for Java that kdg4j ships (2.57):
 * DynamoDB over JSON 1.0 (sync and async clients, the waiter, the typed exceptions the KCL catches) and
 * CloudWatch's PutMetricData over the RPC v2 CBOR protocol this SDK speaks.
 */
class KclServicesTest {
    private static LocalEmulator local;
    private static DynamoDbClient dynamoDb;

    @BeforeAll
    static void start() {
        local = LocalEmulator.start();
        dynamoDb = DynamoDbClient.builder().endpointOverride(local.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(Clients.credentials()).build();
    }

    @AfterAll
    static void stop() {
        dynamoDb.close();
        local.close();
    }

    @Test
    void dynamoDb_throughTheSdk_createsWaitsWritesAndRefuses_asTheKclExpects() {
        dynamoDb.createTable(b -> b.tableName("sdk-leases").billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(k -> k.attributeName("leaseKey").keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName("leaseKey").attributeType(ScalarAttributeType.S)));
        assertThat(dynamoDb.waiter().waitUntilTableExists(b -> b.tableName("sdk-leases")).matched().response())
                .hasValueSatisfying(r -> assertThat(r.table().tableStatusAsString()).isEqualTo("ACTIVE"));

        Map<String, AttributeValue> lease = Map.of("leaseKey", AttributeValue.fromS("shard-0"),
                "leaseCounter", AttributeValue.fromN("3"));
        dynamoDb.putItem(b -> b.tableName("sdk-leases").item(lease).conditionExpression(
                "attribute_not_exists(leaseKey)"));
        assertThatThrownBy(() -> dynamoDb.putItem(b -> b.tableName("sdk-leases").item(lease).conditionExpression(
                "attribute_not_exists(leaseKey)").returnValuesOnConditionCheckFailure(
                ReturnValuesOnConditionCheckFailure.ALL_OLD)))
                .isInstanceOfSatisfying(ConditionalCheckFailedException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.item()).containsEntry("leaseCounter", AttributeValue.fromN("3"));
                });
        assertThatThrownBy(() -> dynamoDb.transactWriteItems(b -> b.transactItems(
                t -> t.put(p -> p.tableName("sdk-leases").item(Map.of("leaseKey", AttributeValue.fromS("x")))),
                t -> t.conditionCheck(c -> c.tableName("sdk-leases").key(Map.of("leaseKey",
                        AttributeValue.fromS("shard-0"))).conditionExpression("leaseCounter > :n")
                        .expressionAttributeValues(Map.of(":n", AttributeValue.fromN("5")))))))
                .isInstanceOfSatisfying(TransactionCanceledException.class, e -> assertThat(e.cancellationReasons())
                        .extracting(r -> r.code()).containsExactly("None", "ConditionalCheckFailed"));

        try (DynamoDbAsyncClient async = DynamoDbAsyncClient.builder().endpointOverride(local.endpoint())
                .region(Region.US_EAST_1).credentialsProvider(Clients.credentials()).build()) {
            assertThat(async.getItem(b -> b.tableName("sdk-leases").key(Map.of("leaseKey",
                    AttributeValue.fromS("shard-0"))).consistentRead(true)).join().item()).isEqualTo(lease);
            assertThat(async.scan(b -> b.tableName("sdk-leases")).join().count()).isEqualTo(1);
        }
    }

    @Test
    void cloudWatch_putMetricData_isAcceptedAndCounted_fromTheSyncAndAsyncClients() {
        long before = local.cloudWatchDatums();
        MetricDatum datum = MetricDatum.builder().metricName("RecordsProcessed").value(42.0)
                .unit(StandardUnit.COUNT).timestamp(Instant.now()).build();
        try (CloudWatchClient cloudWatch = CloudWatchClient.builder().endpointOverride(local.endpoint())
                .region(Region.US_EAST_1).credentialsProvider(Clients.credentials()).build();
             CloudWatchAsyncClient async = CloudWatchAsyncClient.builder().endpointOverride(local.endpoint())
                     .region(Region.US_EAST_1).credentialsProvider(Clients.credentials()).build()) {
            cloudWatch.putMetricData(b -> b.namespace("KinesisClientLibrary").metricData(datum, datum));
            async.putMetricData(b -> b.namespace("KinesisClientLibrary").metricData(datum)).join();
        }
        assertThat(local.cloudWatchDatums() - before).isEqualTo(3);
    }
}
