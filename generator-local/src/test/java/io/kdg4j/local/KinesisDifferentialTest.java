package io.kdg4j.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The same Kinesis requests, byte for byte, to the emulator and to kinesis-mock, over JSON 1.1 and CBOR, and their
 * answers compared: HTTP status, error code, and the fields a consumer reads. Where kinesis-mock and AWS's
 * documentation disagree, the emulator follows AWS and the case says so. Needs KDG4J_KINESIS_MOCK_ENDPOINT
 * (skipped without it, failed in CI).
 */
class KinesisDifferentialTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CBORMapper CBOR = new CBORMapper();
    // HTTP/1.1: the JDK's client would otherwise try an h2c upgrade, which kinesis-mock's server leaves hanging
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static LocalEmulator local;
    private static URI emulator;
    private static URI kinesisMock;

    @BeforeAll
    static void start() {
        String peer = System.getenv(KinesisMockConformanceTest.ENDPOINT_VARIABLE);
        if (peer == null && "true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("CI must run the Kinesis differential suite, but KDG4J_KINESIS_MOCK_ENDPOINT is not set");
        }
        assumeTrue(peer != null, "no kinesis-mock (KDG4J_KINESIS_MOCK_ENDPOINT); skipped");
        kinesisMock = URI.create(peer);
        // kinesis-mock keeps new streams CREATING for about half a second; so does the emulator here, so that both
        // can be seen CREATING
        local = LocalEmulator.start(LocalConfig.builder().creationDelay(Duration.ofSeconds(1)).build());
        emulator = local.endpoint();
    }

    @AfterAll
    static void stop() {
        if (local != null) {
            local.close();
        }
    }

    /** One answer: status, error code (without a namespace) and body. */
    record Answer(int status, String error, JsonNode body) {
    }

    private static Answer call(URI endpoint, String protocol, String operation, ObjectNode body) throws Exception {
        boolean cbor = protocol.equals("cbor");
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(20))
                .header("Content-Type", cbor ? "application/x-amz-cbor-1.1" : "application/x-amz-json-1.1")
                .header("X-Amz-Target", "Kinesis_20131202." + operation)
                .header("X-Amz-Date", "20260101T000000Z")
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/kinesis/aws4_request, "
                        + "SignedHeaders=host;x-amz-date;x-amz-target, Signature=0")
                .POST(HttpRequest.BodyPublishers.ofByteArray(cbor ? CBOR.writeValueAsBytes(blobsAsBytes(body.deepCopy()))
                        : JSON.writeValueAsBytes(body))).build();
        HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
        JsonNode tree = response.body().length == 0 ? JSON.createObjectNode()
                : cbor && response.headers().firstValue("content-type").orElse("").contains("cbor")
                ? CBOR.readTree(response.body()) : JSON.readTree(response.body());
        String type = tree.path("__type").asText("");
        return new Answer(response.statusCode(), type.substring(type.indexOf('#') + 1), tree);
    }

    /** CBOR carries blobs as byte strings (as the SDK sends them), where JSON has base64 text. */
    private static JsonNode blobsAsBytes(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.fieldNames().forEachRemaining(name -> {
                JsonNode value = object.get(name);
                if (name.equals("Data") && value.isTextual()) {
                    object.set(name, JSON.getNodeFactory().binaryNode(Base64.getDecoder().decode(value.asText())));
                } else {
                    blobsAsBytes(value);
                }
            });
        } else if (node instanceof ArrayNode array) {
            array.forEach(KinesisDifferentialTest::blobsAsBytes);
        }
        return node;
    }

    /** The request to both; status and error code must agree. Returns {emulator, kinesis-mock}. */
    private static Answer[] both(String protocol, String operation, ObjectNode body) throws Exception {
        Answer ours = call(emulator, protocol, operation, body);
        Answer theirs = call(kinesisMock, protocol, operation, body);
        assertThat(ours.status()).as("%s %s: status (ours %s, kinesis-mock %s)", operation, body, ours.body(),
                theirs.body()).isEqualTo(theirs.status());
        assertThat(ours.error()).as("%s %s: error (ours %s, kinesis-mock %s)", operation, body, ours.body(),
                theirs.body()).isEqualTo(theirs.error());
        return new Answer[] {ours, theirs};
    }

    private static ObjectNode body(String json) throws Exception {
        return (ObjectNode) JSON.readTree(json);
    }

    private static void awaitActive(String protocol, String stream) {
        for (URI endpoint : List.of(emulator, kinesisMock)) {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> call(endpoint,
                    protocol, "DescribeStreamSummary", body("{\"StreamName\":\"" + stream + "\"}")).body()
                    .path("StreamDescriptionSummary").path("StreamStatus").asText().equals("ACTIVE"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"json", "cbor"})
    void streams_onDemandCreatingArnsTagsAndRetention(String protocol) throws Exception {
        String stream = "diff-" + UUID.randomUUID().toString().substring(0, 8);
        both(protocol, "CreateStream", body("{\"StreamName\":\"" + stream + "\",\"StreamModeDetails\":"
                + "{\"StreamMode\":\"ON_DEMAND\"}}"));
        Answer[] creating = both(protocol, "DescribeStreamSummary", body("{\"StreamName\":\"" + stream + "\"}"));
        for (Answer answer : creating) {
            assertThat(answer.body().path("StreamDescriptionSummary").path("StreamStatus").asText())
                    .isEqualTo("CREATING");
        }
        both(protocol, "PutRecord", body("{\"StreamName\":\"" + stream + "\",\"PartitionKey\":\"k\",\"Data\":\"eA==\"}"));
        awaitActive(protocol, stream);
        // both name the account 000000000000 in us-east-1, so one ARN addresses the stream in both
        Answer[] byArn = both(protocol, "DescribeStreamSummary", body("{\"StreamARN\":\""
                + creating[0].body().path("StreamDescriptionSummary").path("StreamARN").asText() + "\"}"));
        for (Answer answer : byArn) {
            JsonNode summary = answer.body().path("StreamDescriptionSummary");
            assertThat(summary.path("StreamName").asText()).isEqualTo(stream);
            assertThat(summary.path("StreamModeDetails").path("StreamMode").asText()).isEqualTo("ON_DEMAND");
            assertThat(summary.path("OpenShardCount").asInt()).isPositive();
        }
        both(protocol, "AddTagsToStream", body("{\"StreamName\":\"" + stream + "\",\"Tags\":{\"team\":\"a\","
                + "\"env\":\"test\"}}"));
        both(protocol, "RemoveTagsFromStream", body("{\"StreamName\":\"" + stream + "\",\"TagKeys\":[\"env\"]}"));
        Answer[] tags = both(protocol, "ListTagsForStream", body("{\"StreamName\":\"" + stream + "\"}"));
        assertThat(tags[0].body().path("Tags")).isEqualTo(tags[1].body().path("Tags"));
        both(protocol, "IncreaseStreamRetentionPeriod", body("{\"StreamName\":\"" + stream
                + "\",\"RetentionPeriodHours\":48}"));
        awaitActive(protocol, stream);
        both(protocol, "DecreaseStreamRetentionPeriod", body("{\"StreamName\":\"" + stream
                + "\",\"RetentionPeriodHours\":12}"));
        both(protocol, "DecreaseStreamRetentionPeriod", body("{\"StreamName\":\"" + stream
                + "\",\"RetentionPeriodHours\":24}"));
        awaitActive(protocol, stream);
        Answer[] retention = both(protocol, "DescribeStreamSummary", body("{\"StreamName\":\"" + stream + "\"}"));
        for (Answer answer : retention) {
            assertThat(answer.body().path("StreamDescriptionSummary").path("RetentionPeriodHours").asInt())
                    .isEqualTo(24);
        }
        both(protocol, "DeleteStream", body("{\"StreamName\":\"" + stream + "\"}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"json", "cbor"})
    void records_limitsHashKeysAndWhatGetRecordsCarries(String protocol) throws Exception {
        String stream = "diff-" + UUID.randomUUID().toString().substring(0, 8);
        both(protocol, "CreateStream", body("{\"StreamName\":\"" + stream + "\",\"ShardCount\":2}"));
        awaitActive(protocol, stream);
        // an explicit hash key outside [0, 2^128)
        both(protocol, "PutRecord", body("{\"StreamName\":\"" + stream + "\",\"PartitionKey\":\"k\",\"Data\":\"eA==\","
                + "\"ExplicitHashKey\":\"340282366920938463463374607431768211456\"}"));
        both(protocol, "PutRecord", body("{\"StreamName\":\"" + stream + "\",\"PartitionKey\":\"k\",\"Data\":\"eA==\","
                + "\"ExplicitHashKey\":\"-1\"}"));
        // a record over 1 MiB with its key: AWS refuses it (ValidationException), kinesis-mock stores it
        String big = Base64.getEncoder().encodeToString(new byte[1024 * 1024]);
        Answer oversized = call(emulator, protocol, "PutRecord", body("{\"StreamName\":\"" + stream
                + "\",\"PartitionKey\":\"k\",\"Data\":\"" + big + "\"}"));
        assertThat(oversized.status()).isEqualTo(400);
        assertThat(oversized.error()).isEqualTo("ValidationException");
        // 500 records pass; 501 do not
        ObjectNode five = body("{\"StreamName\":\"" + stream + "\"}");
        ArrayNode records = five.putArray("Records");
        for (int i = 0; i < 500; i++) {
            records.addObject().put("PartitionKey", "key-" + i).put("Data", "eA==");
        }
        Answer[] accepted = both(protocol, "PutRecords", five);
        for (Answer answer : accepted) {
            assertThat(answer.body().path("FailedRecordCount").asInt()).isZero();
            assertThat(answer.body().path("Records")).hasSize(500);
        }
        // 501 records: AWS refuses the call (ValidationException), kinesis-mock takes it
        records.addObject().put("PartitionKey", "one-too-many").put("Data", "eA==");
        Answer tooMany = call(emulator, protocol, "PutRecords", five);
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.error()).isEqualTo("ValidationException");
        // what a reader gets: records with arrival times, and how far behind it is
        Answer[] shards = both(protocol, "ListShards", body("{\"StreamName\":\"" + stream + "\"}"));
        String shardId = shards[0].body().path("Shards").get(0).path("ShardId").asText();
        for (URI endpoint : List.of(emulator, kinesisMock)) {
            String iterator = call(endpoint, protocol, "GetShardIterator", body("{\"StreamName\":\"" + stream
                    + "\",\"ShardId\":\"" + shardId + "\",\"ShardIteratorType\":\"TRIM_HORIZON\"}")).body()
                    .path("ShardIterator").asText();
            JsonNode page = call(endpoint, protocol, "GetRecords", body("{\"ShardIterator\":\"" + iterator + "\"}"))
                    .body();
            assertThat(page.path("Records").size()).as("%s", endpoint).isPositive();
            assertThat(page.path("Records").get(0).has("ApproximateArrivalTimestamp")).isTrue();
            assertThat(page.has("MillisBehindLatest")).isTrue();
            assertThat(page.path("NextShardIterator").asText()).isNotBlank();
        }
        both(protocol, "GetShardIterator", body("{\"StreamName\":\"" + stream + "\",\"ShardId\":\"shardId-000000000099\","
                + "\"ShardIteratorType\":\"TRIM_HORIZON\"}"));
        both(protocol, "DeleteStream", body("{\"StreamName\":\"" + stream + "\"}"));
    }
}
