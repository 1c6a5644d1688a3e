package io.kdg4j.local.internal.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * One table: its key schema, global secondary indexes, settings and items. Not thread-safe by itself: the
 * {@link DynamoDbService} serialises every operation, which also makes transactions atomic.
 */
final class Table {
    /** A key attribute: its name and type (S, N or B). */
    record KeyAttribute(String name, String type) {
    }

    /** A global secondary index: its keys, projection and when it finished creating. */
    record Index(String name, KeyAttribute hash, KeyAttribute range, String projectionType, List<String> nonKeyAttributes,
                 long activeAtMillis, long readCapacity, long writeCapacity) {
    }

    final String name;
    final String arn;
    final String id;
    final long createdMillis;
    final long activeAtMillis;
    final KeyAttribute hash;
    final KeyAttribute range;
    final Map<String, String> attributeTypes = new LinkedHashMap<>();
    final Map<String, Index> indexes = new LinkedHashMap<>();
    String billingMode;
    long readCapacity;
    long writeCapacity;
    boolean deletionProtection;
    boolean pointInTimeRecovery;
    final ObjectNode tags = AttributeValues.NODES.objectNode();
    private final NavigableMap<ItemKey, ObjectNode> items = new TreeMap<>();

    Table(String name, String arn, String id, long createdMillis, long activeAtMillis, KeyAttribute hash,
          KeyAttribute range) {
        this.name = name;
        this.arn = arn;
        this.id = id;
        this.createdMillis = createdMillis;
        this.activeAtMillis = activeAtMillis;
        this.hash = hash;
        this.range = range;
    }

    Set<String> keyNames() {
        return range == null ? Set.of(hash.name()) : Set.of(hash.name(), range.name());
    }

    /**
     * The key of an item or of a Key parameter. With {@code exact}, the object must hold the key attributes and
     * nothing else (a Key parameter); otherwise it may hold more (an item).
     */
    ItemKey keyOf(JsonNode object, boolean exact) {
        if (object == null || !object.isObject()) {
            throw Dynamo.validation("One or more parameter values were invalid: Missing the key " + hash.name()
                    + " in the item");
        }
        JsonNode h = keyValue(object, hash);
        JsonNode r = range == null ? null : keyValue(object, range);
        if (exact && object.size() != keyNames().size()) {
            throw Dynamo.validation("The provided key element does not match the schema");
        }
        return new ItemKey(h, r);
    }

    private static JsonNode keyValue(JsonNode object, KeyAttribute key) {
        JsonNode value = object.get(key.name());
        if (value == null) {
            throw Dynamo.validation("One or more parameter values were invalid: Missing the key " + key.name()
                    + " in the item");
        }
        String type = AttributeValues.type(value);
        if (!type.equals(key.type())) {
            throw Dynamo.validation("One or more parameter values were invalid: Type mismatch for key " + key.name()
                    + " expected: " + key.type() + " actual: " + type);
        }
        if (type.equals("S") && value.get("S").asText().isEmpty() || type.equals("B") && value.get("B").asText()
                .isEmpty()) {
            throw Dynamo.validation("One or more parameter values are not valid. The AttributeValue for a key "
                    + "attribute cannot contain an empty string value. Key: " + key.name());
        }
        AttributeValues.validate(value);
        return value;
    }

    /** The key attributes of an item, as a Key or LastEvaluatedKey. */
    ObjectNode keyAttributes(ObjectNode item, Index index) {
        ObjectNode key = AttributeValues.NODES.objectNode();
        key.set(hash.name(), item.get(hash.name()));
        if (range != null) {
            key.set(range.name(), item.get(range.name()));
        }
        if (index != null) {
            key.set(index.hash().name(), item.get(index.hash().name()));
            if (index.range() != null) {
                key.set(index.range().name(), item.get(index.range().name()));
            }
        }
        return key;
    }

    ObjectNode get(ItemKey key) {
        return items.get(key);
    }

    void put(ItemKey key, ObjectNode item) {
        for (Index index : indexes.values()) {
            checkIndexKeyType(item, index.hash());
            if (index.range() != null) {
                checkIndexKeyType(item, index.range());
            }
        }
        items.put(key, item);
    }

    private static void checkIndexKeyType(ObjectNode item, KeyAttribute key) {
        JsonNode value = item.get(key.name());
        if (value != null && !AttributeValues.type(value).equals(key.type())) {
            throw Dynamo.validation("One or more parameter values were invalid: Type mismatch for Index Key "
                    + key.name() + " Expected: " + key.type() + " Actual: " + AttributeValues.type(value)
                    + " IndexName: " + key.name());
        }
    }

    ObjectNode remove(ItemKey key) {
        return items.remove(key);
    }

