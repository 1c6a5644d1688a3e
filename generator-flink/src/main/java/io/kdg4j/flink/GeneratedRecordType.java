package io.kdg4j.flink;

import io.kdg4j.core.GeneratedRecord;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/** Flink's type information for {@link GeneratedRecord}: an atomic type with its own serializer. */
public final class GeneratedRecordType extends TypeInformation<GeneratedRecord> {
    private static final long serialVersionUID = 1L;
    public static final GeneratedRecordType INSTANCE = new GeneratedRecordType();

    private GeneratedRecordType() {
    }

    @Override
    public boolean isBasicType() {
        return false;
    }

    @Override
    public boolean isTupleType() {
        return false;
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    public int getTotalFields() {
        return 1;
    }

    @Override
    public Class<GeneratedRecord> getTypeClass() {
        return GeneratedRecord.class;
    }

    @Override
    public boolean isKeyType() {
        return false;
    }

    @Override
    public TypeSerializer<GeneratedRecord> createSerializer(SerializerConfig config) {
        return GeneratedRecordSerializer.INSTANCE;
    }

    // abstract in Flink 1.20 and gone in 2.x: no @Override, so the class compiles against both
    @SuppressWarnings("deprecation")
    public TypeSerializer<GeneratedRecord> createSerializer(org.apache.flink.api.common.ExecutionConfig config) {
        return GeneratedRecordSerializer.INSTANCE;
    }

    @Override
    public String toString() {
        return "GeneratedRecord";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GeneratedRecordType;
    }

    @Override
    public int hashCode() {
        return GeneratedRecordType.class.hashCode();
    }

    @Override
    public boolean canEqual(Object o) {
        return o instanceof GeneratedRecordType;
    }
}
