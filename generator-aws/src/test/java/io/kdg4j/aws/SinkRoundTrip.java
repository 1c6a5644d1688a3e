package io.kdg4j.aws;

import static io.kdg4j.core.Fields.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.kdg4j.core.RecordSchema;
import io.kdg4j.core.run.Generator;
import io.kdg4j.core.run.RunSummary;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.Record;

/** Sends N records of a schema with unique ids through a Kinesis sink and reads the stream back. */
final class SinkRoundTrip {
    static final RecordSchema EVENTS = record(field("id", sequence(0, 1)),
            field("film_id", integers(1, 1000)), field("state", fake("address.state")));
    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");

    private SinkRoundTrip() {
    }

    static String streamName() {
        return "kdg-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** How many times each id is in the stream. */
    static Map<Long, Integer> idsIn(List<Record> records) {
        Map<Long, Integer> ids = new HashMap<>();
        for (Record record : records) {
            Matcher m = ID.matcher(record.data().asString(StandardCharsets.UTF_8));
            assertThat(m.find()).isTrue();
            ids.merge(Long.parseLong(m.group(1)), 1, Integer::sum);
        }
        return ids;
    }

    /** Sends {@code count} records as fast as the stream takes them and checks the stream holds each once. */
    static RunSummary sendAndReadBack(AwsEndpoint endpoint, KinesisClient kinesis, int shards, int count)
            throws Exception {
        String stream = streamName();
        assertThat(Provisioning.ensureStream(kinesis, stream, shards, Duration.ofSeconds(30))).isTrue();
        RunSummary summary;
        try (KinesisSink sink = KinesisSink.builder(endpoint, stream).build()) {
            summary = Generator.from(EVENTS).seed(11).limit(count).to(sink).start()
                    .awaitCompletion(Duration.ofMinutes(2));
        }
        assertThat(summary.generated()).isEqualTo(count);
        assertThat(summary.acked()).isEqualTo(count);
        assertThat(summary.failed()).isZero();
        List<Record> read = StreamReader.readAll(kinesis, stream, count, Duration.ofSeconds(60));
        Map<Long, Integer> ids = idsIn(read);
        assertThat(read).hasSize(count);
        assertThat(ids).hasSize(count);
        assertThat(ids.values()).allMatch(n -> n == 1);
        assertThat(ids.keySet()).allMatch(id -> id >= 0 && id < count);
        return summary;
    }
}
