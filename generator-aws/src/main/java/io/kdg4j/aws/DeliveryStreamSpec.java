package io.kdg4j.aws;

import java.util.Objects;

/**
 * A DirectPut delivery stream to S3 as {@link Provisioning} creates it. Immutable.
 *
 * @param name the delivery stream
 * @param bucket the destination bucket (created if missing)
 * @param prefix the S3 prefix, with Firehose expressions such as {@code !{timestamp:yyyy/MM/}}; empty for none
 * @param errorPrefix the error output prefix; required by Firehose when the prefix has expressions
 * @param bufferSizeMb delivery when this many MiB are buffered (1..128)
 * @param bufferIntervalSeconds or after this many seconds (0..900)
 * @param roleArn the IAM role Firehose writes with (any value for emulators)
 */
public record DeliveryStreamSpec(String name, String bucket, String prefix, String errorPrefix, int bufferSizeMb,
                                 int bufferIntervalSeconds, String roleArn) {
    public static final String LOCAL_ROLE_ARN = "arn:aws:iam::000000000000:role/kdg4j-firehose";

    public DeliveryStreamSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(bucket, "bucket");
        prefix = prefix == null ? "" : prefix;
        if (bufferSizeMb < 1 || bufferSizeMb > 128) {
            throw new IllegalArgumentException("bufferSizeMb must be in [1, 128] but was " + bufferSizeMb);
        }
        if (bufferIntervalSeconds < 0 || bufferIntervalSeconds > 900) {
            throw new IllegalArgumentException("bufferIntervalSeconds must be in [0, 900] but was "
                    + bufferIntervalSeconds);
        }
        Objects.requireNonNull(roleArn, "roleArn");
    }

    /** Firehose's defaults: 5 MiB or 300 s, no prefix. */
    public static DeliveryStreamSpec of(String name, String bucket) {
        return new DeliveryStreamSpec(name, bucket, "", null, 5, 300, LOCAL_ROLE_ARN);
    }

    public DeliveryStreamSpec withPrefix(String prefix, String errorPrefix) {
        return new DeliveryStreamSpec(name, bucket, prefix, errorPrefix, bufferSizeMb, bufferIntervalSeconds,
                roleArn);
    }

    public DeliveryStreamSpec withBuffering(int sizeMb, int intervalSeconds) {
        return new DeliveryStreamSpec(name, bucket, prefix, errorPrefix, sizeMb, intervalSeconds, roleArn);
    }

    public DeliveryStreamSpec withRoleArn(String roleArn) {
        return new DeliveryStreamSpec(name, bucket, prefix, errorPrefix, bufferSizeMb, bufferIntervalSeconds,
                roleArn);
    }
}
