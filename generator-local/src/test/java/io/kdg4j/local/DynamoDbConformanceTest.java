package io.kdg4j.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The DynamoDB subset the KCL uses, sent request for request to the emulator and to dynalite (an independent
 * implementation, from npm; {@code .ci/run} starts it and sets {@code KDG4J_DYNALITE_ENDPOINT}), and the answers
 * compared: HTTP status, error type, items, counts and pages. Skipped without dynalite, failed in CI.
 *
 * <p>Where the two legitimately differ the test says so: Scan order (both order partitions by an internal hash)
 * and messages are not compared. Where dynalite and AWS's documentation disagree, the emulator follows AWS and the
 * test checks it against the documentation instead: dynalite (4.0.0) has no TransactWriteItems, cannot add an index
 * with UpdateTable and wants throughput for one on an on-demand table (AWS refuses it there), and returns no Item with
 * ReturnValuesOnConditionCheckFailure=ALL_OLD (AWS returns the item as it was).
 */
class DynamoDbConformanceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static LocalEmulator local;
    private static URI emulator;
    private static URI dynalite;
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    static void start() {
        String peer = System.getenv("KDG4J_DYNALITE_ENDPOINT");
        if (peer == null && "true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("CI must run the DynamoDB conformance suite, but KDG4J_DYNALITE_ENDPOINT is not set");
        }
        assumeTrue(peer != null, "no dynalite (KDG4J_DYNALITE_ENDPOINT); skipped");
        dynalite = URI.create(peer);
        local = LocalEmulator.start();
        emulator = local.endpoint();
    }

    @AfterAll
    static void stop() {
        if (local != null) {
            local.close();
        }
    }

    /** One answer: HTTP status and body. */
    record Answer(int status, JsonNode body) {
        String errorType() {
            String type = body.path("__type").asText("");
            return type.substring(type.indexOf('#') + 1);
        }
    }

    private static Answer call(URI endpoint, String operation, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amz-Target", "DynamoDB_20120810." + operation)
                .header("X-Amz-Date", "20260101T000000Z")
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/dynamodb/aws4_request, "
                        + "SignedHeaders=host;x-amz-date;x-amz-target, Signature=0")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body().isEmpty() ? JSON.createObjectNode()
                : JSON.readTree(response.body()));
    }

    /** The same request to both; status and error type must agree. Returns {emulator, dynalite}. */
    private static Answer[] both(String operation, String body) throws Exception {
        Answer ours = call(emulator, operation, body);
        Answer theirs = call(dynalite, operation, body);
        assertThat(ours.status()).as("%s %s: status (ours %s, dynalite %s)", operation, body, ours.body(),
                theirs.body()).isEqualTo(theirs.status());
        assertThat(ours.errorType()).as("%s %s: error type (ours %s, dynalite %s)", operation, body, ours.body(),
                theirs.body()).isEqualTo(theirs.errorType());
        return new Answer[] {ours, theirs};
    }

    /** Both answer the same body, field for field. */
    private static void same(String operation, String body) throws Exception {
        Answer[] answers = both(operation, body);
        assertThat(answers[0].body()).as("%s %s", operation, body).isEqualTo(answers[1].body());
    }

    private static void sameError(String operation, String body, String type) throws Exception {
        Answer[] answers = both(operation, body);
        assertThat(answers[0].errorType()).as("%s %s", operation, body).isEqualTo(type);
    }

    private static void awaitActive(String table) {
        for (URI endpoint : List.of(emulator, dynalite)) {
            Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(() -> {
                JsonNode t = call(endpoint, "DescribeTable", "{\"TableName\":\"" + table + "\"}").body().path("Table");
                boolean indexesActive = true;
                for (JsonNode index : t.path("GlobalSecondaryIndexes")) {
                    indexesActive &= index.path("IndexStatus").asText().equals("ACTIVE");
                }
                return t.path("TableStatus").asText().equals("ACTIVE") && indexesActive;
            });
        }
    }

    private String leases() throws Exception {
        String table = "leases-" + suffix;
        Answer[] created = both("CreateTable", "{\"TableName\":\"" + table + "\",\"KeySchema\":[{\"AttributeName\":"
                + "\"leaseKey\",\"KeyType\":\"HASH\"}],\"AttributeDefinitions\":[{\"AttributeName\":\"leaseKey\","
                + "\"AttributeType\":\"S\"}],\"BillingMode\":\"PAY_PER_REQUEST\"}");
        for (Answer answer : created) {
            JsonNode d = answer.body().path("TableDescription");
            assertThat(d.path("TableStatus").asText()).isEqualTo("CREATING");
            assertThat(d.path("KeySchema")).isEqualTo(created[1].body().path("TableDescription").path("KeySchema"));
            assertThat(d.path("BillingModeSummary").path("BillingMode").asText()).isEqualTo("PAY_PER_REQUEST");
        }
        awaitActive(table);
        return table;
    }

    @Test
    void tables_createDescribeListDelete_andTheirErrors() throws Exception {
        String table = leases();
        Answer[] described = both("DescribeTable", "{\"TableName\":\"" + table + "\"}");
        for (String field : List.of("TableName", "KeySchema", "AttributeDefinitions", "TableStatus", "ItemCount",
                "TableSizeBytes")) {
            assertThat(described[0].body().path("Table").path(field)).as(field)
                    .isEqualTo(described[1].body().path("Table").path(field));
        }
        sameError("CreateTable", "{\"TableName\":\"" + table + "\",\"KeySchema\":[{\"AttributeName\":\"leaseKey\","
                + "\"KeyType\":\"HASH\"}],\"AttributeDefinitions\":[{\"AttributeName\":\"leaseKey\",\"AttributeType\":"
                + "\"S\"}],\"BillingMode\":\"PAY_PER_REQUEST\"}", "ResourceInUseException");
        sameError("DescribeTable", "{\"TableName\":\"missing-" + suffix + "\"}", "ResourceNotFoundException");
        sameError("GetItem", "{\"TableName\":\"missing-" + suffix + "\",\"Key\":{\"leaseKey\":{\"S\":\"a\"}}}",
                "ResourceNotFoundException");
        sameError("CreateTable", "{\"TableName\":\"bad-" + suffix + "\",\"KeySchema\":[{\"AttributeName\":\"k\","
                + "\"KeyType\":\"HASH\"}],\"AttributeDefinitions\":[{\"AttributeName\":\"other\",\"AttributeType\":"
                + "\"S\"}],\"BillingMode\":\"PAY_PER_REQUEST\"}", "ValidationException");
        Answer[] listed = both("ListTables", "{}");
        for (Answer answer : listed) {
            List<String> names = new ArrayList<>();
            answer.body().path("TableNames").forEach(n -> names.add(n.asText()));
            assertThat(names).contains(table);
        }
        Answer[] deleted = both("DeleteTable", "{\"TableName\":\"" + table + "\"}");
        assertThat(deleted[0].body().path("TableDescription").path("TableName").asText()).isEqualTo(table);
    }

    /** What the KCL's lease code sends: Expected/AttributeUpdates, conditions, ReturnValues, ALL_OLD on failure. */
    @Test
    void leaseWrites_theLegacyAndExpressionForms_answerAlike() throws Exception {
        String t = leases();
        String lease = "{\"leaseKey\":{\"S\":\"shardId-000000000000\"},\"leaseCounter\":{\"N\":\"0\"},"
                + "\"checkpoint\":{\"S\":\"TRIM_HORIZON\"},\"ownerSwitchesSinceCheckpoint\":{\"N\":\"0\"},"
                + "\"parentShardId\":{\"SS\":[\"shardId-1\",\"shardId-2\"]}}";
        same("PutItem", "{\"TableName\":\"" + t + "\",\"Item\":" + lease + ",\"Expected\":{\"leaseKey\":"
                + "{\"Exists\":false}}}");
        sameError("PutItem", "{\"TableName\":\"" + t + "\",\"Item\":" + lease + ",\"Expected\":{\"leaseKey\":"
                + "{\"Exists\":false}}}", "ConditionalCheckFailedException");
        sameError("PutItem", "{\"TableName\":\"" + t + "\",\"Item\":" + lease + ",\"ConditionExpression\":"
                + "\"attribute_not_exists(leaseKey)\"}", "ConditionalCheckFailedException");
        // take the lease: counter 0 -> 1, owner set, ALL_NEW
        same("UpdateItem", "{\"TableName\":\"" + t + "\",\"Key\":{\"leaseKey\":{\"S\":\"shardId-000000000000\"}},"
                + "\"Expected\":{\"leaseCounter\":{\"Value\":{\"N\":\"0\"}}},\"AttributeUpdates\":{\"leaseCounter\":"
                + "{\"Action\":\"ADD\",\"Value\":{\"N\":\"1\"}},\"leaseOwner\":{\"Action\":\"PUT\",\"Value\":"
                + "{\"S\":\"worker-1\"}},\"ownerSwitchesSinceCheckpoint\":{\"Action\":\"ADD\",\"Value\":{\"N\":\"1\"}}}"
                + ",\"ReturnValues\":\"ALL_NEW\"}");
        // a stale counter fails, and with ALL_OLD the failure carries the item as it is (AWS's documented answer;
        // dynalite leaves the item out)
        Answer[] stale = both("UpdateItem", "{\"TableName\":\"" + t + "\",\"Key\":{\"leaseKey\":{\"S\":"
                + "\"shardId-000000000000\"}},\"Expected\":{\"leaseCounter\":{\"Value\":{\"N\":\"0\"}}},"
                + "\"AttributeUpdates\":{\"leaseCounter\":{\"Action\":\"ADD\",\"Value\":{\"N\":\"1\"}}},"
                + "\"ReturnValuesOnConditionCheckFailure\":\"ALL_OLD\"}");
        assertThat(stale[0].errorType()).isEqualTo("ConditionalCheckFailedException");
        assertThat(stale[0].body().path("Item")).isEqualTo(call(dynalite, "GetItem", "{\"TableName\":\"" + t
                + "\",\"Key\":{\"leaseKey\":{\"S\":\"shardId-000000000000\"}}}").body().path("Item"));
        // checkpoint with an update expression and a condition, UPDATED_NEW
        same("UpdateItem", "{\"TableName\":\"" + t + "\",\"Key\":{\"leaseKey\":{\"S\":\"shardId-000000000000\"}},"
                + "\"UpdateExpression\":\"SET #cp = :cp, pendingCheckpoint = :p REMOVE ownerSwitchesSinceCheckpoint "
                + "ADD leaseCounter :one\",\"ConditionExpression\":\"attribute_exists(leaseKey) AND leaseOwner = :owner"
                + " AND leaseCounter = :counter\",\"ExpressionAttributeNames\":{\"#cp\":\"checkpoint\"},"
                + "\"ExpressionAttributeValues\":{\":cp\":{\"S\":\"49590338271490256608559692538361571095921575989136588898\"},"
                + "\":p\":{\"S\":\"x\"},\":one\":{\"N\":\"1\"},\":owner\":{\"S\":\"worker-1\"},\":counter\":{\"N\":\"1\"}},"
                + "\"ReturnValues\":\"UPDATED_NEW\"}");
        same("GetItem", "{\"TableName\":\"" + t + "\",\"Key\":{\"leaseKey\":{\"S\":\"shardId-000000000000\"}},"
                + "\"ConsistentRead\":true}");
        same("GetItem", "{\"TableName\":\"" + t + "\",\"Key\":{\"leaseKey\":{\"S\":\"shardId-000000000000\"}},"
                + "\"ProjectionExpression\":\"#o, leaseCounter, parentShardId\",\"ExpressionAttributeNames\":{\"#o\":"
                + "\"leaseOwner\"}}");
        same("GetItem", "{\"TableName\":\"" + t + "\",\"Key\":{\"leaseKey\":{\"S\":\"nothing\"}}}");
        // numbers come back as DynamoDB keeps them
        same("UpdateItem", "{\"TableName\":\"" + t + "\",\"Key\":{\"leaseKey\":{\"S\":\"n\"}},\"UpdateExpression\":"
                + "\"SET a = :a, b = :b, c = if_not_exists(c, :a) + :b, l = list_append(:l, :l)\","
                + "\"ExpressionAttributeValues\":{\":a\":{\"N\":\"1.50\"},\":b\":{\"N\":\"2E+2\"},\":l\":{\"L\":"
                + "[{\"N\":\"1\"}]}},\"ReturnValues\":\"ALL_NEW\"}");
        // release: a DELETE action, then a conditional delete returning the old item
        same("UpdateItem", "{\"TableName\":\"" + t + "\",\"Key\":{\"leaseKey\":{\"S\":\"shardId-000000000000\"}},"
                + "\"AttributeUpdates\":{\"leaseOwner\":{\"Action\":\"DELETE\"},\"parentShardId\":{\"Action\":"
                + "\"DELETE\",\"Value\":{\"SS\":[\"shardId-1\"]}}},\"ReturnValues\":\"ALL_NEW\"}");
        sameError("DeleteItem", "{\"TableName\":\"" + t + "\",\"Key\":{\"leaseKey\":{\"S\":\"shardId-000000000000\"}},"
                + "\"ConditionExpression\":\"attribute_exists(leaseOwner)\"}", "ConditionalCheckFailedException");
        same("DeleteItem", "{\"TableName\":\"" + t + "\",\"Key\":{\"leaseKey\":{\"S\":\"shardId-000000000000\"}},"
                + "\"ConditionExpression\":\"attribute_not_exists(leaseOwner) OR NOT (leaseCounter < :c)\","
                + "\"ExpressionAttributeValues\":{\":c\":{\"N\":\"1\"}},\"ReturnValues\":\"ALL_OLD\"}");
    }

    @Test
    void badRequests_areValidationErrors_inBoth() throws Exception {
        String t = leases();
        String[] bodies = {
            // a placeholder no expression uses
            "{\"TableName\":\"" + t + "\",\"Item\":{\"leaseKey\":{\"S\":\"a\"}},\"ConditionExpression\":"
                + "\"attribute_not_exists(leaseKey)\",\"ExpressionAttributeValues\":{\":unused\":{\"S\":\"x\"}}}",
            // an undefined placeholder
            "{\"TableName\":\"" + t + "\",\"Item\":{\"leaseKey\":{\"S\":\"a\"}},\"ConditionExpression\":"
                + "\"attribute_not_exists(#missing)\"}",
            // the key missing, and of the wrong type
            "{\"TableName\":\"" + t + "\",\"Item\":{\"other\":{\"S\":\"a\"}}}",
            "{\"TableName\":\"" + t + "\",\"Item\":{\"leaseKey\":{\"N\":\"1\"}}}",
            // both forms of a condition at once
            "{\"TableName\":\"" + t + "\",\"Item\":{\"leaseKey\":{\"S\":\"a\"}},\"ConditionExpression\":"
                + "\"attribute_not_exists(leaseKey)\",\"Expected\":{\"leaseKey\":{\"Exists\":false}}}",
            // a syntax error, an empty set
            "{\"TableName\":\"" + t + "\",\"Item\":{\"leaseKey\":{\"S\":\"a\"}},\"ConditionExpression\":"
                + "\"leaseKey = = x\"}",
            "{\"TableName\":\"" + t + "\",\"Item\":{\"leaseKey\":{\"S\":\"a\"},\"s\":{\"SS\":[]}}}",
        };
        for (String body : bodies) {
            sameError("PutItem", body, "ValidationException");
        }
        sameError("UpdateItem", "{\"TableName\":\"" + t + "\",\"Key\":{\"leaseKey\":{\"S\":\"a\"}},"
                + "\"UpdateExpression\":\"SET leaseKey = :v\",\"ExpressionAttributeValues\":{\":v\":{\"S\":\"b\"}}}",
                "ValidationException");
        sameError("UpdateItem", "{\"TableName\":\"" + t + "\",\"Key\":{\"leaseKey\":{\"S\":\"a\"}},"
                + "\"UpdateExpression\":\"SET a = :v REMOVE a\",\"ExpressionAttributeValues\":{\":v\":{\"S\":\"b\"}}}",
                "ValidationException");
        sameError("GetItem", "{\"TableName\":\"" + t + "\",\"Key\":{\"leaseKey\":{\"S\":\"a\"},\"extra\":{\"S\":"
                + "\"b\"}}}", "ValidationException");
    }

    /** Every item once over the pages of a Limit-2 scan, and over three parallel segments; filters agree. */
    @Test
    void scans_pageAndSplitIntoSegments_andFilter() throws Exception {
        String t = leases();
        for (int i = 0; i < 7; i++) {
            same("PutItem", "{\"TableName\":\"" + t + "\",\"Item\":{\"leaseKey\":{\"S\":\"shard-" + i + "\"},"
                    + "\"leaseOwner\":{\"S\":\"worker-" + (i % 2) + "\"},\"leaseCounter\":{\"N\":\"" + i + "\"}}}");
        }
        for (URI endpoint : List.of(emulator, dynalite)) {
            Set<String> seen = new HashSet<>();
            JsonNode start = null;
            int pages = 0;
            do {
                ObjectNode request = JSON.createObjectNode().put("TableName", t).put("Limit", 2);
                if (start != null) {
                    request.set("ExclusiveStartKey", start);
                }
                JsonNode page = call(endpoint, "Scan", request.toString()).body();
                assertThat(page.path("ScannedCount").asInt()).isLessThanOrEqualTo(2);
                page.path("Items").forEach(item -> assertThat(seen.add(item.path("leaseKey").path("S").asText()))
                        .isTrue());
                start = page.get("LastEvaluatedKey");
                pages++;
            } while (start != null && pages < 10);
            assertThat(seen).as("%s", endpoint).hasSize(7);
            Set<String> bySegment = new HashSet<>();
            for (int segment = 0; segment < 3; segment++) {
                JsonNode page = call(endpoint, "Scan", "{\"TableName\":\"" + t + "\",\"Segment\":" + segment
                        + ",\"TotalSegments\":3}").body();
                page.path("Items").forEach(item -> assertThat(bySegment.add(item.path("leaseKey").path("S").asText()))
                        .isTrue());
            }
            assertThat(bySegment).hasSize(7);
        }
        Answer[] filtered = both("Scan", "{\"TableName\":\"" + t + "\",\"FilterExpression\":\"#o = :o AND "
                + "leaseCounter BETWEEN :lo AND :hi\",\"ExpressionAttributeNames\":{\"#o\":\"leaseOwner\"},"
                + "\"ExpressionAttributeValues\":{\":o\":{\"S\":\"worker-1\"},\":lo\":{\"N\":\"2\"},\":hi\":{\"N\":"
                + "\"6\"}},\"ConsistentRead\":true}");
        assertThat(itemSet(filtered[0].body())).isEqualTo(itemSet(filtered[1].body())).hasSize(2);
        assertThat(filtered[0].body().path("ScannedCount")).isEqualTo(filtered[1].body().path("ScannedCount"));
        Answer[] counted = both("Scan", "{\"TableName\":\"" + t + "\",\"Select\":\"COUNT\",\"FilterExpression\":"
                + "\"begins_with(leaseKey, :p) AND contains(leaseOwner, :w)\",\"ExpressionAttributeValues\":{\":p\":"
                + "{\"S\":\"shard-\"},\":w\":{\"S\":\"-0\"}}}");
        assertThat(counted[0].body()).isEqualTo(counted[1].body());
    }

    private static Set<JsonNode> itemSet(JsonNode answer) {
        Set<JsonNode> items = new HashSet<>();
        answer.path("Items").forEach(items::add);
        return items;
    }

    /**
     * The KCL 3 lease-owner index: added by UpdateTable, queried by owner; and queries on a table with a sort key.
     * The index is made with the table here, as dynalite cannot add one with UpdateTable and wants throughput for
     * it; the KCL's own case, UpdateTable on an on-demand table, is
     * {@link #anIndexOfAnOnDemandTable_takesNoThroughput_asAwsSays}.
     */
    @Test
    void indexesAndQueries_answerAlike() throws Exception {
        String t = "provisioned-" + suffix;
        both("CreateTable", "{\"TableName\":\"" + t + "\",\"KeySchema\":[{\"AttributeName\":\"leaseKey\",\"KeyType\":"
                + "\"HASH\"}],\"AttributeDefinitions\":[{\"AttributeName\":\"leaseKey\",\"AttributeType\":\"S\"},"
                + "{\"AttributeName\":\"leaseOwner\",\"AttributeType\":\"S\"}],\"ProvisionedThroughput\":{"
                + "\"ReadCapacityUnits\":10,\"WriteCapacityUnits\":10},\"GlobalSecondaryIndexes\":[{\"IndexName\":"
                + "\"LeaseOwnerToLeaseKeyIndex\",\"KeySchema\":[{\"AttributeName\":\"leaseOwner\",\"KeyType\":"
                + "\"HASH\"}],\"Projection\":{\"ProjectionType\":\"KEYS_ONLY\"},\"ProvisionedThroughput\":{"
                + "\"ReadCapacityUnits\":10,\"WriteCapacityUnits\":10}}]}");
        awaitActive(t);
        for (int i = 0; i < 6; i++) {
            same("PutItem", "{\"TableName\":\"" + t + "\",\"Item\":{\"leaseKey\":{\"S\":\"shard-" + i + "\"},"
                    + "\"leaseOwner\":{\"S\":\"worker-" + (i % 3) + "\"},\"checkpoint\":{\"S\":\"c" + i + "\"}}}");
        }
        Answer[] owned = both("Query", "{\"TableName\":\"" + t + "\",\"IndexName\":\"LeaseOwnerToLeaseKeyIndex\","
                + "\"KeyConditionExpression\":\"leaseOwner = :o\",\"ExpressionAttributeValues\":{\":o\":{\"S\":"
                + "\"worker-1\"}}}");
        assertThat(itemSet(owned[0].body())).isEqualTo(itemSet(owned[1].body())).hasSize(2);

        String m = "metrics-" + suffix;
        both("CreateTable", "{\"TableName\":\"" + m + "\",\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":"
                + "\"HASH\"},{\"AttributeName\":\"sk\",\"KeyType\":\"RANGE\"}],\"AttributeDefinitions\":["
                + "{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"},{\"AttributeName\":\"sk\",\"AttributeType\":"
                + "\"N\"}],\"ProvisionedThroughput\":{\"ReadCapacityUnits\":5,\"WriteCapacityUnits\":5}}");
        awaitActive(m);
        ArrayNode writes = JSON.createArrayNode();
        for (int i = 0; i < 12; i++) {
            writes.addObject().putObject("PutRequest").set("Item", JSON.readTree("{\"pk\":{\"S\":\"w" + (i % 2)
                    + "\"},\"sk\":{\"N\":\"" + (i * 10) + "\"},\"v\":{\"N\":\"" + i + "\"}}"));
            if (writes.size() == 6) {
                same("BatchWriteItem", "{\"RequestItems\":{\"" + m + "\":" + writes + "}}");
                writes.removeAll();
            }
        }
        for (String query : List.of(
                "\"KeyConditionExpression\":\"pk = :p\",\"ExpressionAttributeValues\":{\":p\":{\"S\":\"w0\"}}",
                "\"KeyConditionExpression\":\"pk = :p AND sk BETWEEN :a AND :b\",\"ExpressionAttributeValues\":"
                        + "{\":p\":{\"S\":\"w1\"},\":a\":{\"N\":\"30\"},\":b\":{\"N\":\"90\"}},\"ScanIndexForward\":false",
                "\"KeyConditionExpression\":\"pk = :p AND sk > :a\",\"ExpressionAttributeValues\":{\":p\":{\"S\":"
                        + "\"w0\"},\":a\":{\"N\":\"20\"}},\"Limit\":2",
                "\"KeyConditionExpression\":\"pk = :p\",\"FilterExpression\":\"v IN (:x, :y)\","
                        + "\"ExpressionAttributeValues\":{\":p\":{\"S\":\"w1\"},\":x\":{\"N\":\"3\"},\":y\":{\"N\":\"7\"}}",
                "\"KeyConditionExpression\":\"pk = :p\",\"Select\":\"COUNT\",\"ExpressionAttributeValues\":{\":p\":"
                        + "{\"S\":\"nobody\"}}")) {
            same("Query", "{\"TableName\":\"" + m + "\"," + query + "}");
        }
        same("Query", "{\"TableName\":\"" + m + "\",\"KeyConditionExpression\":\"pk = :p AND sk > :a\","
                + "\"ExpressionAttributeValues\":{\":p\":{\"S\":\"w0\"},\":a\":{\"N\":\"20\"}},\"Limit\":2,"
                + "\"ExclusiveStartKey\":{\"pk\":{\"S\":\"w0\"},\"sk\":{\"N\":\"60\"}}}");
        sameError("Query", "{\"TableName\":\"" + m + "\",\"KeyConditionExpression\":\"sk > :a\","
                + "\"ExpressionAttributeValues\":{\":a\":{\"N\":\"20\"}}}", "ValidationException");
        Answer[] batch = both("BatchGetItem", "{\"RequestItems\":{\"" + m + "\":{\"Keys\":[{\"pk\":{\"S\":\"w0\"},"
                + "\"sk\":{\"N\":\"0\"}},{\"pk\":{\"S\":\"w1\"},\"sk\":{\"N\":\"110\"}},{\"pk\":{\"S\":\"w9\"},\"sk\":"
                + "{\"N\":\"1\"}}]}}}");
        assertThat(itemSet(wrap(batch[0], m))).isEqualTo(itemSet(wrap(batch[1], m))).hasSize(2);
    }

    private static JsonNode wrap(Answer answer, String table) {
        ObjectNode wrapped = JSON.createObjectNode();
        wrapped.set("Items", answer.body().path("Responses").path(table));
        return wrapped;
    }

    /** What AWS documents for an index added to an on-demand table: no throughput, and it is queryable. */
    @Test
    void anIndexOfAnOnDemandTable_takesNoThroughput_asAwsSays() throws Exception {
        String t = leases();
        call(emulator, "PutItem", "{\"TableName\":\"" + t + "\",\"Item\":{\"leaseKey\":{\"S\":\"s\"},"
                + "\"leaseOwner\":{\"S\":\"w\"}}}");
        Answer added = call(emulator, "UpdateTable", "{\"TableName\":\"" + t + "\",\"AttributeDefinitions\":[{"
                + "\"AttributeName\":\"leaseOwner\",\"AttributeType\":\"S\"}],\"GlobalSecondaryIndexUpdates\":[{"
                + "\"Create\":{\"IndexName\":\"LeaseOwnerToLeaseKeyIndex\",\"KeySchema\":[{\"AttributeName\":"
                + "\"leaseOwner\",\"KeyType\":\"HASH\"}],\"Projection\":{\"ProjectionType\":\"KEYS_ONLY\"}}}]}");
        assertThat(added.status()).as(added.body().toString()).isEqualTo(200);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> call(emulator, "DescribeTable",
                "{\"TableName\":\"" + t + "\"}").body().path("Table").path("GlobalSecondaryIndexes").path(0)
                .path("IndexStatus").asText().equals("ACTIVE"));
        JsonNode owned = call(emulator, "Query", "{\"TableName\":\"" + t + "\",\"IndexName\":"
                + "\"LeaseOwnerToLeaseKeyIndex\",\"KeyConditionExpression\":\"leaseOwner = :o\","
                + "\"ExpressionAttributeValues\":{\":o\":{\"S\":\"w\"}}}").body();
        assertThat(owned.path("Items").toString()).isEqualTo("[{\"leaseKey\":{\"S\":\"s\"},\"leaseOwner\":{\"S\":"
                + "\"w\"}}]");
        Answer refused = call(emulator, "UpdateTable", "{\"TableName\":\"" + t + "\",\"GlobalSecondaryIndexUpdates\":"
                + "[{\"Create\":{\"IndexName\":\"Other\",\"KeySchema\":[{\"AttributeName\":\"leaseOwner\","
                + "\"KeyType\":\"HASH\"}],\"Projection\":{\"ProjectionType\":\"ALL\"},\"ProvisionedThroughput\":"
                + "{\"ReadCapacityUnits\":1,\"WriteCapacityUnits\":1}}}]}");
        assertThat(refused.errorType()).isEqualTo("ValidationException");
    }

    /**
     * The coordinator state's transactions, which dynalite does not have: checked against AWS's documentation
     * (all or nothing; TransactionCanceledException with one reason per action, None for those that would have
     * succeeded).
     */
    @Test
    void transactions_writeAllOrNothing_andSayWhy() throws Exception {
        String t = leases();
        assertThat(call(dynalite, "TransactWriteItems", "{}").errorType()).as("dynalite has no transactions yet; "
                + "if it has now, compare with it").isEqualTo("UnknownOperationException");
        Answer written = call(emulator, "TransactWriteItems", "{\"TransactItems\":[{\"Put\":{\"TableName\":\"" + t + "\",\"Item\":{\"leaseKey\":"
                + "{\"S\":\"a\"},\"v\":{\"N\":\"1\"}},\"ConditionExpression\":\"attribute_not_exists(leaseKey)\"}},"
                + "{\"Update\":{\"TableName\":\"" + t + "\",\"Key\":{\"leaseKey\":{\"S\":\"b\"}},\"UpdateExpression\":"
                + "\"SET v = :v\",\"ExpressionAttributeValues\":{\":v\":{\"N\":\"2\"}}}}]}");
        assertThat(written.status()).as(written.body().toString()).isEqualTo(200);
        Answer cancelled = call(emulator, "TransactWriteItems", "{\"TransactItems\":[{\"Put\":{\"TableName\":\"" + t
                + "\",\"Item\":{\"leaseKey\":{\"S\":\"c\"}}}},{\"ConditionCheck\":{\"TableName\":\"" + t + "\",\"Key\":"
                + "{\"leaseKey\":{\"S\":\"a\"}},\"ConditionExpression\":\"v = :two\",\"ExpressionAttributeValues\":"
                + "{\":two\":{\"N\":\"2\"}}}},{\"Delete\":{\"TableName\":\"" + t + "\",\"Key\":{\"leaseKey\":{\"S\":"
                + "\"b\"}}}}]}");
        assertThat(cancelled.status()).isEqualTo(400);
        assertThat(cancelled.errorType()).isEqualTo("TransactionCanceledException");
        List<String> reasons = new ArrayList<>();
        cancelled.body().path("CancellationReasons").forEach(r -> reasons.add(r.path("Code").asText()));
        assertThat(reasons).containsExactly("None", "ConditionalCheckFailed", "None");
        assertThat(cancelled.body().path("message").asText()).isEqualTo("Transaction cancelled, please refer "
                + "cancellation reasons for specific reasons [None, ConditionalCheckFailed, None]");
        // nothing of the cancelled transaction was written; the first one's writes stand
        assertThat(call(emulator, "GetItem", "{\"TableName\":\"" + t + "\",\"Key\":{\"leaseKey\":{\"S\":\"c\"}}}")
                .body().has("Item")).isFalse();
        assertThat(call(emulator, "GetItem", "{\"TableName\":\"" + t + "\",\"Key\":{\"leaseKey\":{\"S\":\"b\"}}}")
                .body().path("Item").toString()).isEqualTo("{\"leaseKey\":{\"S\":\"b\"},\"v\":{\"N\":\"2\"}}");
    }
}
