package io.kdg4j.cli;

import io.kdg4j.core.KdgException;
import io.kdg4j.core.RecordSchema;
import io.kdg4j.core.encode.RecordEncoder;
import io.kdg4j.formats.avro.AvroEncoder;
import io.kdg4j.formats.avro.AvroSchemas;
import io.kdg4j.formats.glue.GlueSchemaRegistryFraming;
import io.kdg4j.formats.protobuf.ProtobufEncoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.apache.avro.Schema;
import picocli.CommandLine.Option;

/** The flags of the binary formats: a given Avro schema, and the AWS Glue Schema Registry's framing. */
final class SchemaOptions {
    @Option(names = "--avro-schema", paramLabel = "FILE",
            description = "With --format avro: write against this Avro schema (.avsc) instead of the one derived "
                    + "from the records.")
    Path avroSchema;

    @Option(names = "--glue-schema-version-id", paramLabel = "UUID",
            description = "Prefix each record with the AWS Glue Schema Registry header naming this schema version, "
                    + "so Glue's deserializer reads it (with --format avro, protobuf or json). Nothing calls the "
                    + "registry.")
    String glueSchemaVersionId;

    /** The binary encoder for {@code format} (avro or protobuf) of {@code schema}'s records. */
    RecordEncoder binary(String format, RecordSchema schema) {
        if (format.equals("avro")) {
            return avroSchema != null ? AvroEncoder.of(parse(avroSchema))
                    : AvroEncoder.derived(schema, "Record", "io.kdg4j.generated");
        }
        if (avroSchema != null) {
            throw new KdgException("--avro-schema needs --format avro, but the format was " + format);
        }
        try {
            return ProtobufEncoder.derived(schema, "Record", "kdg4j.generated");
        } catch (IllegalArgumentException e) {
            throw new KdgException("--format protobuf: " + e.getMessage());
        }
    }

    /** {@code encoder} framed for the Glue Schema Registry when asked. */
    RecordEncoder framed(RecordEncoder encoder) {
        if (glueSchemaVersionId == null) {
            return encoder;
        }
        if (!(encoder.name().equals("avro") || encoder.name().equals("protobuf") || encoder.name().equals("json"))) {
            throw new KdgException("--glue-schema-version-id needs --format avro, protobuf or json, but the format "
                    + "was " + encoder.name());
        }
        try {
            return GlueSchemaRegistryFraming.of(encoder, UUID.fromString(glueSchemaVersionId));
        } catch (IllegalArgumentException e) {
            throw new KdgException("--glue-schema-version-id must be a schema version id such as "
                    + "b7b4a7f0-1f5a-4d8e-9a3c-0123456789ab but was '" + glueSchemaVersionId + "'");
        }
    }

    private static Schema parse(Path file) {
        try {
            return AvroSchemas.parse(Files.readString(file));
        } catch (IOException e) {
            throw new KdgException("--avro-schema: cannot read " + file.toAbsolutePath() + " (" + e + ")");
        } catch (IllegalArgumentException e) {
            throw new KdgException("--avro-schema: " + file + " is " + e.getMessage());
        }
    }
}
