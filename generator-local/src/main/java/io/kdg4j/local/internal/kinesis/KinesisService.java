package io.kdg4j.local.internal.kinesis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kdg4j.local.internal.FaultInjector;
import io.kdg4j.local.internal.http.AwsRequest;
import io.kdg4j.local.internal.http.AwsResponse;
import io.kdg4j.local.internal.http.HttpServer;
import io.kdg4j.local.internal.http.HttpServer;
import io.kdg4j.local.internal.protocol.AwsException;
import io.kdg4j.local.internal.protocol.Fields;
import io.kdg4j.local.internal.protocol.JsonProtocol;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Kinesis Data Streams (API 2013-12-02) over the JSON 1.1 and CBOR protocols: the control plane a test needs and
 * the whole data plane (PutRecord(s), GetShardIterator, GetRecords), with the service's validation and errors.
 * Thread-safe.
 */
public final class KinesisService {
    public static final String TARGET_PREFIX = "Kinesis_20131202.";
    private static final Pattern STREAM_NAME = Pattern.compile("[a-zA-Z0-9_.-]{1,128}");

    private final KinesisStore store;
    private final FaultInjector faults;
    private final StreamConsumers consumers;
    private final ShardSubscriptions subscriptions;

    public KinesisService(KinesisStore store, FaultInjector faults) {
        this.store = store;
        this.faults = faults;
        this.consumers = new StreamConsumers(store.creationDelayMillis());
        this.subscriptions = new ShardSubscriptions(store, consumers);
    }

    /**
     * SubscribeToShard, whose answer is an event stream: an error answered at once, or events pushed through
     * {@code responder} for up to five minutes.
     */
    public void subscribeToShard(AwsRequest request, HttpServer.Responder responder) {
        JsonProtocol protocol = JsonProtocol.of(request);
        try {
            JsonProtocol.checkContentType(request);
            subscriptions.subscribe(new Fields(protocol.parse(request.bodyBytes()), protocol), responder);
        } catch (AwsException e) {
            responder.respond(protocol.error(e));
        }
    }

    /** Ends the subscriptions' pushing (the emulator is stopping). */
    public void close() {
        subscriptions.close();
    }

    public AwsResponse handle(String operation, AwsRequest request) {
        JsonProtocol protocol = JsonProtocol.of(request);
        try {
            JsonProtocol.checkContentType(request);
            if (operation.equals("PutRecords")) {
                return putRecords(protocol, request);
            }
            Fields in = new Fields(protocol.parse(request.bodyBytes()), protocol);
            return switch (operation) {
                case "CreateStream" -> createStream(in);
                case "DeleteStream" -> deleteStream(in);
                case "DescribeStream" -> describeStream(in);
                case "DescribeStreamSummary" -> describeStreamSummary(in);
                case "ListStreams" -> listStreams(in);
                case "ListShards" -> listShards(in);
                case "PutRecord" -> putRecord(in);
                case "GetShardIterator" -> getShardIterator(in);
                case "GetRecords" -> getRecords(in);
                case "IncreaseStreamRetentionPeriod" -> retention(in, true);
                case "DecreaseStreamRetentionPeriod" -> retention(in, false);
                case "AddTagsToStream" -> addTags(in);
                case "RemoveTagsFromStream" -> removeTags(in);
                case "ListTagsForStream" -> listTags(in);
                case "RegisterStreamConsumer" -> registerConsumer(in);
                case "DescribeStreamConsumer" -> describeConsumer(in);
                case "ListStreamConsumers" -> listConsumers(in);
                case "DeregisterStreamConsumer" -> deregisterConsumer(in);
                default -> throw new AwsException("UnknownOperationException", 400, "Operation " + operation
                        + " is not supported by the kdg4j emulator");
            };
        } catch (AwsException e) {
            return protocol.error(e);
        }
    }

    // ----- control plane -----

    private static String streamName(Fields in) {
        String name = in.text("StreamName");
        String arn = in.text("StreamARN");
        if (name == null && arn == null) {
            throw AwsException.validation("1 validation error detected: Value null at 'streamName' failed to satisfy "
                    + "constraint: Member must not be null");
        }
        return name != null ? name : arn;
    }

