package io.kdg4j.formats.glue;

import io.kdg4j.core.encode.RecordEncoder;
import io.kdg4j.core.record.ByteOutput;
import io.kdg4j.core.record.RecordTape;
import java.util.Objects;
import java.util.UUID;

/**
 * Records in the AWS Glue Schema Registry's wire format, so that a consumer using Glue's deserializer reads them:
 * an 18-byte header (the header version 3, the compression byte 0 for none, the schema version id as 16 bytes,
 * most significant first) and then the record as {@code inner} writes it (Avro, Protobuf or JSON). The schema
 * version id is given: nothing calls the registry while sending. Thread-safe.
 */
public final class GlueSchemaRegistryFraming implements RecordEncoder {
    /** The header version Glue's serializers write and its deserializers accept. */
    public static final byte HEADER_VERSION = 3;
    /** The compression byte for an uncompressed record. */
    public static final byte NO_COMPRESSION = 0;
    public static final int HEADER_LENGTH = 18;

    private final RecordEncoder inner;
    private final byte[] header = new byte[HEADER_LENGTH];
    private final UUID schemaVersionId;

    private GlueSchemaRegistryFraming(RecordEncoder inner, UUID schemaVersionId) {
        this.inner = Objects.requireNonNull(inner, "inner");
        this.schemaVersionId = Objects.requireNonNull(schemaVersionId, "schemaVersionId");
        header[0] = HEADER_VERSION;
        header[1] = NO_COMPRESSION;
        writeLong(header, 2, schemaVersionId.getMostSignificantBits());
        writeLong(header, 10, schemaVersionId.getLeastSignificantBits());
    }

    /** {@code inner}'s records, each preceded by the header naming {@code schemaVersionId}. */
    public static GlueSchemaRegistryFraming of(RecordEncoder inner, UUID schemaVersionId) {
        return new GlueSchemaRegistryFraming(inner, schemaVersionId);
    }

    /** The encoder of the records inside the header. */
    public RecordEncoder inner() {
        return inner;
    }

    public UUID schemaVersionId() {
        return schemaVersionId;
    }

    @Override
    public void encode(RecordTape record, ByteOutput out) {
        out.write(header, 0, HEADER_LENGTH);
        inner.encode(record, out);
    }

    @Override
    public String name() {
        return inner.name() + "+glue";
    }

    private static void writeLong(byte[] bytes, int at, long value) {
        for (int i = 7; i >= 0; i--) {
            bytes[at + i] = (byte) value;
            value >>>= 8;
        }
    }
}
