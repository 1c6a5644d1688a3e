package io.kdg4j.benchmarks;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import io.kdg4j.local.internal.http.AwsResponse;
import io.kdg4j.local.internal.http.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;

/**
 * The ceiling for any Kinesis endpoint on this machine: it reads each request body whole and answers a fixed
 * CBOR PutRecords response of 500 successes, doing no work at all. It uses the emulator's HTTP layer, so the
 * difference between it and the emulator is the emulator's own work.
 */
final class CannedKinesisEndpoint implements AutoCloseable {
    private final HttpServer server;

    CannedKinesisEndpoint(int records) throws InterruptedException {
        AwsResponse canned = AwsResponse.of(200, "application/x-amz-cbor-1.1", putRecordsResponse(records));
        server = HttpServer.start("127.0.0.1", 0, 16 * 1024 * 1024, message -> canned,
                (request, responder) -> responder.respond(canned));
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.address().getPort());
    }

    private static byte[] putRecordsResponse(int records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = new CBORFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("FailedRecordCount", 0);
            g.writeArrayFieldStart("Records");
            for (int i = 0; i < records; i++) {
                g.writeStartObject();
                g.writeStringField("SequenceNumber", String.format("49%026d", i));
                g.writeStringField("ShardId", "shardId-000000000000");
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeStringField("EncryptionType", "NONE");
            g.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    @Override
    public void close() {
        server.close();
    }
}
