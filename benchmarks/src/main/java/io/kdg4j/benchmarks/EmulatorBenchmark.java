package io.kdg4j.benchmarks;

import io.kdg4j.local.LocalConfig;
import io.kdg4j.local.LocalEmulator;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequest;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;

/**
 * PutRecords ingest in records per second with the SDK v2 async client (CBOR, HTTP/2, its defaults), 500-record
 * batches of 150-byte records, 8 requests in flight, client and server on the same two cores, against:
 * {@code canned} (the ceiling: an endpoint that only reads the body), {@code emulator} (the embedded emulator),
 * and, where KDG4J_KINESIS_MOCK_ENDPOINT is set, {@code kinesis-mock} (over HTTP/1.1, which it needs).
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar EmulatorBenchmark.putRecords
 * KDG4J_KINESIS_MOCK_ENDPOINT=http://127.0.0.1:4568 java -jar benchmarks/target/benchmarks.jar \
 *     EmulatorBenchmark.putRecords -p target=kinesis-mock
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 8, time = 4)
@Measurement(iterations = 5, time = 4)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class EmulatorBenchmark {
    static final int BATCH = 500;
    static final int IN_FLIGHT = 8;
    static final int BATCHES_PER_OP = 16;

    @Param({"canned", "emulator"})
    public String target;

    private CannedKinesisEndpoint canned;
    private LocalEmulator emulator;
    private KinesisAsyncClient client;
    private PutRecordsRequest request;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        URI endpoint;
        boolean http2 = true;
        switch (target) {
            case "canned" -> {
                canned = new CannedKinesisEndpoint(BATCH);
                endpoint = canned.endpoint();
            }
            case "emulator" -> {
                // a 64 MiB record cap keeps the heap small: a long run would otherwise hold every record
                emulator = LocalEmulator.start(LocalConfig.builder().maxStoredBytes(64L * 1024 * 1024).build());
                endpoint = emulator.endpoint();
            }
            case "kinesis-mock" -> {
                endpoint = URI.create(System.getenv("KDG4J_KINESIS_MOCK_ENDPOINT"));
                http2 = false;
            }
            default -> throw new IllegalArgumentException("target must be canned, emulator or kinesis-mock");
        }
        client = client(endpoint, http2);
        String stream = "bench";
        if (!target.equals("canned")) {
            client.createStream(b -> b.streamName(stream).shardCount(4)).get();
            while (client.describeStreamSummary(b -> b.streamName(stream)).get().streamDescriptionSummary()
                    .streamStatus() != StreamStatus.ACTIVE) {
                Thread.sleep(20);
            }
        }
        request = request(stream);
    }

    /** {@value #BATCH} records of 150 bytes under keys key-0, key-1, ... */
    static PutRecordsRequest request(String stream) {
        List<PutRecordsRequestEntry> entries = new ArrayList<>();
        byte[] data = new byte[150];
        java.util.Arrays.fill(data, (byte) 'x');
        for (int i = 0; i < BATCH; i++) {
            entries.add(PutRecordsRequestEntry.builder().partitionKey("key-" + i).data(SdkBytes.fromByteArray(data))
                    .build());
        }
        return PutRecordsRequest.builder().streamName(stream).records(entries).build();
    }

    /**
     * 64 requests of 500 records whose keys are random 10-digit numbers, as the generator's default keys are (and
     * KDG's): rotated, they defeat the emulator's cache of recent keys, so every record is hashed.
     */
    static PutRecordsRequest[] randomKeyRequests(String stream) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(17);
        byte[] data = new byte[150];
        java.util.Arrays.fill(data, (byte) 'x');
        PutRecordsRequest[] requests = new PutRecordsRequest[64];
        for (int r = 0; r < requests.length; r++) {
            List<PutRecordsRequestEntry> entries = new ArrayList<>();
            for (int i = 0; i < BATCH; i++) {
                entries.add(PutRecordsRequestEntry.builder().partitionKey(Long.toString(random.nextLong(
                        10_000_000_000L))).data(SdkBytes.fromByteArray(data)).build());
            }
            requests[r] = PutRecordsRequest.builder().streamName(stream).records(entries).build();
        }
        return requests;
    }

    static KinesisAsyncClient client(URI endpoint, boolean http2) {
        return KinesisAsyncClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClientBuilder(NettyNioAsyncHttpClient.builder().maxConcurrency(IN_FLIGHT * 2)
                        .protocol(http2 ? Protocol.HTTP2 : Protocol.HTTP1_1)
                        .connectionAcquisitionTimeout(Duration.ofSeconds(60)))
                .build();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        client.close();
        if (canned != null) {
            canned.close();
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    /** 16 PutRecords calls of 500 records, at most 8 in flight; reported per record. */
    @Benchmark
    @OperationsPerInvocation(BATCH * BATCHES_PER_OP)
    public int putRecords() throws Exception {
        sendBatches(client, request);
        return 0;
    }

    /** Sends {@code request} {@value #BATCHES_PER_OP} times, at most {@value #IN_FLIGHT} in flight; all must land. */
    static void sendBatches(KinesisAsyncClient client, PutRecordsRequest request) throws Exception {
        sendBatches(client, new PutRecordsRequest[] {request}, 0);
    }

    /** {@value #BATCHES_PER_OP} calls, taking the requests in turn from {@code first} on. */
    static void sendBatches(KinesisAsyncClient client, PutRecordsRequest[] requests, int first) throws Exception {
        Semaphore inFlight = new Semaphore(IN_FLIGHT);
        List<CompletableFuture<PutRecordsResponse>> calls = new ArrayList<>(BATCHES_PER_OP);
        for (int i = 0; i < BATCHES_PER_OP; i++) {
            inFlight.acquire();
            CompletableFuture<PutRecordsResponse> call = client.putRecords(requests[(first + i) % requests.length]);
            call.whenComplete((r, e) -> inFlight.release());
            calls.add(call);
        }
        int failed = 0;
        for (CompletableFuture<PutRecordsResponse> call : calls) {
            failed += call.get().failedRecordCount();
        }
        if (failed > 0) {
            throw new IllegalStateException(failed + " records failed");
        }
    }
}
