package io.kdg4j.benchmarks;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import io.kdg4j.local.internal.FaultInjector;
import io.kdg4j.local.internal.http.AwsRequest;
import io.kdg4j.local.internal.http.AwsResponse;
import io.kdg4j.local.internal.http.HttpServer;
import io.kdg4j.local.internal.kinesis.KinesisService;
import io.kdg4j.local.internal.kinesis.KinesisStore;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The emulator's own work on one PutRecords call of 500 records (150-byte data, CBOR), from reading the body in,
 * without HTTP or a client:
 * what {@link EmulatorBenchmark} adds to the canned endpoint, in microseconds per call, on one thread.
 * {@code keys=fixed}: the same 500 keys every call (the cache of recent keys always hits); {@code keys=random}: 64
 * bodies of random 10-digit keys in turn, so every record's key is hashed.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar PutRecordsHandlerBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PutRecordsHandlerBenchmark {
    private static final Map<String, String> CBOR_HEADERS = Map.of("content-type", "application/x-amz-cbor-1.1");
    @Param({"fixed", "random"})
    public String keys;
    private KinesisService service;
    private byte[][] bodies;
    private int next;

    @Setup
    public void setUp() throws Exception {
        KinesisStore store = new KinesisStore(Clock.systemUTC(), "us-east-1", 0, 64L * 1024 * 1024,
                24 * 3_600_000L, false);
        service = new KinesisService(store, new FaultInjector(0, 0, 0, 1));
        AwsResponse created = service.handle("CreateStream", request("{\"StreamName\":\"bench\",\"ShardCount\":4}"
                .getBytes(), "application/x-amz-json-1.1"));
        if (created.status() != 200) {
            throw new IllegalStateException(new String(created.body()));
        }
        java.util.SplittableRandom random = new java.util.SplittableRandom(17);
        bodies = new byte[keys.equals("random") ? 64 : 1][];
        for (int b = 0; b < bodies.length; b++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] data = new byte[150];
            java.util.Arrays.fill(data, (byte) 'x');
            try (JsonGenerator g = new CBORFactory().createGenerator(out)) {
                g.writeStartObject();
                g.writeArrayFieldStart("Records");
                for (int i = 0; i < EmulatorBenchmark.BATCH; i++) {
                    g.writeStartObject();
                    g.writeBinaryField("Data", data);
                    g.writeStringField("PartitionKey", keys.equals("random")
                            ? Long.toString(random.nextLong(10_000_000_000L)) : "key-" + i);
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeStringField("StreamName", "bench");
                g.writeEndObject();
            }
            bodies[b] = out.toByteArray();
        }
    }

    private static AwsRequest request(byte[] body, String contentType) {
        return new AwsRequest("POST", "/", Map.of(), Map.of("content-type", contentType), body);
    }

    /**
     * One PutRecords call of 500 records as the HTTP layer makes it: the body read into the place the service
     * gives for it, then parse, place by MD5, store, answer.
     */
    @Benchmark
    public AwsResponse putRecords() {
        byte[] body = bodies[next];
        next = (next + 1) % bodies.length;
        HttpServer.BodyPlace place = service.putRecordsBody(body.length);
        System.arraycopy(body, 0, place.array(), place.offset(), body.length);
        AwsRequest request = new AwsRequest("POST", "/", Map.of(), CBOR_HEADERS, place.array(), place.offset(),
                body.length, place.owner());
        try {
            return service.handle("PutRecords", request);
        } finally {
            service.release(request);
        }
    }
}
