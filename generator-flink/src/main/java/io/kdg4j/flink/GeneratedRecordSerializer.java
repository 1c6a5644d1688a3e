package io.kdg4j.flink;

import io.kdg4j.core.GeneratedRecord;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Writes a record as its index, partition key and data, so that records cross Flink's network and state without
 * Kryo's generic path. Records are immutable, so copies are the record itself.
 */
public final class GeneratedRecordSerializer extends TypeSerializerSingleton<GeneratedRecord> {
    private static final long serialVersionUID = 1L;
    public static final GeneratedRecordSerializer INSTANCE = new GeneratedRecordSerializer();
    private static final byte[] EMPTY = new byte[0];

    @Override
    public boolean isImmutableType() {
        return true;
    }

    @Override
    public GeneratedRecord createInstance() {
        return GeneratedRecord.wrap(0, "", EMPTY);
    }

    @Override
    public GeneratedRecord copy(GeneratedRecord from) {
        return from;
    }

    @Override
    public GeneratedRecord copy(GeneratedRecord from, GeneratedRecord reuse) {
        return from;
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(GeneratedRecord record, DataOutputView target) throws IOException {
        target.writeLong(record.index());
        target.writeUTF(record.partitionKey());
        byte[] data = record.bytes();
        target.writeInt(data.length);
        target.write(data);
        writeRoute(record.route(), target);
    }

    /** A scenario's record names its stream; other records have no route. */
    private static void writeRoute(String route, DataOutputView target) throws IOException {
        target.writeBoolean(route != null);
        if (route != null) {
            target.writeUTF(route);
        }
    }

    @Override
    public GeneratedRecord deserialize(DataInputView source) throws IOException {
        long index = source.readLong();
        String partitionKey = source.readUTF();
        byte[] data = new byte[source.readInt()];
        source.readFully(data);
        return source.readBoolean() ? GeneratedRecord.wrap(index, partitionKey, data, source.readUTF())
                : GeneratedRecord.wrap(index, partitionKey, data);
    }

    @Override
    public GeneratedRecord deserialize(GeneratedRecord reuse, DataInputView source) throws IOException {
        return deserialize(source);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        target.writeLong(source.readLong());
        target.writeUTF(source.readUTF());
        int length = source.readInt();
        target.writeInt(length);
        target.write(source, length);
        boolean routed = source.readBoolean();
        target.writeBoolean(routed);
        if (routed) {
            target.writeUTF(source.readUTF());
        }
    }

    @Override
    public TypeSerializerSnapshot<GeneratedRecord> snapshotConfiguration() {
        return new Snapshot();
    }

    /** The serializer has no configuration: its snapshot only names it. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<GeneratedRecord> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
