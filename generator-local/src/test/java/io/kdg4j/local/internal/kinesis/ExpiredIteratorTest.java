package io.kdg4j.local.internal.kinesis;

import static org.assertj.core.api.Assertions.assertThat;

import io.kdg4j.local.internal.FaultInjector;
import io.kdg4j.local.internal.http.AwsRequest;
import io.kdg4j.local.internal.http.AwsResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A shard iterator lives five minutes, as the service's do: after that GetRecords answers ExpiredIteratorException. */
class ExpiredIteratorTest {
    private final KinesisStore store = new KinesisStore(Clock.systemUTC(), "us-east-1", 0, 1L << 30, 3_600_000L,
            false);
    private final KinesisService service = new KinesisService(store, new FaultInjector(0, 0, 0, 1));

    @Test
    void anIteratorOlderThanFiveMinutes_isExpired_andAYoungerOneIsNot() {
        assertThat(call("CreateStream", "{\"StreamName\":\"s\",\"ShardCount\":1}").status()).isEqualTo(200);
        long now = store.now();
        String young = ShardIterators.encode("s", "shardId-000000000000", 0, now - 299_000);
        String old = ShardIterators.encode("s", "shardId-000000000000", 0, now - 301_000);
        assertThat(call("GetRecords", "{\"ShardIterator\":\"" + young + "\"}").status()).isEqualTo(200);
        AwsResponse expired = call("GetRecords", "{\"ShardIterator\":\"" + old + "\"}");
        assertThat(expired.status()).isEqualTo(400);
        assertThat(new String(expired.body(), StandardCharsets.UTF_8)).contains("ExpiredIteratorException")
                .contains("Iterator expired");
    }

    private AwsResponse call(String operation, String body) {
        return service.handle(operation, new AwsRequest("POST", "/", Map.of(), Map.of("content-type",
                "application/x-amz-json-1.1"), body.getBytes(StandardCharsets.UTF_8)));
    }
}
