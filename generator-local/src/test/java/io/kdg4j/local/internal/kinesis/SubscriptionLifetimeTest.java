package io.kdg4j.local.internal.kinesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kdg4j.local.internal.FaultInjector;
import io.kdg4j.local.internal.http.AwsRequest;
import io.kdg4j.local.internal.http.AwsResponse;
import io.kdg4j.local.internal.http.HttpServer;
import io.kdg4j.local.internal.protocol.Fields;
import io.kdg4j.local.internal.protocol.JsonProtocol;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** A subscription ends by itself when its lifetime is over (five minutes on the service; 300 ms here). */
class SubscriptionLifetimeTest {
    private final KinesisStore store = new KinesisStore(Clock.systemUTC(), "us-east-1", 0, 1L << 30, 3_600_000L,
            false);
    private final KinesisService service = new KinesisService(store, new FaultInjector(0, 0, 0, 1));

    @Test
    void aSubscription_sendsItsInitialResponseAndEvents_thenEndsWhenItsLifetimeIsOver() {
        call("CreateStream", "{\"StreamName\":\"s\",\"ShardCount\":1}");
        call("PutRecord", "{\"StreamName\":\"s\",\"PartitionKey\":\"k\",\"Data\":\"eA==\"}");
        StreamConsumers consumers = new StreamConsumers(0);
        String arn = consumers.register(store.find("s").arn(), "c", store.now()).arn();
        ShardSubscriptions subscriptions = new ShardSubscriptions(store, consumers, 300);
        Recording out = new Recording();
        subscriptions.subscribe(new Fields(JsonProtocol.JSON.parse(("{\"ConsumerARN\":\"" + arn + "\",\"ShardId\":"
                + "\"shardId-000000000000\",\"StartingPosition\":{\"Type\":\"TRIM_HORIZON\"}}")
                .getBytes(StandardCharsets.UTF_8)), JsonProtocol.JSON), out);
        await().atMost(Duration.ofSeconds(5)).until(() -> out.ended);
        assertThat(out.status).isEqualTo(200);
        assertThat(out.parts).hasSizeGreaterThanOrEqualTo(2);
        assertThat(new String(out.parts.get(0), StandardCharsets.ISO_8859_1)).contains("initial-response");
        assertThat(new String(out.parts.get(1), StandardCharsets.ISO_8859_1)).contains("SubscribeToShardEvent")
                .contains("\"ContinuationSequenceNumber\"");
        subscriptions.close();
    }

    private void call(String operation, String body) {
        AwsResponse response = service.handle(operation, new AwsRequest("POST", "/", Map.of(), Map.of(
                "content-type", "application/x-amz-json-1.1"), body.getBytes(StandardCharsets.UTF_8)));
        assertThat(response.status()).isEqualTo(200);
    }

    /** Records what a subscription writes. */
    private static final class Recording implements HttpServer.Responder, HttpServer.StreamedResponse {
        final List<byte[]> parts = new CopyOnWriteArrayList<>();
        volatile int status;
        volatile boolean ended;

        @Override
        public void respond(AwsResponse response) {
            status = response.status();
            ended = true;
        }

        @Override
        public void respondLater(AwsResponse response, long delayMillis) {
            respond(response);
        }

        @Override
        public HttpServer.StreamedResponse stream(int status, Map<String, String> headers) {
            this.status = status;
            return this;
        }

        @Override
        public void send(byte[] part) {
            parts.add(part);
        }

        @Override
        public void end() {
            ended = true;
        }

        @Override
        public boolean isOpen() {
            return !ended;
        }
    }
}
