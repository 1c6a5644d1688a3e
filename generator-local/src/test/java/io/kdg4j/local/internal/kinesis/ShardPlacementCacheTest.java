package io.kdg4j.local.internal.kinesis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kdg4j.local.internal.FaultInjector;
import io.kdg4j.local.internal.http.AwsRequest;
import io.kdg4j.local.internal.http.AwsResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The per-thread cache of where keys go must not outlive the stream it learned them from. */
class ShardPlacementCacheTest {
    private final ObjectMapper json = new ObjectMapper();
    private final KinesisStore store = new KinesisStore(Clock.systemUTC(), "us-east-1", 0, 1L << 30, 3_600_000L,
            false);
    private final KinesisService service = new KinesisService(store, new FaultInjector(0, 0, 0, 1));

    @Test
    void aStreamDeletedAndCreatedAgainWithMoreShards_placesEachKeyByItsNewRanges() throws Exception {
        call("CreateStream", "{\"StreamName\":\"orders\",\"ShardCount\":1}");
        JsonNode first = putRecords();
        for (JsonNode entry : first.get("Records")) {
            assertThat(entry.get("ShardId").asText()).isEqualTo("shardId-000000000000");
        }
        call("DeleteStream", "{\"StreamName\":\"orders\"}");
        call("CreateStream", "{\"StreamName\":\"orders\",\"ShardCount\":4}");
        JsonNode second = putRecords();
        Stream stream = store.findActive("orders");
        java.util.Set<String> used = new java.util.HashSet<>();
        for (int i = 0; i < 40; i++) {
            String expected = stream.shardFor(HashKey.md5("key-" + i)).id();
            assertThat(second.get("Records").get(i).get("ShardId").asText()).as("key-%d", i).isEqualTo(expected);
            used.add(expected);
        }
        assertThat(used).as("40 keys spread over the 4 new shards").hasSizeGreaterThan(1);
    }

    /**
     * Keys that never repeat turn the cache to keeping one miss in 16; hashes and placements stay right, and once
     * keys repeat again they are cached again.
     */
    @Test
    void neverRepeatingKeys_areHashedRight_andRepeatingOnesAreCachedAgain() throws Exception {
        java.security.MessageDigest md5 = java.security.MessageDigest.getInstance("MD5");
        HashKey.Recent recent = HashKey.recent();
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        for (int i = 0; i < 20_000; i++) {
            byte[] key = Long.toString(random.nextLong(10_000_000_000L)).getBytes(StandardCharsets.UTF_8);
            HashKey expected = HashKey.of(new java.math.BigInteger(1, md5.digest(key)));
            assertThat(recent.md5(key, 0, key.length)).as("random key %d", i).isEqualTo(expected);
        }
        byte[] repeated = "device-7".getBytes(StandardCharsets.UTF_8);
        HashKey first = recent.md5(repeated, 0, repeated.length);
        for (int i = 0; i < 100; i++) {
            assertThat(recent.md5(repeated, 0, repeated.length)).isEqualTo(first);
        }
        // by now it was kept: the same cached hash every time
        assertThat(recent.md5(repeated, 0, repeated.length)).isSameAs(recent.md5(repeated, 0, repeated.length));
    }

    private JsonNode putRecords() throws Exception {
        StringBuilder body = new StringBuilder("{\"StreamName\":\"orders\",\"Records\":[");
        for (int i = 0; i < 40; i++) {
            body.append(i == 0 ? "" : ",").append("{\"Data\":\"eA==\",\"PartitionKey\":\"key-").append(i).append("\"}");
        }
        return json.readTree(call("PutRecords", body.append("]}").toString()).body());
    }

    private AwsResponse call(String operation, String body) {
        AwsResponse response = service.handle(operation, new AwsRequest("POST", "/", Map.of(),
                Map.of("content-type", "application/x-amz-json-1.1"), body.getBytes(StandardCharsets.UTF_8)));
        assertThat(response.status()).as(operation + ": " + new String(response.body())).isEqualTo(200);
        return response;
    }
}
