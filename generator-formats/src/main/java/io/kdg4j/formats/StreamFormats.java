package io.kdg4j.formats;

import io.kdg4j.core.RecordSchema;
import io.kdg4j.core.encode.Encoders;
import io.kdg4j.core.encode.RecordEncoder;
import io.kdg4j.core.scenario.EventStream;
import io.kdg4j.core.scenario.file.ScenarioFile;
import io.kdg4j.formats.avro.AvroEncoder;
import io.kdg4j.formats.glue.GlueSchemaRegistryFraming;
import io.kdg4j.formats.protobuf.ProtobufEncoder;
import io.kdg4j.formats.types.Names;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The encoder of one stream by the name of its format, as a scenario file gives it: {@code json}, or the binary
 * {@code avro} and {@code protobuf} with schemas derived from the stream's records (a record type named after the
 * stream), each optionally framed for the AWS Glue Schema Registry.
 */
public final class StreamFormats {
    public static final List<String> NAMES = List.of("json", "avro", "protobuf");

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
        return glueSchemaVersionId == null ? encoder : GlueSchemaRegistryFraming.of(encoder, glueSchemaVersionId);
    }

    /** The encoders a scenario file asks for, stream by stream, for {@code ScenarioEvents.encoders}. */
    public static Function<EventStream, RecordEncoder> encoders(ScenarioFile file) {
        return stream -> {
            ScenarioFile.Format format = file.format(stream.name());
            return encoder(format.name(), stream.name(), stream.schema(), format.glueSchemaVersionId());
        };
    }

    /** {@code orders} becomes {@code Orders}, {@code page-views} {@code Page_views}: a valid type name. */
    static String typeName(String stream) {
        String id = Names.identifier(stream, Set.of());
        return id.substring(0, 1).toUpperCase(Locale.ROOT) + id.substring(1);
    }
}
