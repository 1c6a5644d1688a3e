package io.kdg4j.local.internal.firehose;

import io.kdg4j.local.internal.kinesis.Stream;
import java.io.ByteArrayOutputStream;

/**
 * A delivery stream to S3: its configuration and its buffer. Records are concatenated as they come (Firehose adds
 * no delimiter) and delivered as one object when the buffer reaches its size hint or its oldest record its
 * interval, whichever comes first. Guarded by its own monitor.
 */
final class DeliveryStream {
    final String name;
    final String arn;
    final boolean kinesisSource;
    final String sourceStreamArn;
    final String roleArn;
    final long createdMillis;
    final long readyAtMillis;
    final String bucket;
    final String bucketArn;
    final S3Prefix prefix;
    final S3Prefix errorPrefix;
    final String errorPrefixText;
    final int sizeInMBs;
    final int intervalInSeconds;
    final String compression;
    final boolean extended;

    final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    long oldestArrival = -1;
    int bufferedRecords;
    long[] sourcePositions;
    Stream source;
    long delivered;

    DeliveryStream(String name, String arn, boolean kinesisSource, String sourceStreamArn, String roleArn,
                   long createdMillis, long readyAtMillis, String bucket, String bucketArn, S3Prefix prefix,
                   S3Prefix errorPrefix, String errorPrefixText, int sizeInMBs, int intervalInSeconds,
                   String compression, boolean extended) {
        this.name = name;
        this.arn = arn;
        this.kinesisSource = kinesisSource;
        this.sourceStreamArn = sourceStreamArn;
        this.roleArn = roleArn;
        this.createdMillis = createdMillis;
        this.readyAtMillis = readyAtMillis;
        this.bucket = bucket;
        this.bucketArn = bucketArn;
        this.prefix = prefix;
        this.errorPrefix = errorPrefix;
        this.errorPrefixText = errorPrefixText;
        this.sizeInMBs = sizeInMBs;
        this.intervalInSeconds = intervalInSeconds;
        this.compression = compression;
        this.extended = extended;
    }

    boolean isActive(long now) {
        return now >= readyAtMillis;
    }

    void add(byte[] data, long arrival) {
        if (bufferedRecords == 0) {
            oldestArrival = arrival;
        }
        buffer.write(data, 0, data.length);
        bufferedRecords++;
    }

    boolean due(long now) {
        return bufferedRecords > 0 && (buffer.size() >= sizeInMBs * 1024L * 1024L
                || now - oldestArrival >= intervalInSeconds * 1000L);
    }
}
