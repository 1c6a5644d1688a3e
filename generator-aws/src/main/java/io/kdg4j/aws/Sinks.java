package io.kdg4j.aws;

import software.amazon.awssdk.services.firehose.FirehoseAsyncClient;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;

/**
 * The entry point of generator-aws: sinks for Kinesis Data Streams and Firehose.
 *
 * <pre>{@code
 * import static io.kdg4j.aws.Sinks.*;
 *
 * AwsEndpoint aws = AwsEndpoint.fromEnvironment(null);
 * try (KinesisSink sink = kinesis(aws, "orders")) {
 *     RunSummary summary = Generator.from(Presets.get("sakila").schema()).rate(500).limit(10_000)
 *         .to(sink).start().awaitCompletion(Duration.ofMinutes(2));
 * }
 *
 * try (FirehoseSink sink = firehose(myFirehoseClient, "etl-delivery")) { ... }   // the client stays open
 * }</pre>
 */
public final class Sinks {
    private Sinks() {
    }

    /** A Kinesis sink with its own client, with the default batching and retries. */
    public static KinesisSink kinesis(AwsEndpoint endpoint, String stream) {
        return KinesisSink.builder(endpoint, stream).build();
    }

    /** A Kinesis sink on the caller's client (not closed by the sink). */
    public static KinesisSink kinesis(KinesisAsyncClient client, String stream) {
        return KinesisSink.builder(client, stream).build();
    }

    /** A Firehose sink with its own client; records end with {@code \n}. */
    public static FirehoseSink firehose(AwsEndpoint endpoint, String deliveryStream) {
        return FirehoseSink.builder(endpoint, deliveryStream).build();
    }

    /** A Firehose sink on the caller's client (not closed by the sink); records end with {@code \n}. */
    public static FirehoseSink firehose(FirehoseAsyncClient client, String deliveryStream) {
        return FirehoseSink.builder(client, deliveryStream).build();
    }
}