    int itemCount() {
        return items.size();
    }

    long sizeBytes() {
        long size = 0;
        for (ObjectNode item : items.values()) {
            size += AttributeValues.itemSize(item);
        }
        return size;
    }

    /** The table's items in key order, starting after {@code exclusiveStart} when given. */
    Iterable<ObjectNode> itemsAfter(ItemKey exclusiveStart) {
        return exclusiveStart == null ? items.values() : items.tailMap(exclusiveStart, false).values();
    }

    /** The items of one partition in sort-key order (or reverse), after {@code exclusiveStart} when given. */
    List<ObjectNode> partition(JsonNode hashValue, boolean forward, ItemKey exclusiveStart) {
        ItemKey low = new ItemKey(hashValue, null);
        List<ObjectNode> found = new ArrayList<>();
        for (Map.Entry<ItemKey, ObjectNode> entry : items.tailMap(low, true).entrySet()) {
            if (AttributeValues.compare(entry.getKey().hash(), hashValue) != 0) {
                break;
            }
            found.add(entry.getValue());
        }
        if (!forward) {
            java.util.Collections.reverse(found);
        }
        return after(found, exclusiveStart == null ? null : itemOf(exclusiveStart), tableOrder(forward));
    }

    /** The items an index holds for one index partition, in index sort order, after {@code exclusiveStart}. */
    List<ObjectNode> indexPartition(Index index, JsonNode hashValue, boolean forward, ObjectNode exclusiveStart) {
        List<ObjectNode> found = new ArrayList<>();
        for (ObjectNode item : items.values()) {
            JsonNode value = item.get(index.hash().name());
            if (value != null && AttributeValues.equal(value, hashValue) && (index.range() == null
                    || item.has(index.range().name()))) {
                found.add(item);
            }
        }
        Comparator<ObjectNode> order = indexOrder(index, forward);
        found.sort(order);
        return after(found, exclusiveStart, order);
    }

    /** Items of an index (all of them, for a Scan of the index), in index order. */
    List<ObjectNode> indexItems(Index index) {
        List<ObjectNode> found = new ArrayList<>();
        for (ObjectNode item : items.values()) {
            if (item.has(index.hash().name()) && (index.range() == null || item.has(index.range().name()))) {
                found.add(item);
            }
        }
        found.sort(Comparator.comparing((ObjectNode item) -> item.get(index.hash().name()),
                AttributeValues::compare).thenComparing(indexOrder(index, true)));
        return found;
    }

    private Comparator<ObjectNode> tableOrder(boolean forward) {
        Comparator<ObjectNode> byKey = Comparator.comparing(item -> keyOf(item, false));
        return forward ? byKey : byKey.reversed();
    }

    private Comparator<ObjectNode> indexOrder(Index index, boolean forward) {
        Comparator<ObjectNode> byTableKey = Comparator.comparing(item -> keyOf(item, false));
        Comparator<ObjectNode> order = index.range() == null ? byTableKey
                : Comparator.comparing((ObjectNode item) -> item.get(index.range().name()), AttributeValues::compare)
                .thenComparing(byTableKey);
        return forward ? order : order.reversed();
    }

    private static List<ObjectNode> after(List<ObjectNode> sorted, ObjectNode start, Comparator<ObjectNode> order) {
        if (start == null) {
            return sorted;
        }
        List<ObjectNode> rest = new ArrayList<>();
        for (ObjectNode item : sorted) {
            if (order.compare(item, start) > 0) {
                rest.add(item);
            }
        }
        return rest;
    }

    private ObjectNode itemOf(ItemKey key) {
        ObjectNode item = AttributeValues.NODES.objectNode();
        item.set(hash.name(), key.hash());
        if (range != null) {
            item.set(range.name(), key.range());
        }
        return item;
    }

    /** The attributes an index projects of an item. */
    ObjectNode project(ObjectNode item, Index index) {
        if (index == null || index.projectionType().equals("ALL")) {
            return item.deepCopy();
        }
        ObjectNode projected = keyAttributes(item, index).deepCopy();
        if (index.projectionType().equals("INCLUDE")) {
            for (String name : index.nonKeyAttributes()) {
                if (item.has(name)) {
                    projected.set(name, item.get(name).deepCopy());
                }
            }
        }
        return projected;
    }

    static ArrayNode keySchemaJson(KeyAttribute hash, KeyAttribute range) {
        ArrayNode schema = AttributeValues.array();
        schema.addObject().put("AttributeName", hash.name()).put("KeyType", "HASH");
        if (range != null) {
            schema.addObject().put("AttributeName", range.name()).put("KeyType", "RANGE");
        }
        return schema;
    }
}
