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
    private final String route;

    /** Takes ownership of {@code data}: the caller must not change it afterwards. */
    public static GeneratedRecord wrap(long index, String partitionKey, byte[] data) {
        return new GeneratedRecord(index, partitionKey, data, null);
    }

    /** A record for one of several destinations, named by {@code route} (a scenario's stream). */
    public static GeneratedRecord wrap(long index, String partitionKey, byte[] data, String route) {
        return new GeneratedRecord(index, partitionKey, data, Objects.requireNonNull(route, "route"));
    }

    private GeneratedRecord(long index, String partitionKey, byte[] data, String route) {
        this.index = index;
        this.partitionKey = Objects.requireNonNull(partitionKey, "partitionKey");
        this.data = Objects.requireNonNull(data, "data");
        this.route = route;
    }

    /** Which destination the record is for (a scenario's stream name), or null when a run has one. */
    public String route() {
        return route;
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
                && other.partitionKey.equals(partitionKey) && Arrays.equals(other.data, data)
                && Objects.equals(other.route, route);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Long.hashCode(index) + partitionKey.hashCode()) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "GeneratedRecord[index=" + index + (route == null ? "" : ", route=" + route) + ", partitionKey="
                + partitionKey + ", " + text() + "]";
    }
}
