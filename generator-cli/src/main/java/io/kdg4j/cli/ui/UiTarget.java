package io.kdg4j.cli.ui;

import io.kdg4j.aws.AwsEndpoint;
import io.kdg4j.local.LocalEmulator;
import software.amazon.awssdk.services.firehose.FirehoseAsyncClient;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Where the page sends: an endpoint, its clients (built once, shared by every run; sinks never close them) and,
 * with {@code --endpoint local} or no flag, the emulator started for it.
 */
final class UiTarget implements AutoCloseable {
    private final AwsEndpoint endpoint;
    private final String description;
    private final LocalEmulator local;
    private final KinesisClient kinesis;
    private final FirehoseClient firehose;
    private final S3Client s3;
    private final KinesisAsyncClient kinesisAsync;
    private final FirehoseAsyncClient firehoseAsync;

    UiTarget(AwsEndpoint endpoint, String description, LocalEmulator local) {
        this.endpoint = endpoint;
        this.description = description;
        this.local = local;
        this.kinesis = endpoint.kinesis();
        this.firehose = endpoint.firehose();
        this.s3 = endpoint.s3();
        this.kinesisAsync = endpoint.kinesisAsync(16);
        this.firehoseAsync = endpoint.firehoseAsync(16);
    }

    AwsEndpoint endpoint() {
        return endpoint;
    }

    /** For the page: the endpoint and region, never the credentials. */
    String description() {
        return description;
    }

    boolean isEmulator() {
        return local != null || endpoint.endpoint() != null;
    }

    LocalEmulator local() {
        return local;
    }

    KinesisClient kinesis() {
        return kinesis;
    }

    FirehoseClient firehose() {
        return firehose;
    }

    S3Client s3() {
        return s3;
    }

    KinesisAsyncClient kinesisAsync() {
        return kinesisAsync;
    }

    FirehoseAsyncClient firehoseAsync() {
        return firehoseAsync;
    }

    @Override
    public void close() {
        kinesisAsync.close();
        firehoseAsync.close();
        kinesis.close();
        firehose.close();
        s3.close();
        if (local != null) {
            local.close();
        }
    }
}
