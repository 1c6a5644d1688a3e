package io.kdg4j.aws;

import io.kdg4j.core.KdgException;
import java.time.Duration;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.firehose.model.BufferingHints;
import software.amazon.awssdk.services.firehose.model.DeliveryStreamStatus;
import software.amazon.awssdk.services.firehose.model.DeliveryStreamType;
import software.amazon.awssdk.services.firehose.model.ExtendedS3DestinationConfiguration;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ResourceInUseException;
import software.amazon.awssdk.services.kinesis.model.StreamMode;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Creates what a run needs when it is missing — a stream, a bucket, a delivery stream — and waits until it is
 * ACTIVE. Each method says whether it created the resource, so that a caller deletes only what it created.
 * Stateless; the caller owns the clients.
 */
public final class Provisioning {
    /** Polls start fast (an emulator is ACTIVE in tens of milliseconds) and back off towards AWS's pace. */
    private static final long FIRST_POLL_MILLIS = 10;
    private static final long MAX_POLL_MILLIS = 250;

    private Provisioning() {
    }

    /**
     * Creates {@code stream} with {@code shards} shards (0 for on-demand) unless it exists, then waits until it is
     * ACTIVE; true when this call created it. A stream still DELETING (deleted by a previous test a moment ago:
     * LocalStack and kinesis-mock keep it so for a while) is waited out and then created anew.
     */
    public static boolean ensureStream(KinesisClient kinesis, String stream, int shards, Duration timeout) {
        if (shards < 0) {
            throw new IllegalArgumentException("shards must be >= 0 (0 = on-demand) but was " + shards);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean created = false;
        StreamStatus status = streamStatus(kinesis, stream);
        if (status == StreamStatus.DELETING) {
            waitUntil(remaining(deadline), "stream " + stream + " to finish DELETING",
                    () -> streamStatus(kinesis, stream) == null);
            status = null;
        }
        if (status == null) {
            try {
                if (shards == 0) {
                    kinesis.createStream(b -> b.streamName(stream)
                            .streamModeDetails(m -> m.streamMode(StreamMode.ON_DEMAND)));
                } else {
                    kinesis.createStream(b -> b.streamName(stream).shardCount(shards));
                }
                created = true;
            } catch (ResourceInUseException raced) {
                // someone else created it meanwhile
            }
        }
        waitUntil(remaining(deadline), "stream " + stream + " to be ACTIVE",
                () -> streamStatus(kinesis, stream) == StreamStatus.ACTIVE);
        return created;
    }

    /** The stream's status, or null when there is no such stream. */
    private static StreamStatus streamStatus(KinesisClient kinesis, String stream) {
        try {
            return kinesis.describeStreamSummary(b -> b.streamName(stream)).streamDescriptionSummary().streamStatus();
        } catch (software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException e) {
            return null;
        }
    }

    private static Duration remaining(long deadline) {
        return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
    }

    public static boolean streamExists(KinesisClient kinesis, String stream) {
        try {
            kinesis.describeStreamSummary(b -> b.streamName(stream));
            return true;
        } catch (software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException e) {
            return false;
        }
    }

    /** Whether {@code bucket} exists (and the credentials may see it). */
    public static boolean bucketExists(S3Client s3, String bucket) {
        try {
            s3.headBucket(b -> b.bucket(bucket));
            return true;
        } catch (S3Exception e) {
            if (e.statusCode() == 404 || e instanceof NoSuchBucketException) {
                return false;
            }
            throw e;
        }
    }

    /** Creates {@code bucket} unless it exists; true when this call created it. */
    public static boolean ensureBucket(S3Client s3, String bucket) {
        try {
            s3.headBucket(b -> b.bucket(bucket));
            return false;
        } catch (NoSuchBucketException e) {
            s3.createBucket(b -> b.bucket(bucket));
            return true;
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw e;
            }
            s3.createBucket(b -> b.bucket(bucket));
            return true;
        }
    }

    /**
     * Creates the bucket and the DirectPut delivery stream of {@code spec} unless they exist, then waits until the
     * delivery stream is ACTIVE; true when this call created the delivery stream.
     */
    public static boolean ensureDeliveryStream(FirehoseClient firehose, S3Client s3, DeliveryStreamSpec spec,
                                               Duration timeout) {
        ensureBucket(s3, spec.bucket());
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean created = false;
        DeliveryStreamStatus status = deliveryStreamStatus(firehose, spec.name());
        if (status == DeliveryStreamStatus.DELETING) {
            waitUntil(remaining(deadline), "delivery stream " + spec.name() + " to finish DELETING",
                    () -> deliveryStreamStatus(firehose, spec.name()) == null);
            status = null;
        }
        if (status == null) {
            ExtendedS3DestinationConfiguration.Builder destination = ExtendedS3DestinationConfiguration.builder()
                    .bucketARN("arn:aws:s3:::" + spec.bucket()).roleARN(spec.roleArn())
                    .bufferingHints(BufferingHints.builder().sizeInMBs(spec.bufferSizeMb())
                            .intervalInSeconds(spec.bufferIntervalSeconds()).build());
            if (!spec.prefix().isEmpty()) {
                destination.prefix(spec.prefix());
            }
            if (spec.errorPrefix() != null) {
                destination.errorOutputPrefix(spec.errorPrefix());
            }
            firehose.createDeliveryStream(b -> b.deliveryStreamName(spec.name())
                    .deliveryStreamType(DeliveryStreamType.DIRECT_PUT)
                    .extendedS3DestinationConfiguration(destination.build()));
            created = true;
        }
        waitUntil(remaining(deadline), "delivery stream " + spec.name() + " to be ACTIVE",
                () -> deliveryStreamStatus(firehose, spec.name()) == DeliveryStreamStatus.ACTIVE);
        return created;
    }

    /** The delivery stream's status, or null when there is none. */
    private static DeliveryStreamStatus deliveryStreamStatus(FirehoseClient firehose, String name) {
        try {
            return firehose.describeDeliveryStream(b -> b.deliveryStreamName(name)).deliveryStreamDescription()
                    .deliveryStreamStatus();
        } catch (software.amazon.awssdk.services.firehose.model.ResourceNotFoundException e) {
            return null;
        }
    }

    public static boolean deliveryStreamExists(FirehoseClient firehose, String name) {
        try {
            firehose.describeDeliveryStream(b -> b.deliveryStreamName(name));
            return true;
        } catch (software.amazon.awssdk.services.firehose.model.ResourceNotFoundException e) {
            return false;
        }
    }

    private static void waitUntil(Duration timeout, String what, java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = FIRST_POLL_MILLIS;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new KdgException("timed out after " + timeout + " waiting for " + what);
            }
            try {
                Thread.sleep(pause);
                pause = Math.min(MAX_POLL_MILLIS, pause * 2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KdgException("interrupted while waiting for " + what, e);
            }
        }
    }
}
