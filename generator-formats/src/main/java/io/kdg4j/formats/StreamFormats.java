package io.kdg4j.formats;

import io.kdg4j.core.RecordSchema;
import io.kdg4j.core.encode.Encoders;
import io.kdg4j.core.encode.RecordEncoder;
import io.kdg4j.core.record.ByteOutput;
import io.kdg4j.core.record.RecordTape;
import io.kdg4j.core.scenario.EventStream;
import io.kdg4j.core.scenario.ScenarioEvents;
import io.kdg4j.core.scenario.ScenarioIterator;
import io.kdg4j.core.scenario.file.ScenarioFile;
import io.kdg4j.core.scenario.file.ScenarioFileException;
import io.kdg4j.formats.avro.AvroEncoder;
import io.kdg4j.formats.avro.AvroSchemas;
import io.kdg4j.formats.glue.GlueSchemaRegistryFraming;
import io.kdg4j.formats.protobuf.ProtobufEncoder;
import io.kdg4j.formats.types.Names;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.apache.avro.Schema;

/**
 * The encoder of one stream by the name of its format, as a scenario file gives it: {@code json}, or the binary
 * {@code avro} and {@code protobuf} with schemas derived from the stream's records (a record type named after the
 * stream) or, for Avro, the schema the file gives, each optionally framed for the AWS Glue Schema Registry.
 */
public final class StreamFormats {
    public static final List<String> NAMES = List.of("json", "avro", "protobuf");
    /** How many events of a scenario are written, before anything is sent, to check the Avro schemas it gives. */
    public static final int CHECKED_EVENTS = 10_000;

    private StreamFormats() {
    }

    /** Whether records of {@code format} are binary (not lines of text). */
    public static boolean isBinary(String format) {
        return format.equals("avro") || format.equals("protobuf");
    }

    /** The encoder of {@code stream}'s records; {@code glueSchemaVersionId} may be null. */
    public static RecordEncoder encoder(String format, String stream, RecordSchema schema, UUID glueSchemaVersionId) {
        String typeName = typeName(stream);
        RecordEncoder encoder = switch (format) {
            case "json" -> Encoders.json();
            case "avro" -> AvroEncoder.derived(schema, typeName, "io.kdg4j.generated");
            case "protobuf" -> ProtobufEncoder.derived(schema, typeName, "kdg4j.generated");
            default -> throw new IllegalArgumentException("format must be one of " + NAMES + " but was '" + format
                    + "'");
        };
        return framed(encoder, glueSchemaVersionId);
    }

    /**
     * The encoders a scenario file asks for, stream by stream, for {@code ScenarioEvents.encoders}. Where the file
     * gives an Avro schema, the schema is read now, and the first {@link #CHECKED_EVENTS} events of the scenario
     * are written against it, so that a schema the records do not fit is reported by the stream's path before
     * anything is sent: {@code streams.orders.avroSchema: $.amount: the Avro schema says int but ...}.
     *
     * @throws ScenarioFileException naming each stream whose given schema cannot be read or does not fit
     */
    public static Function<EventStream, RecordEncoder> encoders(ScenarioFile file) {
        Map<String, Schema> given = givenSchemas(file);
        Function<EventStream, RecordEncoder> encoders = stream -> {
            ScenarioFile.Format format = file.format(stream.name());
            Schema schema = given.get(stream.name());
            return schema == null
                    ? encoder(format.name(), stream.name(), stream.schema(), format.glueSchemaVersionId())
                    : framed(new StreamEncoder(stream.name(), AvroEncoder.of(schema)), format.glueSchemaVersionId());
        };
        if (!given.isEmpty()) {
            check(file, encoders);
        }
        return encoders;
    }

    private static Map<String, Schema> givenSchemas(ScenarioFile file) {
        Map<String, Schema> schemas = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (EventStream stream : file.scenario().streams()) {
            String text = file.format(stream.name()).avroSchema();
            if (text == null) {
                continue;
            }
            try {
                schemas.put(stream.name(), AvroSchemas.parse(text));
            } catch (IllegalArgumentException e) {
                problems.add(path(stream.name()) + ": " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new ScenarioFileException(file.source(), problems);
        }
        return schemas;
    }

    /** Writes the scenario's first events; a failure is a problem of the given schema of its stream. */
    private static void check(ScenarioFile file, Function<EventStream, RecordEncoder> encoders) {
        ScenarioIterator events = ScenarioEvents.from(file.scenario()).encoders(encoders).iterator(CHECKED_EVENTS);
        try {
            while (events.hasNext()) {
                events.next();
            }
        } catch (StreamEncodingException e) {
            throw new ScenarioFileException(file.source(), List.of(path(e.stream) + ": " + e.getMessage()));
        }
    }

    private static String path(String stream) {
        return "streams." + stream + ".avroSchema";
    }

    private static RecordEncoder framed(RecordEncoder encoder, UUID glueSchemaVersionId) {
        return glueSchemaVersionId == null ? encoder : GlueSchemaRegistryFraming.of(encoder, glueSchemaVersionId);
    }

    /** {@code orders} becomes {@code Orders}, {@code page-views} {@code Page_views}: a valid type name. */
    static String typeName(String stream) {
        String id = Names.identifier(stream, Set.of());
        return id.substring(0, 1).toUpperCase(Locale.ROOT) + id.substring(1);
    }

    /** A record that does not fit its stream's given schema, with the stream named. */
    static final class StreamEncodingException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final String stream;

        StreamEncodingException(String stream, IllegalArgumentException cause) {
            super(cause.getMessage(), cause);
            this.stream = stream;
        }

        @Override
        public String toString() {
            return "stream " + stream + ": " + getMessage();
        }
    }

    /** A stream's encoder whose failures name the stream: a run that stops on one says which stream's schema. */
    private record StreamEncoder(String stream, RecordEncoder encoder) implements RecordEncoder {
        @Override
        public void encode(RecordTape record, ByteOutput out) {
            try {
                encoder.encode(record, out);
            } catch (IllegalArgumentException e) {
                throw new StreamEncodingException(stream, e);
            }
        }

        @Override
        public String name() {
            return encoder.name();
        }
    }
}
