package io.kdg4j.local.internal.kinesis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import io.kdg4j.local.internal.FaultInjector;
import io.kdg4j.local.internal.http.AwsRequest;
import io.kdg4j.local.internal.http.AwsResponse;
import io.kdg4j.local.internal.http.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * PutRecords bodies read into the store's blocks and their records kept there: at the byte cap blocks are freed
 * and written again many times over, so a reference counted too low would show as a record read back with another
 * record's bytes, and one never given back as blocks allocated without end.
 */
class InPlaceRecordsTest {
    private static final String CBOR = "application/x-amz-cbor-1.1";
    private static final String JSON = "application/x-amz-json-1.1";
    private static final int REQUESTS = 400;
    private static final int RECORDS = 200;

    private final KinesisStore store = new KinesisStore(Clock.systemUTC(), "us-east-1", 0, 3L << 20, 3_600_000L,
            false);
    private final KinesisService service = new KinesisService(store, new FaultInjector(0, 0, 0, 1));

    @Test
    void atTheByteCap_everyRecordReadsBackAsItsOwnBytes_andBlocksAreReused() throws IOException {
        store.create("in-place", 4, false);
        // two bodies read in before either is handled, as two connections' requests are
        AwsRequest waiting = null;
        for (int r = 0; r < REQUESTS; r++) {
            AwsRequest request = r % 10 == 9 ? json(r) : readIn(cbor("in-place", r));
            if (r % 3 == 0 && waiting == null) {
                waiting = request;
                continue;
            }
            handle(request);
            if (waiting != null) {
                handle(waiting);
                waiting = null;
            }
        }
        if (waiting != null) {
            handle(waiting);
        }
        int checked = 0;
        for (Shard shard : store.find("in-place").shards()) {
            Shard.Batch batch = shard.read(0, Integer.MAX_VALUE, Long.MAX_VALUE);
            for (int i = 0; i < batch.size(); i++) {
                assertThat(new String(batch.data()[i], StandardCharsets.UTF_8)).as("record %s", batch.keys()[i])
                        .isEqualTo(data(batch.keys()[i]));
                checked++;
            }
        }
        // about 12 MiB went in through a 3 MiB cap
        assertThat(checked).isBetween(10_000, REQUESTS * RECORDS / 2);
        assertThat(store.segments().allocated()).as("blocks allocated rather than reused").isLessThanOrEqualTo(12);
    }

    @Test
    void recordsFewAndFarBetween_doNotHoldMoreMemoryThanTheCapAllows() throws IOException {
        // 99% of entries fail, so each 30 KB body keeps about two records: their blocks, not their bytes, count
        KinesisStore sparse = new KinesisStore(Clock.systemUTC(), "us-east-1", 0, 3L << 20, 3_600_000L, false);
        KinesisService failing = new KinesisService(sparse, new FaultInjector(0.99, 0, 0, 7));
        sparse.create("in-place", 2, false);
        long mostHeld = 0;
        for (int r = 0; r < 2_000; r++) {
            AwsRequest request = readIn(failing, cbor("in-place", r));
            try {
                assertThat(failing.handle("PutRecords", request).status()).isEqualTo(200);
            } finally {
                failing.release(request);
            }
            mostHeld = Math.max(mostHeld, sparse.heldBytes());
        }
        // about 60 MB of bodies went in; the cap is 3 MiB, and 16 blocks of room for the blocks being filled
        assertThat(mostHeld).isLessThanOrEqualTo((3L << 20) + 16L * RecordArena.BLOCK_BYTES);
        for (Shard shard : sparse.find("in-place").shards()) {
            Shard.Batch batch = shard.read(0, Integer.MAX_VALUE, Long.MAX_VALUE);
            assertThat(batch.size()).isPositive();
            for (int i = 0; i < batch.size(); i++) {
                assertThat(new String(batch.data()[i], StandardCharsets.UTF_8)).isEqualTo(data(batch.keys()[i]));
            }
        }
    }

    @Test
    void deletingAStream_givesItsBlocksBack() throws IOException {
        for (int round = 0; round < 30; round++) {
            store.create("short-lived", 2, false);
            for (int r = 0; r < 4; r++) {
                handle(readIn(cbor("short-lived", round * 4 + r)));
            }
            store.delete("short-lived");
        }
        // 30 rounds of about 0.3 MiB each, all freed with their streams
        assertThat(store.segments().allocated()).isLessThanOrEqualTo(3);
    }

    private void handle(AwsRequest request) {
        try {
            AwsResponse response = service.handle("PutRecords", request);
            assertThat(response.status()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        } finally {
            service.release(request);
        }
    }

    /** As the HTTP layer does: the body read into the place the service gives for it. */
    private AwsRequest readIn(byte[] body) {
        return readIn(service, body);
    }

    private static AwsRequest readIn(KinesisService service, byte[] body) {
        HttpServer.BodyPlace place = service.putRecordsBody(body.length);
        System.arraycopy(body, 0, place.array(), place.offset(), body.length);
        return new AwsRequest("POST", "/", Map.of(), Map.of("content-type", CBOR), place.array(), place.offset(),
                body.length, place.owner());
    }

    private static String key(int request, int record) {
        return "k-" + request + "-" + record;
    }

    private static String data(String key) {
        return "data of " + key + " " + "x".repeat(key.hashCode() & 255);
    }

    private static byte[] cbor(String stream, int request) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = new CBORFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("StreamName", stream);
            g.writeArrayFieldStart("Records");
            for (int i = 0; i < RECORDS; i++) {
                String key = key(request, i);
                g.writeStartObject();
                g.writeBinaryField("Data", data(key).getBytes(StandardCharsets.UTF_8));
                g.writeStringField("PartitionKey", key);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        return out.toByteArray();
    }

    private static AwsRequest json(int request) {
        StringBuilder body = new StringBuilder("{\"StreamName\":\"in-place\",\"Records\":[");
        for (int i = 0; i < RECORDS; i++) {
            String key = key(request, i);
            body.append(i == 0 ? "" : ",").append("{\"PartitionKey\":\"").append(key).append("\",\"Data\":\"")
                    .append(Base64.getEncoder().encodeToString(data(key).getBytes(StandardCharsets.UTF_8)))
                    .append("\"}");
        }
        return new AwsRequest("POST", "/", Map.of(), Map.of("content-type", JSON),
                body.append("]}").toString().getBytes(StandardCharsets.UTF_8));
    }
}
