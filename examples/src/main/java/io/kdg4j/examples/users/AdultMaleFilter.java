package io.kdg4j.examples.users;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kdg4j.aws.StreamReader;
import io.kdg4j.core.GeneratedRecord;
import io.kdg4j.core.run.DeliveryListener;
import io.kdg4j.core.run.RecordSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.Record;

/**
 * The consumer under test in the random-users tutorial, in plain Java where the tutorial used a Kinesis Data
 * Analytics SQL application:
 *
 * <pre>
 * SELECT name, age, coordinates FROM users WHERE gender = 'male' AND age &gt;= 18
 * </pre>
 *
 * It reads the user stream, keeps adult men as {@code {"first","last","age","latitude","longitude"}} and forwards
 * them to a sink (a Firehose delivery stream in the tutorial), one JSON object per record.
 */
public final class AdultMaleFilter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AdultMaleFilter() {
    }

    /** How one pass went: records read from the stream, kept by the filter, and the fate of those forwarded. */
    public record Outcome(long read, long kept, long acked, java.util.Map<String, Long> failedByCode) {
    }

    /** The filter and projection for one user profile from the {@code randomuser} preset. */
    public static Optional<ObjectNode> select(JsonNode user) {
        if (!"male".equals(user.path("gender").asText()) || user.path("age").asInt() < 18) {
            return Optional.empty();
        }
        JsonNode coordinates = user.path("location").path("coordinates");
        ObjectNode kept = JSON.createObjectNode();
        kept.put("first", user.path("name").path("first").asText());
        kept.put("last", user.path("name").path("last").asText());
        kept.put("age", user.path("age").asInt());
        kept.set("latitude", coordinates.path("latitude"));
        kept.set("longitude", coordinates.path("longitude"));
        return Optional.of(kept);
    }

    /**
     * Reads {@code expected} users from {@code stream} (or what arrived within {@code timeout}), forwards the
     * selected ones to {@code sink} keyed by their last name, and closes the sink, which waits for every answer.
     */
    public static Outcome forward(KinesisClient kinesis, String stream, long expected, Duration timeout,
                                  RecordSink sink) {
        List<Record> users = StreamReader.readAll(kinesis, stream, expected, timeout);
        AtomicLong acked = new AtomicLong();
        ConcurrentHashMap<String, Long> failed = new ConcurrentHashMap<>();
        DeliveryListener listener = new DeliveryListener() {
            @Override
            public void acked(GeneratedRecord record) {
                acked.incrementAndGet();
            }

            @Override
            public void failed(GeneratedRecord record, String errorCode, String message) {
                failed.merge(errorCode, 1L, Long::sum);
            }

            @Override
            public void retrying(GeneratedRecord record, String errorCode, boolean throttled, boolean ambiguous) {
            }
        };
        long kept = 0;
        try (sink) {
            for (Record user : users) {
                Optional<ObjectNode> selected = select(parse(user));
                if (selected.isPresent()) {
                    byte[] json = selected.get().toString().getBytes(StandardCharsets.UTF_8);
                    sink.send(GeneratedRecord.wrap(kept++, selected.get().path("last").asText(), json), listener);
                }
            }
        }
        return new Outcome(users.size(), kept, acked.get(), java.util.Map.copyOf(failed));
    }

    private static JsonNode parse(Record record) {
        try {
            return JSON.readTree(record.data().asByteArrayUnsafe());
        } catch (IOException e) {
            throw new UncheckedIOException("record " + record.sequenceNumber() + " is not JSON", e);
        }
    }
}