    private AwsResponse createStream(Fields in) {
        Fields mode = in.object("StreamModeDetails");
        create(in.requiredText("StreamName"), in.integer("ShardCount"),
                mode != null && "ON_DEMAND".equals(mode.text("StreamMode")));
        return in.protocol().respond(w -> { });
    }

    private void create(String name, Integer shardCount, boolean onDemand) {
        if (!STREAM_NAME.matcher(name).matches()) {
            throw AwsException.validation("1 validation error detected: Value '" + name + "' at 'streamName' failed "
                    + "to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+ and "
                    + "have length between 1 and 128");
        }
        if (!onDemand && shardCount == null) {
            throw AwsException.invalidArgument("ShardCount is required for streams in PROVISIONED mode.");
        }
        int shards = onDemand ? KinesisLimits.ON_DEMAND_SHARDS : shardCount;
        if (shards < 1) {
            throw AwsException.validation("1 validation error detected: Value '" + shards + "' at 'shardCount' "
                    + "failed to satisfy constraint: Member must have value greater than or equal to 1");
        }
        store.create(name, shards, onDemand);
    }

    /**
     * CreateStream for a caller in the same JVM ({@code shards} 0 for on-demand), unless the stream exists; true
     * when created.
     *
     * @throws IllegalArgumentException with CreateStream's message when it would refuse
     */
    public boolean createIfAbsent(String name, int shards) {
        try {
            create(name, shards == 0 ? null : shards, shards == 0);
            return true;
        } catch (AwsException e) {
            if (e.code().equals("ResourceInUseException")) {
                return false;
            }
            throw new IllegalArgumentException(e.code() + ": " + e.getMessage(), e);
        }
    }

    /** Waits until stream {@code name} is ACTIVE: the rest of its CREATING time, which is known. */
    public void awaitActive(String name) throws InterruptedException {
        Stream stream = store.find(name);
        long left;
        while ((left = stream.readyAtMillis() - store.now()) > 0) {
            Thread.sleep(left);
        }
    }

    /** DeleteStream for a caller in the same JVM; false when there was no such stream. */
    public boolean deleteIfPresent(String name) {
        try {
            store.delete(name);
            return true;
        } catch (AwsException e) {
            if (e.code().equals("ResourceNotFoundException")) {
                return false;
            }
            throw new IllegalArgumentException(e.code() + ": " + e.getMessage(), e);
        }
    }

    private AwsResponse deleteStream(Fields in) {
        Stream stream = store.find(streamName(in));
        store.delete(stream.name());
        consumers.removeStream(stream.arn());
        return in.protocol().respond(w -> { });
    }

    private AwsResponse describeStream(Fields in) {
        Stream stream = store.find(streamName(in));
        int limit = boundedInt(in, "Limit", 100, 1, 10_000);
        String exclusiveStart = in.text("ExclusiveStartShardId");
        List<Shard> shards = shardsAfter(stream, exclusiveStart);
        boolean more = shards.size() > limit;
        List<Shard> page = shards.subList(0, Math.min(limit, shards.size()));
        long now = store.now();
        return in.protocol().respond(w -> {
            w.startObject("StreamDescription");
            w.string("StreamName", stream.name()).string("StreamARN", stream.arn())
                    .string("StreamStatus", stream.status(now));
            streamMode(w, stream);
            w.startArray("Shards");
            for (Shard shard : page) {
                writeShard(w, shard);
            }
            w.endArray();
            w.bool("HasMoreShards", more);
            w.number("RetentionPeriodHours", stream.retentionHours());
            w.timestamp("StreamCreationTimestamp", stream.createdMillis());
            w.startArray("EnhancedMonitoring").startObject().startArray("ShardLevelMetrics").endArray().endObject()
                    .endArray();
            w.string("EncryptionType", "NONE");
            w.endObject();
        });
    }

    private AwsResponse describeStreamSummary(Fields in) {
        Stream stream = store.find(streamName(in));
        long now = store.now();
        return in.protocol().respond(w -> {
            w.startObject("StreamDescriptionSummary");
            w.string("StreamName", stream.name()).string("StreamARN", stream.arn())
                    .string("StreamStatus", stream.status(now));
            streamMode(w, stream);
            w.number("RetentionPeriodHours", stream.retentionHours());
            w.timestamp("StreamCreationTimestamp", stream.createdMillis());
            w.startArray("EnhancedMonitoring").startObject().startArray("ShardLevelMetrics").endArray().endObject()
                    .endArray();
            w.string("EncryptionType", "NONE");
            w.number("OpenShardCount", stream.shardCount());
            w.number("ConsumerCount", consumers.ofStream(stream.arn(), now).size());
            w.endObject();
        });
    }

