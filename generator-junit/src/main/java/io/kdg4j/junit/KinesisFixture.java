package io.kdg4j.junit;

import io.kdg4j.aws.AwsEndpoint;
import io.kdg4j.aws.DeliveryStreamSpec;
import io.kdg4j.aws.FirehoseSink;
import io.kdg4j.aws.KinesisSink;
import io.kdg4j.aws.Provisioning;
import io.kdg4j.core.run.Generator;
import io.kdg4j.junit.internal.Backends;
import io.kdg4j.junit.internal.Created;
import io.kdg4j.junit.internal.StartedBackend;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.firehose.FirehoseAsyncClient;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * What {@link KinesisTest} does, for code that does not run under JUnit: a backend, SDK clients on it, streams
 * created on demand and generators sending into them; {@link #close()} stops the generators, deletes what the
 * fixture created, closes the clients and stops the backend.
 *
 * <pre>{@code
 * try (KinesisFixture fixture = KinesisFixture.embedded()) {
 *     RunningGenerator orders = fixture.stream("orders", 2,
 *         Generator.from(Presets.get("sakila").schema()).seed(7).rate(500).limit(1_000));
 *     orders.awaitCompletion(Duration.ofMinutes(1));
 *     List<Record> read = StreamReader.readAll(fixture.kinesis(), "orders", 1_000, Duration.ofSeconds(30));
 * }
 * }</pre>
 *
 * <p>Thread-safe. The clients it hands out are its own: do not close them.
 */
public final class KinesisFixture implements AutoCloseable {
    private static final Duration PROVISIONING_TIMEOUT = Duration.ofMinutes(2);

    private final StartedBackend backend;
    private final KinesisClient kinesis;
    private final KinesisAsyncClient kinesisAsync;
    private final FirehoseClient firehose;
    private final FirehoseAsyncClient firehoseAsync;
    private final S3Client s3;
    private final Created created;
    private final List<RunningGenerator> generators = new ArrayList<>();

    private KinesisFixture(StartedBackend backend) {
        this.backend = backend;
        AwsEndpoint endpoint = backend.endpoint();
        this.kinesis = endpoint.kinesis();
        this.kinesisAsync = endpoint.kinesisAsync(16);
        this.firehose = endpoint.firehose();
        this.firehoseAsync = endpoint.firehoseAsync(16);
        this.s3 = endpoint.s3();
        this.created = new Created(() -> kinesis, () -> firehose, () -> s3);
    }

    /** Why LocalStack could not start in this JVM, once it failed: later {@link #auto()} calls do not try again. */
    private static volatile String localStackFailure;

    /**
     * As {@link Backend#AUTO} in tests: LocalStack ({@value KinesisExtension#DEFAULT_LOCALSTACK_IMAGE}) when a
     * Docker engine answers and LocalStack starts, else the embedded emulator; a LocalStack that failed to start
     * (no image, no Ryuk, a timeout) is not tried again in this JVM. {@link #backend()} says which it chose.
     */
    public static KinesisFixture auto() {
        return auto(Backends::dockerAvailable, () -> Backends.localStack(KinesisExtension.DEFAULT_LOCALSTACK_IMAGE));
    }

    static KinesisFixture auto(java.util.function.BooleanSupplier docker,
                               java.util.function.Supplier<StartedBackend> localStack) {
        if (localStackFailure == null && docker.getAsBoolean()) {
            try {
                return new KinesisFixture(localStack.get());
            } catch (RuntimeException | LinkageError e) {
                localStackFailure = BackendSelection.reason(e);
                System.getLogger(KinesisFixture.class.getName()).log(System.Logger.Level.WARNING,
                        "kdg4j: LocalStack could not start, using the embedded emulator: " + localStackFailure);
            }
        }
        return embedded();
    }

    /** Forgets a LocalStack failure (for tests). */
    static void forgetLocalStackFailure() {
        localStackFailure = null;
    }

    /** The embedded emulator, in this JVM. */
    public static KinesisFixture embedded() {
        return new KinesisFixture(Backends.embedded());
    }

    /** The embedded emulator configured as {@code config} says: shard limits, faults, a data directory... */
    public static KinesisFixture embedded(io.kdg4j.local.LocalConfig config) {
        return new KinesisFixture(Backends.embedded(config));
    }

    /** LocalStack in Docker ({@value KinesisExtension#DEFAULT_LOCALSTACK_IMAGE} unless {@code image} says). */
    public static KinesisFixture localStack(String image) {
        return new KinesisFixture(Backends.localStack(image == null ? KinesisExtension.DEFAULT_LOCALSTACK_IMAGE
                : image));
    }

    /** An endpoint that is already running (null: AWS_ENDPOINT_URL). */
    public static KinesisFixture endpoint(String url, Region region) {
        return new KinesisFixture(Backends.endpoint(url, region.id()));
    }

    /** Which backend this fixture runs on: {@link Backend#EMBEDDED}, {@link Backend#LOCALSTACK} or
     * {@link Backend#ENDPOINT}; for tests whose assertions differ where LocalStack behaves unlike AWS. */
    public Backend backend() {
        return switch (backend.name()) {
            case "embedded" -> Backend.EMBEDDED;
            case "localstack" -> Backend.LOCALSTACK;
            default -> Backend.ENDPOINT;
        };
    }

    public AwsEndpoint endpoint() {
        return backend.endpoint();
    }

    public KinesisClient kinesis() {
        return kinesis;
    }

    public KinesisAsyncClient kinesisAsync() {
        return kinesisAsync;
    }

    public FirehoseClient firehose() {
        return firehose;
    }

    public S3Client s3() {
        return s3;
    }

    /** Creates the stream if missing ({@code shards}; 0 = on-demand) and starts {@code generator} sending to it. */
    public RunningGenerator stream(String name, int shards, Generator generator) {
        if (Provisioning.ensureStream(kinesis, name, shards, PROVISIONING_TIMEOUT)) {
            created.stream(name);
        }
        return started(new RunningGenerator(name, generator.seed(), generator,
                KinesisSink.builder(kinesisAsync, name).build()));
    }

    /** Creates the bucket and delivery stream if missing and starts {@code generator} sending to it. */
    public RunningGenerator deliveryStream(DeliveryStreamSpec spec, Generator generator) {
        boolean newBucket = !Provisioning.bucketExists(s3, spec.bucket());
        boolean made = Provisioning.ensureDeliveryStream(firehose, s3, spec, PROVISIONING_TIMEOUT);
        if (newBucket) {
            created.bucket(spec.bucket());
        }
        if (made) {
            created.deliveryStream(spec.name());
        }
        return started(new RunningGenerator(spec.name(), generator.seed(), generator,
                FirehoseSink.builder(firehoseAsync, spec.name()).build()));
    }

    private synchronized RunningGenerator started(RunningGenerator generator) {
        generators.add(generator);
        return generator.start();
    }

    @Override
    public synchronized void close() throws Exception {
        Exception first = null;
        for (RunningGenerator generator : generators) {
            try {
                generator.close();
            } catch (Exception e) {
                first = first == null ? e : first;
            }
        }
        try {
            created.close();
        } catch (RuntimeException e) {
            first = first == null ? e : first;
        }
        for (AutoCloseable client : new AutoCloseable[] {kinesis, kinesisAsync, firehose, firehoseAsync, s3}) {
            client.close();
        }
        backend.close();
        if (first != null) {
            throw first;
        }
    }
}
