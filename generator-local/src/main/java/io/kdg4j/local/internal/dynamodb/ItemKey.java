package io.kdg4j.local.internal.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An item's primary key: its partition key value and, on tables with one, its sort key value. Ordered by partition
 * key, then sort key, so scans and pages are stable (DynamoDB orders partitions by a hash; any fixed order serves
 * pagination equally well).
 */
record ItemKey(JsonNode hash, JsonNode range) implements Comparable<ItemKey> {
    @Override
    public int compareTo(ItemKey other) {
        int c = AttributeValues.compare(hash, other.hash);
        if (c != 0) {
            return c;
        }
        if (range == null || other.range == null) {
            // a key without a sort key comes first in its partition: the start of a partition's range
            return range == null ? (other.range == null ? 0 : -1) : 1;
        }
        return AttributeValues.compare(range, other.range);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ItemKey other && compareTo(other) == 0;
    }

    @Override
    public int hashCode() {
        return AttributeValues.canonical(hash).hashCode() * 31 + (range == null ? 0 : AttributeValues.canonical(range)
                .hashCode());
    }
}
