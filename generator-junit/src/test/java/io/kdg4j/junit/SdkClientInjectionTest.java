package io.kdg4j.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** Any AWS SDK client a test asks for is built for the class's backend, once, and shared by its tests. */
@KinesisTest(backend = Backend.EMBEDDED)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SdkClientInjectionTest {
    @Test
    @Order(1)
    void dynamoDbAndCloudWatchClients_areInjected_onTheBackend(DynamoDbClient dynamoDb, DynamoDbAsyncClient async,
                                                                CloudWatchAsyncClient cloudWatch) {
        dynamoDb.createTable(b -> b.tableName("injected").billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S)));
        dynamoDb.putItem(b -> b.tableName("injected").item(Map.of("id", AttributeValue.fromS("a"))));
        assertThat(async.getItem(b -> b.tableName("injected").key(Map.of("id", AttributeValue.fromS("a")))).join()
                .item()).containsEntry("id", AttributeValue.fromS("a"));
        cloudWatch.putMetricData(b -> b.namespace("test").metricData(d -> d.metricName("m").value(1.0))).join();
    }

    /** After the first test: the same backend (and client) still holds the first test's table. */
    @Test
    @Order(2)
    void theSameClient_servesEveryTestOfTheClass(DynamoDbClient dynamoDb) {
        assertThat(dynamoDb.listTables().tableNames()).contains("injected");
    }
}
