package io.kdg4j.junit;

import io.kdg4j.aws.AwsEndpoint;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.services.firehose.FirehoseAsyncClient;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The SDK clients of one test class, on its backend, each built when first asked for: a cold SDK client costs a
 * few hundred milliseconds of class loading, and most tests need one or two of the five. Kept in the class's
 * store; closed with it (as a {@code CloseableResource} too, for JUnit before 5.13, which closes nothing else).
 */
@SuppressWarnings("deprecation") // CloseableResource: the only kind JUnit 5.10 to 5.12 closes
final class ClassClients implements AutoCloseable, ExtensionContext.Store.CloseableResource {
    private final AwsEndpoint endpoint;
    // one lock each, so that a client built in the background does not hold up another one being built
    private final Lazy<KinesisClient> kinesis;
    private final Lazy<KinesisAsyncClient> kinesisAsync;
    private final Lazy<FirehoseClient> firehose;
    private final Lazy<FirehoseAsyncClient> firehoseAsync;
    private final Lazy<S3Client> s3;
    /** Any other SDK client a test asks for (DynamoDB, CloudWatch for a KCL application...), by its type. */
    private final Map<Class<?>, Lazy<SdkClient>> others = new ConcurrentHashMap<>();

    ClassClients(AwsEndpoint endpoint) {
        this.endpoint = endpoint;
        this.kinesis = new Lazy<>(endpoint::kinesis);
        this.kinesisAsync = new Lazy<>(() -> endpoint.kinesisAsync(16));
        this.firehose = new Lazy<>(endpoint::firehose);
        this.firehoseAsync = new Lazy<>(() -> endpoint.firehoseAsync(16));
        this.s3 = new Lazy<>(endpoint::s3);
    }

    AwsEndpoint endpoint() {
        return endpoint;
    }

    KinesisClient kinesis() {
        return kinesis.get();
    }

    KinesisAsyncClient kinesisAsync() {
        return kinesisAsync.get();
    }

    FirehoseClient firehose() {
        return firehose.get();
    }

    FirehoseAsyncClient firehoseAsync() {
        return firehoseAsync.get();
    }

    S3Client s3() {
        return s3.get();
    }

    /**
     * True for an AWS SDK client interface with the SDK's static {@code builder()} (DynamoDbAsyncClient,
     * CloudWatchAsyncClient, SqsClient...): any of them can be built for the backend. Found by reflection, so
     * kdg4j needs none of those SDK modules itself.
     */
    static boolean isSdkClient(Class<?> type) {
        if (!type.isInterface() || !SdkClient.class.isAssignableFrom(type)) {
            return false;
        }
        try {
            return AwsClientBuilder.class.isAssignableFrom(type.getMethod("builder").getReturnType());
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /** A client of {@code type} on the backend, built once per class with the backend's endpoint and credentials. */
    SdkClient other(Class<?> type) {
        return others.computeIfAbsent(type, t -> new Lazy<>(() -> build(t))).get();
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private SdkClient build(Class<?> type) {
        try {
            AwsClientBuilder builder = (AwsClientBuilder) type.getMethod("builder").invoke(null);
            return (SdkClient) endpoint.configure(builder).build();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build a " + type.getSimpleName() + " for " + endpoint + ": " + e,
                    e);
        }
    }

    @Override
    public void close() {
        for (Lazy<? extends AutoCloseable> client : List.of(kinesis, kinesisAsync, firehose, firehoseAsync, s3)) {
            client.closeIfBuilt();
        }
        others.values().forEach(Lazy::closeIfBuilt);
    }

    /** A client built on first use, under its own lock. */
    private static final class Lazy<T extends AutoCloseable> {
        private final Supplier<T> factory;
        private T value;

        Lazy(Supplier<T> factory) {
            this.factory = factory;
        }

        synchronized T get() {
            return value != null ? value : (value = factory.get());
        }

        synchronized void closeIfBuilt() {
            if (value != null) {
                try {
                    value.close();
                } catch (Exception e) {
                    // closing a client does not fail a test
                }
            }
        }
    }
}
