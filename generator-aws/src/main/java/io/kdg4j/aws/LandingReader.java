package io.kdg4j.aws;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Reads what Firehose landed under an S3 prefix back into records: every object (GZIP ones unzipped), split into
 * lines. Use the static methods with any client, or an instance bound to one ({@link #of(S3Client)}, as the JUnit
 * extension injects it). Thread-safe; the caller owns the client.
 */
public final class LandingReader {
    private final S3Client s3;

    private LandingReader(S3Client s3) {
        this.s3 = s3;
    }

    /** A reader on {@code s3}. */
    public static LandingReader of(S3Client s3) {
        return new LandingReader(java.util.Objects.requireNonNull(s3, "s3"));
    }

    /** As {@link #lines(S3Client, String, String)} on this reader's client. */
    public List<String> lines(String bucket, String prefix) {
        return lines(s3, bucket, prefix);
    }

    /** As {@link #keys(S3Client, String, String)} on this reader's client. */
    public List<String> keys(String bucket, String prefix) {
        return keys(s3, bucket, prefix);
    }

    /** The keys under {@code prefix}, in key order (Firehose names sort by delivery time). */
    public static List<String> keys(S3Client s3, String bucket, String prefix) {
        List<String> keys = new ArrayList<>();
        s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents().stream().map(S3Object::key)
                .forEach(keys::add);
        return keys;
    }

    /** As {@link #awaitLines(S3Client, String, String, int, Duration)} on this reader's client. */
    public List<String> awaitLines(String bucket, String prefix, int expected, Duration timeout) {
        return awaitLines(s3, bucket, prefix, expected, timeout);
    }

    /**
     * The lines under {@code prefix} once at least {@code expected} have landed, polling every 100 ms: Firehose
     * delivers when a buffer fills or its interval passes, so records acked by Firehose land some time later.
     *
     * @throws IllegalStateException when fewer than {@code expected} lines landed within {@code timeout}, saying
     *     how many did
     */
    public static List<String> awaitLines(S3Client s3, String bucket, String prefix, int expected,
                                          Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<String> lines = lines(s3, bucket, prefix);
            if (lines.size() >= expected) {
                return lines;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(lines.size() + " of " + expected + " lines landed under s3://"
                        + bucket + "/" + prefix + " within " + timeout + " (Firehose delivers when its buffer's "
                        + "size or interval is reached: use shorter buffering in tests)");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for s3://" + bucket + "/" + prefix, e);
            }
        }
    }

    /** One object's content as text, unzipped when it is GZIP. */
    public static String objectText(S3Client s3, String bucket, String key) {
        return text(s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray());
    }

    /** Every non-empty line of every object under {@code prefix}, object by object in key order. */
    public static List<String> lines(S3Client s3, String bucket, String prefix) {
        List<String> lines = new ArrayList<>();
        for (String key : keys(s3, bucket, prefix)) {
            for (String line : objectText(s3, bucket, key).split("\n")) {
                if (!line.isEmpty()) {
                    lines.add(line);
                }
            }
        }
        return lines;
    }

    private static String text(byte[] bytes) {
        if (bytes.length > 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot unzip a landed object", e);
            }
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
