package io.kdg4j.aws;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.firehose.FirehoseAsyncClient;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Where the services are: an endpoint override (or none, for AWS itself), a region and credentials; and the one
 * place that builds SDK clients for them. LocalStack, the embedded emulator and a user's own endpoint all come
 * down to one of these.
 *
 * <pre>{@code
 * AwsEndpoint local = AwsEndpoint.of(URI.create("http://127.0.0.1:4566"), Region.US_EAST_1, "test", "test");
 * try (KinesisAsyncClient kinesis = local.kinesisAsync(16)) { ... }
 * KinesisClient mine = local.configure(KinesisClient.builder()).build();
 * }</pre>
 *
 * <p>Credentials are never part of {@link #toString()}. Immutable and thread-safe; the caller closes the clients
 * it builds.
 *
 * @param endpoint the endpoint override, or null for the service's own (or one set by AWS_ENDPOINT_URL...)
 * @param region the region, used for signing even when the endpoint is overridden
 * @param credentials the credentials provider
 */
public record AwsEndpoint(URI endpoint, Region region, AwsCredentialsProvider credentials) {
    public AwsEndpoint {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(credentials, "credentials");
    }

    /** An endpoint with static credentials, such as LocalStack's or the emulator's ("test"/"test"). */
    public static AwsEndpoint of(URI endpoint, Region region, String accessKeyId, String secretAccessKey) {
        return new AwsEndpoint(Objects.requireNonNull(endpoint, "endpoint"), region,
                StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secretAccessKey)));
    }

    /**
     * An emulator or other local endpoint (LocalStack, {@code kdg local}, kinesis-mock), which takes any
     * credentials: the user's own from the environment, system properties or profile files when there are some, else
     * {@code test}/{@code test}. Never the container or instance metadata services: an emulator does not check
     * credentials, and looking them up would send requests off this machine.
     */
    public static AwsEndpoint emulator(URI endpoint, Region region) {
        return new AwsEndpoint(Objects.requireNonNull(endpoint, "endpoint"), region, AwsCredentialsProviderChain.of(
                EnvironmentVariableCredentialsProvider.create(), SystemPropertyCredentialsProvider.create(),
                ProfileCredentialsProvider.create(),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"))));
    }

    /**
     * AWS as the SDK finds it: the default region chain (or {@code region} when not null), the default credential
     * chain, and any endpoint from AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_KINESIS and the like, or profiles.
     */
    public static AwsEndpoint fromEnvironment(Region region) {
        Region chosen = region != null ? region : new DefaultAwsRegionProviderChain().getRegion();
        return new AwsEndpoint(null, chosen, DefaultCredentialsProvider.builder().build());
    }

    /** True when the endpoint is plain HTTP, where HTTP/1.1 is the safe protocol. */
    public boolean plainHttp() {
        return endpoint != null && "http".equalsIgnoreCase(endpoint.getScheme());
    }

    /**
     * Whether {@code service}'s endpoint is plain HTTP: this endpoint's, or when there is none the one the SDK will
     * take from AWS_ENDPOINT_URL_&lt;SERVICE&gt; or AWS_ENDPOINT_URL (emulators such as kinesis-mock speak no
     * cleartext HTTP/2, and a default async Kinesis client would hang against them).
     */
    boolean plainHttp(String service) {
        if (endpoint != null) {
            return plainHttp();
        }
        String specific = System.getenv("AWS_ENDPOINT_URL_" + service);
        String configured = specific != null ? specific : System.getenv("AWS_ENDPOINT_URL");
        return configured != null && configured.trim().toLowerCase(java.util.Locale.ROOT).startsWith("http:");
    }

    /** Sets region, credentials and (when there is one) the endpoint on any SDK client builder. */
    public <B extends AwsClientBuilder<B, ?>> B configure(B builder) {
        builder.region(region).credentialsProvider(credentials);
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder;
    }

    /**
     * An async Kinesis client for sinks: Netty with {@code maxConcurrency} connections (HTTP/1.1 on plain-HTTP
     * endpoints), and no SDK retries, so that every retry is the sink's and is counted.
     */
    public KinesisAsyncClient kinesisAsync(int maxConcurrency) {
        return configure(KinesisAsyncClient.builder()).httpClientBuilder(netty(maxConcurrency, plainHttp("KINESIS")))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    /** An async Firehose client for sinks, built as {@link #kinesisAsync(int)}. */
    public FirehoseAsyncClient firehoseAsync(int maxConcurrency) {
        return configure(FirehoseAsyncClient.builder()).httpClientBuilder(netty(maxConcurrency,
                plainHttp("FIREHOSE")))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    /** A synchronous Kinesis client (URL connection HTTP client, SDK retries on) for setup and reading. */
    public KinesisClient kinesis() {
        return configure(KinesisClient.builder()).httpClient(UrlConnectionHttpClient.create()).build();
    }

    public FirehoseClient firehose() {
        return configure(FirehoseClient.builder()).httpClient(UrlConnectionHttpClient.create()).build();
    }

    /** A synchronous S3 client with path-style addressing (as emulators need). */
    public S3Client s3() {
        return configure(S3Client.builder()).httpClient(UrlConnectionHttpClient.create())
                .forcePathStyle(endpoint != null).build();
    }

    private static NettyNioAsyncHttpClient.Builder netty(int maxConcurrency, boolean http1) {
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException("maxConcurrency must be >= 1 but was " + maxConcurrency);
        }
        NettyNioAsyncHttpClient.Builder netty = NettyNioAsyncHttpClient.builder().maxConcurrency(maxConcurrency)
                .connectionAcquisitionTimeout(Duration.ofSeconds(60));
        if (http1) {
            netty.protocol(Protocol.HTTP1_1);
        }
        return netty;
    }

    @Override
    public String toString() {
        return "AwsEndpoint[" + (endpoint != null ? endpoint : "AWS") + ", " + region + "]";
    }
}
