package io.kdg4j.examples.users;

import io.kdg4j.aws.DeliveryStreamSpec;
import io.kdg4j.aws.FirehoseSink;
import io.kdg4j.aws.Provisioning;
import io.kdg4j.core.preset.Presets;
import io.kdg4j.core.run.Generator;
import io.kdg4j.core.run.RunSummary;
import io.kdg4j.junit.KinesisFixture;
import java.time.Duration;

/**
 * The random-users tutorial (producer -> Kinesis stream -> analytics filter -> Firehose -> S3): {@code randomuser}
 * profiles go into the stream {@code users}; {@link AdultMaleFilter} reads them, keeps adult men and forwards them
 * to the delivery stream {@code adult-males}, which lands newline-delimited JSON under {@code adult-males/} in the
 * bucket {@code analytics}. The sink adds the newline, so the tutorial's transforming Lambda is not needed.
 */
public final class RandomUsersFiltered {
    public static final String STREAM = "users";
    public static final String BUCKET = "analytics";
    public static final String PREFIX = "adult-males/";

    private RandomUsersFiltered() {
    }

    /** The delivery stream the filter writes to: 1 MiB or {@code bufferSeconds}, whichever comes first. */
    public static DeliveryStreamSpec deliveryStream(int bufferSeconds) {
        return DeliveryStreamSpec.of("adult-males", BUCKET)
                .withPrefix(PREFIX + "!{timestamp:yyyy/MM/dd/}", "errors/!{firehose:error-output-type}/")
                .withBuffering(1, bufferSeconds);
    }

    /** Sends {@code users} profiles into a 2-shard stream, waits until every one is acked or failed. */
    public static RunSummary produce(KinesisFixture fixture, int users, long seed)
            throws InterruptedException, java.util.concurrent.TimeoutException {
        return fixture.stream(STREAM, 2, Generator.from(Presets.get("randomuser").schema()).seed(seed).rate(5_000)
                .limit(users)).awaitCompletion(Duration.ofMinutes(2));
    }

    /** Creates the delivery stream and its bucket, then runs the filter over the {@code users} the stream holds. */
    public static AdultMaleFilter.Outcome filter(KinesisFixture fixture, long users, int bufferSeconds) {
        Provisioning.ensureDeliveryStream(fixture.firehose(), fixture.s3(), deliveryStream(bufferSeconds),
                Duration.ofMinutes(2));
        return AdultMaleFilter.forward(fixture.kinesis(), STREAM, users, Duration.ofSeconds(30),
                FirehoseSink.builder(fixture.endpoint(), "adult-males").build());
    }

    public static void main(String[] args) throws Exception {
        try (KinesisFixture fixture = KinesisFixture.auto()) {
            System.out.println("producer: " + produce(fixture, 2_000, 1).describe());
            AdultMaleFilter.Outcome outcome = filter(fixture, 2_000, 60);
            System.out.printf("filter: read %,d users, kept %,d adult men, %,d acked by Firehose%n",
                    outcome.read(), outcome.kept(), outcome.acked());
        }
    }
}
