package io.kdg4j.junit.internal;

import io.kdg4j.aws.LandingReader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * What the extension created for one test, deleted when the test's store closes: streams, delivery streams and
 * buckets (emptied first). Never anything it found already there.
 */
public final class Created implements AutoCloseable {
    private final Consumer<String> deleteStream;
    private final Supplier<FirehoseClient> firehose;
    private final Supplier<S3Client> s3;
    private final List<String> streams = new ArrayList<>();
    private final List<String> deliveryStreams = new ArrayList<>();
    private final List<String> buckets = new ArrayList<>();

    /** Takes suppliers: a client is only built if something it deletes was created. */
    public Created(Supplier<KinesisClient> kinesis, Supplier<FirehoseClient> firehose, Supplier<S3Client> s3) {
        this(name -> kinesis.get().deleteStream(b -> b.streamName(name).enforceConsumerDeletion(true)), firehose, s3);
    }

    /** As above, with streams deleted by {@code deleteStream} (an embedded emulator's own, say). */
    public Created(Consumer<String> deleteStream, Supplier<FirehoseClient> firehose, Supplier<S3Client> s3) {
        this.deleteStream = deleteStream;
        this.firehose = firehose;
        this.s3 = s3;
    }

    public synchronized void stream(String name) {
        streams.add(name);
    }

    public synchronized void deliveryStream(String name) {
        deliveryStreams.add(name);
    }

    public synchronized void bucket(String name) {
        buckets.add(name);
    }

    @Override
    public synchronized void close() {
        RuntimeException first = null;
        for (String name : deliveryStreams) {
            try {
                firehose.get().deleteDeliveryStream(b -> b.deliveryStreamName(name));
            } catch (RuntimeException e) {
                first = first == null ? e : first;
            }
        }
        for (String name : streams) {
            try {
                deleteStream.accept(name);
            } catch (RuntimeException e) {
                first = first == null ? e : first;
            }
        }
        for (String name : buckets) {
            try {
                for (String key : LandingReader.keys(s3.get(), name, "")) {
                    s3.get().deleteObject(b -> b.bucket(name).key(key));
                }
                s3.get().deleteBucket(b -> b.bucket(name));
            } catch (RuntimeException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
