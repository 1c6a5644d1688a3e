package io.kdg4j.local;

import io.kdg4j.local.internal.FaultInjector;
import io.kdg4j.local.internal.Router;
import io.kdg4j.local.internal.cloudwatch.CloudWatchService;
import io.kdg4j.local.internal.dynamodb.DynamoDbService;
import io.kdg4j.local.internal.firehose.FirehoseService;
import io.kdg4j.local.internal.http.HttpServer;
import io.kdg4j.local.internal.kinesis.KinesisService;
import io.kdg4j.local.internal.kinesis.KinesisStore;
import io.kdg4j.local.internal.s3.ObjectStore;
import io.kdg4j.local.internal.s3.S3Service;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A running emulator of Kinesis Data Streams, Firehose (to S3) and S3, on one port.
 *
 * <pre>{@code
 * try (LocalEmulator local = LocalEmulator.start()) {
 *     KinesisClient kinesis = KinesisClient.builder()
 *         .endpointOverride(local.endpoint())
 *         .region(Region.of(local.region()))
 *         .credentialsProvider(StaticCredentialsProvider.create(
 *             AwsBasicCredentials.create(local.accessKeyId(), local.secretAccessKey())))
 *         .build();
 *     ...
 * }
 * }</pre>
 *
 * <p>Any credentials are accepted (requests are not authenticated) and are never logged. Thread-safe; close it
 * to stop the server and its background threads.
 */
public final class LocalEmulator implements AutoCloseable {
    /** Credentials a client may use; any others work as well. */
    public static final String ACCESS_KEY_ID = "test";
    public static final String SECRET_ACCESS_KEY = "test";

    /** The account id in the ARNs the emulator makes (Kinesis uses the same). */
    private static final String ACCOUNT = "000000000000";

    private final LocalConfig config;
    private final HttpServer server;
    private final ScheduledExecutorService background;
    private final FirehoseService firehose;
    private final KinesisService kinesis;
    private final CloudWatchService cloudWatch;

    private LocalEmulator(LocalConfig config, HttpServer server, ScheduledExecutorService background,
                          FirehoseService firehose, KinesisService kinesis, CloudWatchService cloudWatch) {
        this.config = config;
        this.server = server;
        this.background = background;
        this.firehose = firehose;
        this.kinesis = kinesis;
        this.cloudWatch = cloudWatch;
    }

    /** Starts with {@link LocalConfig#ofDefaults()}. */
    public static LocalEmulator start() {
        return start(LocalConfig.ofDefaults());
    }

    public static LocalEmulator start(LocalConfig config) {
        Clock clock = Clock.systemUTC();
        Faults f = config.faults();
        FaultInjector faults = new FaultInjector(f.entryFailureRate(), f.serverErrorRate(),
                f.droppedConnectionRate(), f.seed());
        KinesisStore streams = new KinesisStore(clock, config.region(), config.creationDelay().toMillis(),
                config.maxStoredBytes(), config.retention().toMillis(), config.enforceShardLimits());
        ObjectStore objects = ObjectStore.create(config.dataDirectory(), clock);
        FirehoseService firehose = new FirehoseService(clock, config.region(), streams, objects, faults);
        S3Service s3 = new S3Service(objects, config.region());
        KinesisService kinesis = new KinesisService(streams, faults);
        // DynamoDB tables and indexes are ACTIVE as soon as they are made: the KCL looks again only after 10 s
        // when a table it made is CREATING, so any creation delay would cost a consumer under test 10 s
        DynamoDbService dynamoDb = new DynamoDbService(clock, config.region(), ACCOUNT, Duration.ZERO);
        CloudWatchService cloudWatch = new CloudWatchService();
        Router router = new Router(kinesis, firehose::handle, s3::handle, dynamoDb, cloudWatch, faults,
                f.latency().toMillis());
        ScheduledExecutorService background = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "kdg-local-background");
            thread.setDaemon(true);
            return thread;
        });
        HttpServer server;
        try {
            server = HttpServer.start(config.bindAddress(), config.port(), config.maxRequestBytes(),
                    Router::tooLarge, router);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            background.shutdownNow();
            throw new IllegalStateException("interrupted while starting the emulator", e);
        } catch (Exception e) { // Netty's bind throws java.net.BindException, checked, without declaring it
            background.shutdownNow();
            throw new IllegalStateException("the emulator cannot listen on " + config.bindAddress() + ":"
                    + config.port() + ": " + e.getMessage(), e);
        }
        background.scheduleWithFixedDelay(firehose::tick, 100, 100, TimeUnit.MILLISECONDS);
        background.scheduleWithFixedDelay(streams::sweep, 1, 1, TimeUnit.SECONDS);
        return new LocalEmulator(config, server, background, firehose, kinesis, cloudWatch);
    }

    /** Where clients send requests: {@code http://127.0.0.1:PORT}. */
    public URI endpoint() {
        InetSocketAddress address = server.address();
        String host = address.getAddress().isAnyLocalAddress() ? "127.0.0.1" : address.getAddress().getHostAddress();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort());
    }

    public int port() {
        return server.address().getPort();
    }

    public String region() {
        return config.region();
    }

    public String accessKeyId() {
        return ACCESS_KEY_ID;
    }

    public String secretAccessKey() {
        return SECRET_ACCESS_KEY;
    }

    public LocalConfig config() {
        return config;
    }

    /**
     * Creates Kinesis stream {@code name} with {@code shards} shards (0 for on-demand) unless it exists, and returns
     * once it is ACTIVE; true when this call created it. The same rules and errors as CreateStream, without a
     * client: a fixture in the same JVM can have its stream ready while its SDK client is still being built.
     *
     * @throws IllegalArgumentException when CreateStream would refuse it, with the service's message
     */
    public boolean createStreamIfAbsent(String name, int shards) {
        boolean created = kinesis.createIfAbsent(name, shards);
        try {
            kinesis.awaitActive(name);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stream " + name + " was being created", e);
        }
        return created;
    }

    /** Deletes Kinesis stream {@code name} and its records, as DeleteStream does; false when there was none. */
    public boolean deleteStream(String name) {
        return kinesis.deleteIfPresent(name);
    }

    /** CloudWatch metric datums received by PutMetricData so far (accepted and counted, not stored). */
    public long cloudWatchDatums() {
        return cloudWatch.datums();
    }

    /** Delivers everything Firehose is buffering now, as if every buffer's interval had passed. */
    public void flushFirehose() {
        firehose.flushAll();
    }

    @Override
    public void close() {
        kinesis.close();
        background.shutdownNow();
        server.close();
    }
}
