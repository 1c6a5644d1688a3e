package io.kdg4j.core;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One record ready to send: its index in the run, its partition key and its encoded bytes. Immutable.
 */
public final class GeneratedRecord {
    private final long index;
    private final String partitionKey;
    private final byte[] data;

    /** Takes ownership of {@code data}: the caller must not change it afterwards. */
    public static GeneratedRecord wrap(long index, String partitionKey, byte[] data) {
        return new GeneratedRecord(index, partitionKey, data);
    }

    private GeneratedRecord(long index, String partitionKey, byte[] data) {
        this.index = index;
        this.partitionKey = Objects.requireNonNull(partitionKey, "partitionKey");
        this.data = Objects.requireNonNull(data, "data");
    }

    public long index() {
        return index;
    }

    public String partitionKey() {
        return partitionKey;
    }

    /** Size of the data in bytes. */
    public int size() {
        return data.length;
    }

    /** A read-only view of the data, without copying. */
    public ByteBuffer data() {
        return ByteBuffer.wrap(data).asReadOnlyBuffer();
    }

    /** A copy of the data. */
    public byte[] bytes() {
        return data.clone();
    }

    /** The data decoded as UTF-8. */
    public String text() {
        return new String(data, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GeneratedRecord other && other.index == index
                && other.partitionKey.equals(partitionKey) && Arrays.equals(other.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Long.hashCode(index) + partitionKey.hashCode()) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "GeneratedRecord[index=" + index + ", partitionKey=" + partitionKey + ", " + text() + "]";
    }
}
