package io.kdg4j.local.internal.firehose;

import com.fasterxml.jackson.databind.JsonNode;
import io.kdg4j.local.internal.FaultInjector;
import io.kdg4j.local.internal.http.AwsRequest;
import io.kdg4j.local.internal.http.AwsResponse;
import io.kdg4j.local.internal.kinesis.KinesisStore;
import io.kdg4j.local.internal.kinesis.Stream;
import io.kdg4j.local.internal.protocol.AwsException;
import io.kdg4j.local.internal.protocol.Fields;
import io.kdg4j.local.internal.protocol.JsonProtocol;
import io.kdg4j.local.internal.s3.ObjectStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

/**
 * Amazon Data Firehose (API 2015-08-04) to S3: DirectPut and Kinesis-sourced delivery streams with real buffering
 * (size or interval, whichever first), prefix expressions and AWS's object names, optionally GZIP-compressed.
 * Thread-safe; {@link #tick()} runs on a background thread to deliver buffers that are due.
 */
public final class FirehoseService {
    static final int MAX_BATCH_RECORDS = 500;
    static final long MAX_BATCH_BYTES = 4L * 1024 * 1024;
    static final int MAX_RECORD_BYTES = 1000 * 1024;
    private static final String ACCOUNT = "000000000000";
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_.-]{1,64}");
    private static final DateTimeFormatter OBJECT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd-HH-mm-ss")
            .withZone(ZoneOffset.UTC);

    private final Clock clock;
    private final String region;
    private final KinesisStore streams;
    private final ObjectStore objects;
    private final FaultInjector faults;
    private final ConcurrentSkipListMap<String, DeliveryStream> deliveryStreams = new ConcurrentSkipListMap<>();
    private final Random random = new Random();
    private final long creationDelayMillis = 50;

    public FirehoseService(Clock clock, String region, KinesisStore streams, ObjectStore objects,
                           FaultInjector faults) {
        this.clock = clock;
        this.region = region;
        this.streams = streams;
        this.objects = objects;
        this.faults = faults;
    }

    public AwsResponse handle(String operation, AwsRequest request) {
        JsonProtocol protocol = JsonProtocol.of(request);
        try {
            JsonProtocol.checkContentType(request);
            Fields in = new Fields(protocol.parse(request.bodyBytes()), protocol);
            return switch (operation) {
                case "CreateDeliveryStream" -> create(in);
                case "DescribeDeliveryStream" -> describe(in);
                case "ListDeliveryStreams" -> list(in);
                case "DeleteDeliveryStream" -> delete(in);
                case "PutRecord" -> putRecord(in);
                case "PutRecordBatch" -> putRecordBatch(in);
                default -> throw new AwsException("UnknownOperationException", 400, "Operation " + operation
                        + " is not supported by the kdg4j emulator");
            };
        } catch (AwsException e) {
            return protocol.error(e);
        }
    }

    // ----- control plane -----

    private AwsResponse create(Fields in) {
        String name = in.requiredText("DeliveryStreamName");
        if (!NAME.matcher(name).matches()) {
            throw AwsException.validation("1 validation error detected: Value '" + name + "' at 'deliveryStreamName' "
                    + "failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+ "
                    + "and have length between 1 and 64");
        }
        String type = in.text("DeliveryStreamType") == null ? "DirectPut" : in.text("DeliveryStreamType");
        if (!type.equals("DirectPut") && !type.equals("KinesisStreamAsSource")) {
            throw AwsException.invalidArgument("DeliveryStreamType " + type + " is not supported by the kdg4j "
                    + "emulator (DirectPut, KinesisStreamAsSource)");
        }
        String sourceArn = null;
        if (type.equals("KinesisStreamAsSource")) {
            Fields source = in.object("KinesisStreamSourceConfiguration");
            if (source == null || source.text("KinesisStreamARN") == null) {
                throw AwsException.invalidArgument("KinesisStreamSourceConfiguration with a KinesisStreamARN is required "
                        + "for KinesisStreamAsSource delivery streams");
            }
            sourceArn = source.text("KinesisStreamARN");
            streams.find(sourceArn);
        }
        Fields extended = in.object("ExtendedS3DestinationConfiguration");
        Fields plain = in.object("S3DestinationConfiguration");
        Fields destination = extended != null ? extended : plain;
        if (destination == null) {
            throw AwsException.invalidArgument("the kdg4j emulator delivers to S3: give ExtendedS3DestinationConfiguration "
                    + "or S3DestinationConfiguration");
        }
        String bucketArn = destination.requiredText("BucketARN");
        if (!bucketArn.startsWith("arn:aws:s3:::") || bucketArn.length() <= "arn:aws:s3:::".length()) {
            throw AwsException.invalidArgument("BucketARN must look like arn:aws:s3:::bucket but was " + bucketArn);
        }
        String prefixText = destination.text("Prefix");
        String errorPrefixText = destination.text("ErrorOutputPrefix");
        S3Prefix prefix = S3Prefix.parse(prefixText, "Prefix");
        S3Prefix errorPrefix = S3Prefix.parse(errorPrefixText, "ErrorOutputPrefix");
        S3Prefix.check(prefix, errorPrefix, errorPrefixText != null && !errorPrefixText.isEmpty());
        Fields hints = destination.object("BufferingHints");
        int size = 5;
        int interval = 300;
        if (hints != null) {
            Integer sizeHint = hints.integer("SizeInMBs");
            Integer intervalHint = hints.integer("IntervalInSeconds");
            if (sizeHint != null) {
                if (sizeHint < 1 || sizeHint > 128) {
                    throw AwsException.validation("1 validation error detected: Value '" + sizeHint + "' at "
                            + "'bufferingHints.sizeInMBs' failed to satisfy constraint: Member must have value between 1 "
                            + "and 128");
                }
                size = sizeHint;
            }
            if (intervalHint != null) {
                if (intervalHint < 0 || intervalHint > 900) {
                    throw AwsException.validation("1 validation error detected: Value '" + intervalHint + "' at "
                            + "'bufferingHints.intervalInSeconds' failed to satisfy constraint: Member must have value "
                            + "between 0 and 900");
                }
                interval = intervalHint;
            }
        }
        String compression = destination.text("CompressionFormat") == null ? "UNCOMPRESSED"
                : destination.text("CompressionFormat");
        if (!compression.equals("UNCOMPRESSED") && !compression.equals("GZIP")) {
            throw AwsException.invalidArgument("CompressionFormat " + compression + " is not supported by the kdg4j "
                    + "emulator (UNCOMPRESSED, GZIP)");
        }
        String arn = "arn:aws:firehose:" + region + ":" + ACCOUNT + ":deliverystream/" + name;
        long now = clock.millis();
        DeliveryStream stream = new DeliveryStream(name, arn, sourceArn != null, sourceArn,
                destination.text("RoleARN"), now, now + creationDelayMillis,
                bucketArn.substring("arn:aws:s3:::".length()), bucketArn, prefix, errorPrefix, errorPrefixText, size,
                interval, compression, extended != null);
        if (sourceArn != null) {
            stream.source = streams.find(sourceArn);
            stream.sourcePositions = streams.latestPositions(stream.source);
        }
        if (deliveryStreams.putIfAbsent(name, stream) != null) {
            throw AwsException.inUse("Firehose " + name + " under accountId " + ACCOUNT + " already exists");
        }
        return in.protocol().respond(w -> w.string("DeliveryStreamARN", arn));
    }

    private DeliveryStream find(String name) {
        DeliveryStream stream = deliveryStreams.get(name);
        if (stream == null) {
            throw AwsException.notFound("Firehose " + name + " under account " + ACCOUNT + " not found.");
        }
        return stream;
    }

    private AwsResponse describe(Fields in) {
        DeliveryStream s = find(in.requiredText("DeliveryStreamName"));
        long now = clock.millis();
        return in.protocol().respond(w -> {
            w.startObject("DeliveryStreamDescription");
            w.string("DeliveryStreamName", s.name).string("DeliveryStreamARN", s.arn)
                    .string("DeliveryStreamStatus", s.isActive(now) ? "ACTIVE" : "CREATING")
                    .string("DeliveryStreamType", s.kinesisSource ? "KinesisStreamAsSource" : "DirectPut")
                    .string("VersionId", "1");
            w.timestamp("CreateTimestamp", s.createdMillis);
            if (s.kinesisSource) {
                w.startObject("Source").startObject("KinesisStreamSourceDescription")
                        .string("KinesisStreamARN", s.sourceStreamArn).string("RoleARN", s.roleArn);
                w.timestamp("DeliveryStartTimestamp", s.createdMillis).endObject().endObject();
            }
            w.startArray("Destinations").startObject().string("DestinationId", "destinationId-000000000001");
            for (String member : new String[] {"S3DestinationDescription", "ExtendedS3DestinationDescription"}) {
                w.startObject(member);
                w.string("RoleARN", s.roleArn).string("BucketARN", s.bucketArn)
                        .string("Prefix", s.prefix.source()).string("ErrorOutputPrefix", s.errorPrefixText);
                w.startObject("BufferingHints").number("SizeInMBs", s.sizeInMBs)
                        .number("IntervalInSeconds", s.intervalInSeconds).endObject();
                w.string("CompressionFormat", s.compression);
                w.startObject("EncryptionConfiguration").string("NoEncryptionConfig", "NoEncryption").endObject();
                w.endObject();
            }
            w.endObject().endArray();
            w.bool("HasMoreDestinations", false);
            w.endObject();
        });
    }

    private AwsResponse list(Fields in) {
        Integer limit = in.integer("Limit");
        int max = limit == null ? 10 : limit;
        if (max < 1 || max > 10_000) {
            throw AwsException.validation("Limit must be in [1, 10000] but was " + max);
        }
        String type = in.text("DeliveryStreamType");
        String after = in.text("ExclusiveStartDeliveryStreamName");
        List<String> names = new ArrayList<>();
        for (DeliveryStream stream : deliveryStreams.values()) {
            boolean typeMatches = type == null || type.equals(stream.kinesisSource ? "KinesisStreamAsSource"
                    : "DirectPut");
            if (typeMatches && (after == null || stream.name.compareTo(after) > 0)) {
                names.add(stream.name);
            }
        }
        boolean more = names.size() > max;
        List<String> page = names.subList(0, Math.min(max, names.size()));
        return in.protocol().respond(w -> {
            w.startArray("DeliveryStreamNames");
            for (String name : page) {
                w.stringElement(name);
            }
            w.endArray();
            w.bool("HasMoreDeliveryStreams", more);
        });
    }

    private AwsResponse delete(Fields in) {
        DeliveryStream stream = find(in.requiredText("DeliveryStreamName"));
        synchronized (stream) {
            deliver(stream);
            deliveryStreams.remove(stream.name);
        }
        return in.protocol().respond(w -> { });
    }

    // ----- data plane -----

    private DeliveryStream findForPut(String name) {
        DeliveryStream stream = find(name);
        if (stream.kinesisSource) {
            throw AwsException.invalidArgument("This operation is not permitted on KinesisStreamAsSource delivery "
                    + "stream type.");
        }
        if (!stream.isActive(clock.millis())) {
            throw AwsException.inUse("Firehose " + name + " under account " + ACCOUNT + " is not ACTIVE yet "
                    + "(CREATING).");
        }
        return stream;
    }

    private static byte[] data(JsonNode record, String member) {
        JsonNode data = record == null ? null : record.get("Data");
        if (data == null || data.isNull()) {
            throw AwsException.validation("1 validation error detected: Value null at '" + member + "data' failed to "
                    + "satisfy constraint: Member must not be null");
        }
        byte[] bytes = Fields.blob(data, "Data");
        if (bytes.length > MAX_RECORD_BYTES) {
            throw AwsException.validation("1 validation error detected: Value at '" + member + "data' failed to "
                    + "satisfy constraint: Member must have length less than or equal to " + MAX_RECORD_BYTES
                    + " (was " + bytes.length + ")");
        }
        return bytes;
    }

    private AwsResponse putRecord(Fields in) {
        DeliveryStream stream = findForPut(in.requiredText("DeliveryStreamName"));
        byte[] data = data(in.raw("Record"), "record.");
        if (faults.failEntry()) {
            throw new AwsException("ServiceUnavailableException", 400, "Slow down.");
        }
        long now = clock.millis();
        synchronized (stream) {
            stream.add(data, now);
            if (stream.due(now)) {
                deliver(stream);
            }
        }
        String id = recordId();
        return in.protocol().respond(w -> w.string("RecordId", id).bool("Encrypted", false));
    }

    private AwsResponse putRecordBatch(Fields in) {
        DeliveryStream stream = findForPut(in.requiredText("DeliveryStreamName"));
        JsonNode records = in.raw("Records");
        if (records == null || !records.isArray() || records.isEmpty()) {
            throw AwsException.validation("1 validation error detected: Value '[]' at 'records' failed to satisfy "
                    + "constraint: Member must have length greater than or equal to 1");
        }
        if (records.size() > MAX_BATCH_RECORDS) {
            throw AwsException.validation("1 validation error detected: Value at 'records' failed to satisfy "
                    + "constraint: Member must have length less than or equal to " + MAX_BATCH_RECORDS + " (was "
                    + records.size() + ")");
        }
        byte[][] data = new byte[records.size()][];
        long total = 0;
        for (int i = 0; i < data.length; i++) {
            data[i] = data(records.get(i), "records." + (i + 1) + ".member.");
            total += data[i].length;
        }
        if (total > MAX_BATCH_BYTES) {
            throw AwsException.invalidArgument("Records size exceeds 4 MB limit (the batch was " + total + " bytes)");
        }
        boolean[] failed = new boolean[data.length];
        int failedCount = 0;
        long now = clock.millis();
        synchronized (stream) {
            for (int i = 0; i < data.length; i++) {
                if (faults.failEntry()) {
                    failed[i] = true;
                    failedCount++;
                } else {
                    stream.add(data[i], now);
                }
            }
            if (stream.due(now)) {
                deliver(stream);
            }
        }
        int failures = failedCount;
        return in.protocol().respond(w -> {
            w.number("FailedPutCount", failures);
            w.bool("Encrypted", false);
            w.startArray("RequestResponses");
            for (boolean fail : failed) {
                w.startObject();
                if (fail) {
                    w.string("ErrorCode", "ServiceUnavailableException").string("ErrorMessage", "Slow down.");
                } else {
                    w.string("RecordId", recordId());
                }
                w.endObject();
            }
            w.endArray();
        });
    }

    private String recordId() {
        return UUID.randomUUID().toString().replace("-", "") + Long.toHexString(clock.millis());
    }

    // ----- delivery -----

    /** Reads Kinesis sources and delivers every buffer that is due. */
    public void tick() {
        long now = clock.millis();
        for (DeliveryStream stream : deliveryStreams.values()) {
            synchronized (stream) {
                if (stream.kinesisSource && stream.source != null) {
                    if (streams.get(stream.sourceStreamArn) == null) {
                        stream.source = null;
                    } else {
                        streams.drain(stream.source, stream.sourcePositions, stream::add);
                    }
                }
                if (stream.due(now)) {
                    deliver(stream);
                }
            }
        }
    }

    /** Delivers every non-empty buffer now. */
    public void flushAll() {
        tick();
        for (DeliveryStream stream : deliveryStreams.values()) {
            synchronized (stream) {
                deliver(stream);
            }
        }
    }

    /** Writes the buffer as one object; keeps it (to retry later) when the bucket does not exist. */
    private void deliver(DeliveryStream stream) {
        if (stream.bufferedRecords == 0 || !objects.bucketExists(stream.bucket)) {
            return;
        }
        String key = stream.prefix.evaluate(stream.oldestArrival, null, random) + stream.name + "-1-"
                + OBJECT_TIME.format(java.time.Instant.ofEpochMilli(stream.oldestArrival)) + "-" + UUID.randomUUID()
                + (stream.compression.equals("GZIP") ? ".gz" : "");
        byte[] body = stream.buffer.toByteArray();
        if (stream.compression.equals("GZIP")) {
            body = gzip(body);
        }
        objects.put(stream.bucket, key, body, stream.compression.equals("GZIP") ? "application/gzip"
                : "application/octet-stream");
        stream.delivered += stream.bufferedRecords;
        stream.buffer.reset();
        stream.bufferedRecords = 0;
        stream.oldestArrival = -1;
    }

    private static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 4 + 64);
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