    private static void streamMode(JsonProtocol.Writer w, Stream stream) throws IOException {
        w.startObject("StreamModeDetails").string("StreamMode", stream.onDemand() ? "ON_DEMAND" : "PROVISIONED")
                .endObject();
    }

    private static void writeShard(JsonProtocol.Writer w, Shard shard) throws IOException {
        w.startObject();
        w.string("ShardId", shard.id());
        w.startObject("HashKeyRange").string("StartingHashKey", shard.startingHashKey().toString())
                .string("EndingHashKey", shard.endingHashKey().toString()).endObject();
        w.startObject("SequenceNumberRange").string("StartingSequenceNumber", SequenceNumbers.of(shard, 0))
                .endObject();
        w.endObject();
    }

    private static List<Shard> shardsAfter(Stream stream, String exclusiveStart) {
        List<Shard> shards = new ArrayList<>();
        for (Shard shard : stream.shards()) {
            if (exclusiveStart == null || shard.id().compareTo(exclusiveStart) > 0) {
                shards.add(shard);
            }
        }
        return shards;
    }

    private AwsResponse listStreams(Fields in) {
        int limit = boundedInt(in, "Limit", 100, 1, 10_000);
        String after = in.text("ExclusiveStartStreamName");
        String token = in.text("NextToken");
        if (token != null) {
            after = new String(java.util.Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
        }
        List<Stream> all = new ArrayList<>();
        for (Stream stream : store.list()) {
            if (after == null || stream.name().compareTo(after) > 0) {
                all.add(stream);
            }
        }
        boolean more = all.size() > limit;
        List<Stream> page = all.subList(0, Math.min(limit, all.size()));
        long now = store.now();
        return in.protocol().respond(w -> {
            w.startArray("StreamNames");
            for (Stream stream : page) {
                w.stringElement(stream.name());
            }
            w.endArray();
            w.bool("HasMoreStreams", more);
            w.startArray("StreamSummaries");
            for (Stream stream : page) {
                w.startObject().string("StreamName", stream.name()).string("StreamARN", stream.arn())
                        .string("StreamStatus", stream.status(now));
                streamMode(w, stream);
                w.timestamp("StreamCreationTimestamp", stream.createdMillis()).endObject();
            }
            w.endArray();
            if (more) {
                w.string("NextToken", java.util.Base64.getEncoder().encodeToString(
                        page.get(page.size() - 1).name().getBytes(StandardCharsets.UTF_8)));
            }
        });
    }

    // ----- enhanced fan-out consumers -----

    private AwsResponse registerConsumer(Fields in) {
        Stream stream = store.find(in.requiredText("StreamARN"));
        String name = in.requiredText("ConsumerName");
        if (!STREAM_NAME.matcher(name).matches()) {
            throw AwsException.validation("1 validation error detected: Value '" + name + "' at 'consumerName' "
                    + "failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
        }
        StreamConsumers.Consumer consumer = consumers.register(stream.arn(), name, store.now());
        return in.protocol().respond(w -> {
            w.startObject("Consumer");
            writeConsumer(w, consumer, store.now());
            w.endObject();
        });
    }

    private AwsResponse describeConsumer(Fields in) {
        long now = store.now();
        StreamConsumers.Consumer consumer = consumers.find(in.text("ConsumerARN"), in.text("StreamARN"),
                in.text("ConsumerName"), now);
        return in.protocol().respond(w -> {
            w.startObject("ConsumerDescription");
            writeConsumer(w, consumer, now);
            w.string("StreamARN", consumer.streamArn());
            w.endObject();
        });
    }

    private AwsResponse listConsumers(Fields in) {
        long now = store.now();
        String token = in.text("NextToken");
        Stream stream = store.find(in.requiredText("StreamARN"));
        int max = boundedInt(in, "MaxResults", 100, 1, 10_000);
        List<StreamConsumers.Consumer> all = consumers.ofStream(stream.arn(), now);
        int from = token == null ? 0 : Integer.parseInt(new String(java.util.Base64.getDecoder().decode(token),
                StandardCharsets.UTF_8));
        List<StreamConsumers.Consumer> page = all.subList(Math.min(from, all.size()), Math.min(from + max,
                all.size()));
        return in.protocol().respond(w -> {
            w.startArray("Consumers");
            for (StreamConsumers.Consumer consumer : page) {
                w.startObject();
                writeConsumer(w, consumer, now);
                w.endObject();
            }
            w.endArray();
            if (from + max < all.size()) {
                w.string("NextToken", java.util.Base64.getEncoder().encodeToString(String.valueOf(from + max)
                        .getBytes(StandardCharsets.UTF_8)));
            }
        });
    }

    private AwsResponse deregisterConsumer(Fields in) {
        consumers.deregister(in.text("ConsumerARN"), in.text("StreamARN"), in.text("ConsumerName"), store.now());
        return in.protocol().respond(w -> { });
    }

    private static void writeConsumer(JsonProtocol.Writer w, StreamConsumers.Consumer consumer, long now)
            throws IOException {
        w.string("ConsumerName", consumer.name()).string("ConsumerARN", consumer.arn())
                .string("ConsumerStatus", consumer.status(now))
                .timestamp("ConsumerCreationTimestamp", consumer.createdMillis());
    }

    private AwsResponse listShards(Fields in) {
        String token = in.text("NextToken");
        String name = in.text("StreamName") != null ? in.text("StreamName") : in.text("StreamARN");
        if (token != null && name != null) {
            throw AwsException.invalidArgument("NextToken and StreamName cannot be provided together.");
        }
        String exclusiveStart = in.text("ExclusiveStartShardId");
        if (token != null) {
            String[] parts = new String(java.util.Base64.getDecoder().decode(token), StandardCharsets.UTF_8)
                    .split("\\|", 2);
            if (parts.length != 2) {
                throw AwsException.invalidArgument("Invalid NextToken.");
            }
            name = parts[0];
            exclusiveStart = parts[1];
        }
        if (name == null) {
            throw AwsException.invalidArgument("Either NextToken or StreamName should be provided.");
        }
        Stream stream = store.find(name);
        int max = boundedInt(in, "MaxResults", 1000, 1, 10_000);
        Fields filter = in.object("ShardFilter");
        if (filter != null) {
            if (token != null) {
                throw AwsException.invalidArgument("NextToken and ShardFilter cannot be provided together.");
            }
            exclusiveStart = shardFilterStart(filter, exclusiveStart);
        }
        List<Shard> shards = shardsAfter(stream, exclusiveStart);
        List<Shard> page = shards.subList(0, Math.min(max, shards.size()));
        boolean more = shards.size() > max;
        return in.protocol().respond(w -> {
            w.startArray("Shards");
            for (Shard shard : page) {
                writeShard(w, shard);
            }
            w.endArray();
            if (more) {
                w.string("NextToken", java.util.Base64.getEncoder().encodeToString((stream.name() + "|"
                        + page.get(page.size() - 1).id()).getBytes(StandardCharsets.UTF_8)));
            }
        });
    }

    /**
     * ListShards' ShardFilter. The emulator never reshards, so every shard is open and as old as its stream: the
     * position filters (AT_LATEST, AT_TRIM_HORIZON, FROM_TRIM_HORIZON, AT_TIMESTAMP, FROM_TIMESTAMP) keep them
     * all, and AFTER_SHARD_ID starts after the given shard. Returns where the listing starts.
     */
    private static String shardFilterStart(Fields filter, String exclusiveStart) {
        String type = filter.requiredText("Type");
        String shardId = filter.text("ShardId");
        boolean timestamped = type.equals("AT_TIMESTAMP") || type.equals("FROM_TIMESTAMP");
        switch (type) {
            case "AFTER_SHARD_ID", "AT_LATEST", "AT_TRIM_HORIZON", "FROM_TRIM_HORIZON", "AT_TIMESTAMP",
                 "FROM_TIMESTAMP" -> { }
            default -> throw AwsException.validation("1 validation error detected: Value '" + type + "' at "
                    + "'shardFilter.type' failed to satisfy constraint: Member must satisfy enum value set: "
                    + "[AFTER_SHARD_ID, AT_TRIM_HORIZON, FROM_TRIM_HORIZON, AT_LATEST, AT_TIMESTAMP, FROM_TIMESTAMP]");
        }
        if (type.equals("AFTER_SHARD_ID") != (shardId != null)) {
            throw AwsException.invalidArgument("ShardId must be given with, and only with, ShardFilter type "
                    + "AFTER_SHARD_ID.");
        }
        if (timestamped != (filter.raw("Timestamp") != null)) {
            throw AwsException.invalidArgument("Timestamp must be given with, and only with, ShardFilter types "
                    + "AT_TIMESTAMP and FROM_TIMESTAMP.");
        }
        return type.equals("AFTER_SHARD_ID") ? shardId : exclusiveStart;
    }

    private AwsResponse retention(Fields in, boolean increase) {
        Stream stream = store.find(streamName(in));
        Integer hours = in.integer("RetentionPeriodHours");
        if (hours == null || hours < KinesisLimits.MIN_RETENTION_HOURS || hours > KinesisLimits.MAX_RETENTION_HOURS) {
            throw AwsException.invalidArgument("Minimum allowed retention period is "
                    + KinesisLimits.MIN_RETENTION_HOURS + " hours. Maximum allowed retention period is "
                    + KinesisLimits.MAX_RETENTION_HOURS + " hours. Requested retention period (" + hours
                    + " hours) is out of range.");
        }
        if (increase && hours < stream.retentionHours()) {
            throw AwsException.invalidArgument("Requested retention period (" + hours + " hours) for stream "
                    + stream.name() + " can not be shorter than existing retention period (" + stream.retentionHours()
                    + " hours). Use DecreaseRetentionPeriod API.");
        }
        if (!increase && hours > stream.retentionHours()) {
            throw AwsException.invalidArgument("Requested retention period (" + hours + " hours) for stream "
                    + stream.name() + " can not be longer than existing retention period (" + stream.retentionHours()
                    + " hours). Use IncreaseRetentionPeriod API.");
        }
        stream.retentionHours(hours);
        return in.protocol().respond(w -> { });
    }

    private AwsResponse addTags(Fields in) {
        Stream stream = store.find(streamName(in));
        Fields tags = in.object("Tags");
        if (tags == null || tags.node().isEmpty()) {
            throw AwsException.validation("1 validation error detected: Value null at 'tags' failed to satisfy "
                    + "constraint: Member must not be null");
        }
        synchronized (stream.tags()) {
            Iterator<Map.Entry<String, JsonNode>> fields = tags.node().fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> tag = fields.next();
                stream.tags().put(tag.getKey(), tag.getValue().asText());
            }
            if (stream.tags().size() > 50) {
                throw AwsException.limitExceeded("A stream can have at most 50 tags.");
            }
        }
        return in.protocol().respond(w -> { });
    }

    private AwsResponse removeTags(Fields in) {
        Stream stream = store.find(streamName(in));
        JsonNode keys = in.raw("TagKeys");
        synchronized (stream.tags()) {
            if (keys != null) {
                keys.forEach(key -> stream.tags().remove(key.asText()));
            }
        }
        return in.protocol().respond(w -> { });
    }

    private AwsResponse listTags(Fields in) {
        Stream stream = store.find(streamName(in));
        List<Map.Entry<String, String>> tags;
        synchronized (stream.tags()) {
            tags = new ArrayList<>(Map.copyOf(stream.tags()).entrySet());
        }
        tags.sort(Map.Entry.comparingByKey());
        return in.protocol().respond(w -> {
            w.startArray("Tags");
            for (Map.Entry<String, String> tag : tags) {
                w.startObject().string("Key", tag.getKey()).string("Value", tag.getValue()).endObject();
            }
            w.endArray();
            w.bool("HasMoreTags", false);
        });
    }

    // ----- data plane -----

    /** One validated record of a put: its shard, key, data. */
    private record Entry(Shard shard, String key, byte[] data) {
    }

    private static Entry entry(Stream stream, JsonNode record, String member) {
        if (!(record instanceof ObjectNode)) {
            throw AwsException.serialization("each record must be an object");
        }
        JsonNode keyNode = record.get("PartitionKey");
        JsonNode dataNode = record.get("Data");
        if (keyNode == null || keyNode.isNull()) {
            throw AwsException.validation("1 validation error detected: Value null at '" + member
                    + "partitionKey' failed to satisfy constraint: Member must not be null");
        }
        if (dataNode == null || dataNode.isNull()) {
            throw AwsException.validation("1 validation error detected: Value null at '" + member
                    + "data' failed to satisfy constraint: Member must not be null");
        }
        String key = keyNode.asText();
        checkKey(key, member);
        byte[] data = Fields.blob(dataNode, "Data");
        checkSize(key, data.length, member);
        JsonNode explicit = record.get("ExplicitHashKey");
        return new Entry(stream.shardFor(hashKey(key, explicit == null || explicit.isNull() ? null
                : explicit.asText())), key, data);
    }

    private static HashKey hashKey(String key, String explicit) {
        return explicit == null ? HashKey.md5(key) : HashKey.of(explicitHashKey(explicit));
    }

    private static void checkKey(String key, String member) {
        if (key == null) {
            throw AwsException.validation("1 validation error detected: Value null at '" + member
                    + "partitionKey' failed to satisfy constraint: Member must not be null");
        }
        if (key.isEmpty() || key.length() > KinesisLimits.MAX_PARTITION_KEY_LENGTH) {
            throw AwsException.validation("1 validation error detected: Value '" + abbreviate(key) + "' at '" + member
                    + "partitionKey' failed to satisfy constraint: Member must have length between 1 and "
                    + KinesisLimits.MAX_PARTITION_KEY_LENGTH + " (was " + key.length() + ")");
        }
    }

    private static void checkSize(String key, int dataLength, String member) {
        int size = dataLength + key.getBytes(StandardCharsets.UTF_8).length;
        if (size > KinesisLimits.MAX_RECORD_BYTES) {
            throw AwsException.validation("1 validation error detected: Value at '" + member + "data' failed to "
                    + "satisfy constraint: Member must have length less than or equal to "
                    + KinesisLimits.MAX_RECORD_BYTES + " (record with its partition key was " + size + " bytes)");
        }
    }

    private static BigInteger explicitHashKey(String text) {
        try {
            BigInteger value = new BigInteger(text);
            if (value.signum() < 0 || value.compareTo(Stream.HASH_SPACE) >= 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw AwsException.invalidArgument("Invalid ExplicitHashKey. ExplicitHashKey must be in the range: [0, "
                    + Stream.HASH_SPACE.subtract(BigInteger.ONE) + "]. Specified value was " + text);
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }

    private AwsResponse putRecord(Fields in) {
        Stream stream = store.findActive(streamName(in));
        Entry entry = entry(stream, in.node(), "");
        if (!entry.shard().admit(entry.data().length + entry.key().length())) {
            throw new AwsException("ProvisionedThroughputExceededException", 400, throttled(stream, entry.shard()));
        }
        if (faults.failEntry()) {
            throw new AwsException("InternalFailure", 500, "Internal service failure.");
        }
        long counter = store.append(entry.shard(), store.now(), entry.key(), entry.data());
        return in.protocol().respond(w -> w.string("ShardId", entry.shard().id())
                .string("SequenceNumber", SequenceNumbers.of(entry.shard(), counter))
                .string("EncryptionType", "NONE"));
    }

    private static String throttled(Stream stream, Shard shard) {
        return "Rate exceeded for shard " + shard.id() + " in stream " + stream.name() + " under account "
                + KinesisLimits.ACCOUNT + ".";
    }

    /** Where a PutRecords body in CBOR is read: into the store's blocks, so that its records need no copy. */
    public HttpServer.BodyPlace putRecordsBody(int length) {
        int[] offset = new int[1];
        RecordArena.Block block = store.bodyBlock(length, offset);
        return new HttpServer.BodyPlace(block.bytes, offset[0], block);
    }

    /** Gives back the request's hold on its body's block (the stored records hold their own). */
    public void release(AwsRequest request) {
        if (request.bodyOwner() instanceof RecordArena.Block block) {
            block.release();
        }
    }

    private AwsResponse putRecords(JsonProtocol protocol, AwsRequest http) {
        PutRecordsBody request = PutRecordsBody.parse(protocol, http.body(), http.bodyOffset(), http.bodyLength(),
                http.bodyOwner() instanceof RecordArena.Block block ? block : null);
        if (request.streamName == null && request.streamArn == null) {
            throw AwsException.validation("1 validation error detected: Value null at 'streamName' failed to satisfy "
                    + "constraint: Member must not be null");
        }
        Stream stream = store.findActive(request.streamName != null ? request.streamName : request.streamArn);
        int n = request.count;
        if (n == 0) {
            throw AwsException.validation("1 validation error detected: Value '[]' at 'records' failed to satisfy "
                    + "constraint: Member must have length greater than or equal to 1");
        }
        if (n > KinesisLimits.MAX_RECORDS_PER_PUT_RECORDS) {
            throw AwsException.validation("1 validation error detected: Value at 'records' failed to satisfy "
                    + "constraint: Member must have length less than or equal to "
                    + KinesisLimits.MAX_RECORDS_PER_PUT_RECORDS + " (was " + n + ")");
        }
        Shard[] shards = new Shard[n];
        long total = 0;
        HashKey.Recent recent = HashKey.recent();
        for (int i = 0; i < n; i++) {
            int keyBytes = request.keyLength[i];
            if (request.keySource[i] == null || keyBytes == 0 || keyBytes > KinesisLimits.MAX_PARTITION_KEY_LENGTH
                    || request.dataSource[i] == null
                    || request.dataLength[i] + keyBytes > KinesisLimits.MAX_RECORD_BYTES) {
                // the slow path, with the member named: only for records that may be at fault (a key of more than
                // 256 bytes can still be 256 characters or fewer)
                String member = "records." + (i + 1) + ".member.";
                String key = request.key(i);
                checkKey(key, member);
                if (request.dataSource[i] == null) {
                    throw AwsException.validation("1 validation error detected: Value null at '" + member + "data' "
                            + "failed to satisfy constraint: Member must not be null");
                }
                checkSize(key, request.dataLength[i], member);
            }
            shards[i] = request.explicitHashKeys[i] == null
                    ? recent.shard(stream, request.keySource[i], request.keyOffset[i], keyBytes)
                    : stream.shardFor(HashKey.of(explicitHashKey(request.explicitHashKeys[i])));
            total += request.dataLength[i] + keyBytes;
        }
        if (total > KinesisLimits.MAX_BYTES_PER_PUT_RECORDS) {
            throw AwsException.invalidArgument("Records size exceeds 5 MB limit (the request's records and "
                    + "partition keys were " + total + " bytes)");
        }
        String[] errors = null;
        long[] counters = new long[n];
        int failed = 0;
        // admit in request order, then append each shard's records under one lock, in request order
        int shardCount = stream.shardCount();
        int[] perShard = new int[shardCount];
        for (int i = 0; i < n; i++) {
            Shard shard = shards[i];
            String error = !shard.admit(request.dataLength[i] + request.keyLength[i])
                    ? "ProvisionedThroughputExceededException" : faults.failEntry() ? "InternalFailure" : null;
            if (error == null) {
                perShard[shard.index()]++;
            } else {
                errors = errors == null ? new String[n] : errors;
                errors[i] = error;
                failed++;
            }
        }
        int[] next = new int[shardCount];
        for (int s = 1; s < shardCount; s++) {
            next[s] = next[s - 1] + perShard[s - 1];
        }
        int[] firstOf = next.clone();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            if (errors == null || errors[i] == null) {
                order[next[shards[i].index()]++] = i;
            }
        }
        long now = store.now();
        for (int s = 0; s < shardCount; s++) {
            if (perShard[s] > 0) {
                store.appendAll(stream.shards()[s], now, request, order, firstOf[s], perShard[s], counters);
            }
        }
        store.keepCap();
        String[] messages = null;
        if (errors != null) {
            messages = new String[n];
            for (int i = 0; i < n; i++) {
                if (errors[i] != null) {
                    messages[i] = errors[i].equals("InternalFailure") ? "Internal service failure."
                            : throttled(stream, shards[i]);
                }
            }
        }
        return PutRecordsResponseWriter.write(protocol, failed, shards, counters, errors, messages, n);
    }

    private AwsResponse getShardIterator(Fields in) {
        Stream stream = store.findActive(streamName(in));
        String shardId = in.requiredText("ShardId");
        Shard shard = stream.shard(shardId);
        if (shard == null) {
            throw AwsException.notFound("Shard " + shardId + " in stream " + stream.name() + " under account "
                    + KinesisLimits.ACCOUNT + " does not exist");
        }
        String type = in.requiredText("ShardIteratorType");
        long counter = switch (type) {
            case "TRIM_HORIZON" -> shard.firstCounter();
            case "LATEST" -> shard.nextCounter();
            case "AT_SEQUENCE_NUMBER" -> SequenceNumbers.counter(in.text("StartingSequenceNumber"), shard);
            case "AFTER_SEQUENCE_NUMBER" -> SequenceNumbers.counter(in.text("StartingSequenceNumber"), shard) + 1;
            case "AT_TIMESTAMP" -> atTimestamp(in, shard);
            default -> throw AwsException.validation("1 validation error detected: Value '" + type + "' at "
                    + "'shardIteratorType' failed to satisfy constraint: Member must satisfy enum value set: "
                    + "[AFTER_SEQUENCE_NUMBER, AT_SEQUENCE_NUMBER, AT_TIMESTAMP, TRIM_HORIZON, LATEST]");
        };
        String iterator = ShardIterators.encode(stream.name(), shard.id(), counter, store.now());
        return in.protocol().respond(w -> w.string("ShardIterator", iterator));
    }

    private long atTimestamp(Fields in, Shard shard) {
        Instant timestamp = in.timestamp("Timestamp");
        if (timestamp == null) {
            throw AwsException.invalidArgument("Must specify timestampInMillis parameter for iterator of type "
                    + "AT_TIMESTAMP. Current request has no timestamp parameter.");
        }
        if (timestamp.toEpochMilli() > store.now()) {
            throw AwsException.invalidArgument("The timestampInMillis parameter cannot be greater than the "
                    + "currentTimestampInMillis. timestampInMillis: " + timestamp.toEpochMilli()
                    + ", currentTimestampInMillis: " + store.now());
        }
        return shard.firstAtOrAfter(timestamp.toEpochMilli());
    }

    private AwsResponse getRecords(Fields in) {
        ShardIterators.Position position = ShardIterators.decode(in.requiredText("ShardIterator"));
        long now = store.now();
        if (now - position.createdMillis() > KinesisLimits.ITERATOR_LIFETIME_MILLIS) {
            throw new AwsException("ExpiredIteratorException", 400, "Iterator expired. The iterator was created at "
                    + "time " + Instant.ofEpochMilli(position.createdMillis()) + " while right now it is "
                    + Instant.ofEpochMilli(now) + " which is further in the future than the tolerated delay of "
                    + KinesisLimits.ITERATOR_LIFETIME_MILLIS + " milliseconds.");
        }
        Stream stream = store.findActive(position.stream());
        Shard shard = stream.shard(position.shardId());
        if (shard == null) {
            throw AwsException.notFound("Shard " + position.shardId() + " does not exist");
        }
        int limit = boundedInt(in, "Limit", KinesisLimits.MAX_GET_RECORDS, 1, KinesisLimits.MAX_GET_RECORDS);
        Shard.Batch batch = shard.read(position.counter(), limit, KinesisLimits.MAX_GET_RECORDS_BYTES);
        long next = batch.firstCounter() + batch.size();
        String nextIterator = ShardIterators.encode(stream.name(), shard.id(), next, now);
        long behind = batch.nextArrival() < 0 ? 0 : Math.max(0, now - batch.nextArrival());
        return in.protocol().respond(w -> {
            w.startArray("Records");
            for (int i = 0; i < batch.size(); i++) {
                w.startObject();
                w.string("SequenceNumber", SequenceNumbers.of(shard, batch.firstCounter() + i));
                w.timestamp("ApproximateArrivalTimestamp", batch.arrivals()[i]);
                w.blob("Data", batch.data()[i]);
                w.string("PartitionKey", batch.keys()[i]);
                w.endObject();
            }
            w.endArray();
            w.string("NextShardIterator", nextIterator);
            w.number("MillisBehindLatest", behind);
        });
    }

    private static int boundedInt(Fields in, String name, int fallback, int min, int max) {
        Integer value = in.integer(name);
        if (value == null) {
            return fallback;
        }
        if (value < min || value > max) {
            throw AwsException.invalidArgument(name + " must be in [" + min + ", " + max + "] but was " + value);
        }
        return value;
    }

    public KinesisStore store() {
        return store;
    }
}
