package io.kdg4j.local.internal.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kdg4j.local.internal.http.AwsRequest;
import io.kdg4j.local.internal.http.AwsResponse;
import io.kdg4j.local.internal.protocol.AwsException;
import io.kdg4j.local.internal.protocol.JsonProtocol;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The part of DynamoDB that the Kinesis Client Library (leases, coordinator state, worker metrics) and its lock
 * client use, in the same process and on the same port as Kinesis, routed by {@code X-Amz-Target:
 * DynamoDB_20120810.*}: tables with global secondary indexes; PutItem, GetItem, UpdateItem, DeleteItem, Scan
 * (filters, pages, parallel segments), Query (on the table or an index), TransactWriteItems, BatchGetItem and
 * BatchWriteItem; condition, update, key-condition, filter and projection expressions, and the legacy Expected
 * and AttributeUpdates forms. Not a general DynamoDB: no streams, TTL, backups or capacity accounting.
 *
 * <p>Every operation holds one lock. The traffic of a consumer under test is a few requests a second, and one
 * lock makes transactions atomic across tables without more machinery.
 */
public final class DynamoDbService {
    public static final String TARGET_PREFIX = "DynamoDB_20120810.";
    private static final String CONTENT_TYPE = "application/x-amz-json-1.0";
    private static final String ERROR_PREFIX = "com.amazonaws.dynamodb.v20120810#";
    private static final long PAGE_BYTES = 1024 * 1024;

    private final Clock clock;
    private final String region;
    private final String account;
    private final Duration creationDelay;
    private final Map<String, Table> tables = new LinkedHashMap<>();

    public DynamoDbService(Clock clock, String region, String account, Duration creationDelay) {
        this.clock = clock;
        this.region = region;
        this.account = account;
        this.creationDelay = creationDelay;
    }

    /** Answers one DynamoDB request. */
    public AwsResponse handle(String operation, AwsRequest request) {
        ObjectNode in;
        try {
            in = JsonProtocol.JSON.parse(request.bodyBytes());
        } catch (AwsException e) {
            return error(new Dynamo.Error("SerializationException", 400, e.getMessage(), null));
        }
        try {
            ObjectNode out;
            synchronized (this) {
                out = switch (operation) {
                    case "CreateTable" -> createTable(in);
                    case "DescribeTable" -> describeTable(in);
                    case "UpdateTable" -> updateTable(in);
                    case "DeleteTable" -> deleteTable(in);
                    case "ListTables" -> listTables(in);
                    case "UpdateContinuousBackups" -> updateContinuousBackups(in);
                    case "DescribeContinuousBackups" -> continuousBackups(table(in));
                    case "TagResource" -> tagResource(in);
                    case "ListTagsOfResource" -> listTags(in);
                    case "PutItem" -> putItem(in);
                    case "GetItem" -> getItem(in);
                    case "UpdateItem" -> updateItem(in);
                    case "DeleteItem" -> deleteItem(in);
                    case "Scan" -> scan(in);
                    case "Query" -> query(in);
                    case "TransactWriteItems" -> transactWriteItems(in);
                    case "BatchGetItem" -> batchGetItem(in);
                    case "BatchWriteItem" -> batchWriteItem(in);
                    default -> throw Dynamo.unknownOperation(operation);
                };
            }
            return AwsResponse.of(200, CONTENT_TYPE, JsonProtocol.JSON.write(out));
        } catch (Dynamo.Error e) {
            return error(e);
        }
    }

    private static AwsResponse error(Dynamo.Error e) {
        ObjectNode body = AttributeValues.NODES.objectNode();
        body.put("__type", ERROR_PREFIX + e.code());
        body.put("message", e.getMessage());
        if (e.extra() != null) {
            body.setAll(e.extra());
        }
        return AwsResponse.of(e.status(), CONTENT_TYPE, JsonProtocol.JSON.write(body))
                .withHeader("x-amzn-ErrorType", e.code());
    }

    // ----- tables -----

    private Table table(JsonNode in) {
        String name = requiredText(in, "TableName");
        Table table = tables.get(name);
        if (table == null) {
            throw Dynamo.notFound("Requested resource not found: Table: " + name + " not found");
        }
        return table;
    }

    private static String requiredText(JsonNode in, String field) {
        JsonNode value = in.get(field);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw Dynamo.validation("1 validation error detected: Value null at '" + Character.toLowerCase(
                    field.charAt(0)) + field.substring(1) + "' failed to satisfy constraint: Member must not be null");
        }
        return value.asText();
    }

    private ObjectNode createTable(JsonNode in) {
        String name = requiredText(in, "TableName");
        if (!name.matches("[a-zA-Z0-9_.-]{3,255}")) {
            throw Dynamo.validation("1 validation error detected: Value '" + name + "' at 'tableName' failed to "
                    + "satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
        }
        Map<String, String> types = new LinkedHashMap<>();
        for (JsonNode definition : in.path("AttributeDefinitions")) {
            types.put(definition.path("AttributeName").asText(), definition.path("AttributeType").asText());
        }
        Table.KeyAttribute[] keys = keySchema(in.get("KeySchema"), types, "KeySchema");
        String billing = in.path("BillingMode").asText("PROVISIONED");
        JsonNode throughput = in.get("ProvisionedThroughput");
        if (billing.equals("PROVISIONED") && throughput == null) {
            throw Dynamo.validation("One or more parameter values were invalid: ReadCapacityUnits and "
                    + "WriteCapacityUnits must both be specified when BillingMode is PROVISIONED");
        }
        if (billing.equals("PAY_PER_REQUEST") && throughput != null) {
            throw Dynamo.validation("One or more parameter values were invalid: Neither ReadCapacityUnits nor "
                    + "WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
        }
        if (tables.containsKey(name)) {
            throw Dynamo.inUse("Table already exists: " + name);
        }
        long now = clock.millis();
        Table table = new Table(name, arn("table/" + name), UUID.randomUUID().toString(), now,
                now + creationDelay.toMillis(), keys[0], keys[1]);
        table.billingMode = billing;
        table.readCapacity = throughput == null ? 0 : throughput.path("ReadCapacityUnits").asLong();
        table.writeCapacity = throughput == null ? 0 : throughput.path("WriteCapacityUnits").asLong();
        table.deletionProtection = in.path("DeletionProtectionEnabled").asBoolean(false);
        for (JsonNode index : in.path("GlobalSecondaryIndexes")) {
            addIndex(table, index, types, now + creationDelay.toMillis());
        }
        table.attributeTypes.putAll(types);
        checkDefinitionsUsed(table, types);
        for (JsonNode tag : in.path("Tags")) {
            table.tags.put(tag.path("Key").asText(), tag.path("Value").asText());
        }
        tables.put(name, table);
        ObjectNode description = describe(table);
        // AWS answers CreateTable with CREATING, however soon the table is ready
        description.put("TableStatus", "CREATING");
        description.path("GlobalSecondaryIndexes").forEach(index -> ((ObjectNode) index).put("IndexStatus",
                "CREATING"));
        ObjectNode out = AttributeValues.NODES.objectNode();
        out.set("TableDescription", description);
        return out;
    }

    private static void checkDefinitionsUsed(Table table, Map<String, String> types) {
        Set<String> used = new java.util.HashSet<>(table.keyNames());
        for (Table.Index index : table.indexes.values()) {
            used.add(index.hash().name());
            if (index.range() != null) {
                used.add(index.range().name());
            }
        }
        if (!used.containsAll(types.keySet()) || types.size() != used.size()) {
            throw Dynamo.validation("One or more parameter values were invalid: Number of attributes in KeySchema "
                    + "does not exactly match number of attributes defined in AttributeDefinitions");
        }
    }

    private static Table.KeyAttribute[] keySchema(JsonNode schema, Map<String, String> types, String where) {
        if (schema == null || !schema.isArray() || schema.isEmpty() || schema.size() > 2) {
            throw Dynamo.validation("1 validation error detected: Value null at 'keySchema' failed to satisfy "
                    + "constraint: Member must not be null");
        }
        Table.KeyAttribute hash = null;
        Table.KeyAttribute range = null;
        for (JsonNode element : schema) {
            String name = element.path("AttributeName").asText();
            String type = types.get(name);
            if (type == null) {
                throw Dynamo.validation("One or more parameter values were invalid: Some index key attributes are not "
                        + "defined in AttributeDefinitions. Keys: [" + name + "], AttributeDefinitions: "
                        + types.keySet());
            }
            if (element.path("KeyType").asText().equals("HASH") && hash == null) {
                hash = new Table.KeyAttribute(name, type);
            } else if (element.path("KeyType").asText().equals("RANGE") && range == null) {
                range = new Table.KeyAttribute(name, type);
            } else {
                throw Dynamo.validation("Invalid " + where + ": The first KeySchemaElement is not a HASH key type");
            }
        }
        if (hash == null) {
            throw Dynamo.validation("Invalid " + where + ": The first KeySchemaElement is not a HASH key type");
        }
        return new Table.KeyAttribute[] {hash, range};
    }

    private void addIndex(Table table, JsonNode index, Map<String, String> types, long activeAt) {
        String name = requiredText(index, "IndexName");
        if (table.indexes.containsKey(name)) {
            throw Dynamo.validation("One or more parameter values were invalid: Duplicate index name: " + name);
        }
        Table.KeyAttribute[] keys = keySchema(index.get("KeySchema"), types, "KeySchema of index " + name);
        JsonNode projection = index.path("Projection");
        List<String> nonKey = new ArrayList<>();
        projection.path("NonKeyAttributes").forEach(n -> nonKey.add(n.asText()));
        JsonNode throughput = index.get("ProvisionedThroughput");
        if (table.billingMode.equals("PAY_PER_REQUEST") && throughput != null) {
            throw Dynamo.validation("One or more parameter values were invalid: ProvisionedThroughput should not be "
                    + "specified for index: " + name + " when BillingMode is PAY_PER_REQUEST");
        }
        if (table.billingMode.equals("PROVISIONED") && throughput == null) {
            throw Dynamo.validation("One or more parameter values were invalid: ProvisionedThroughput must be "
                    + "specified for index: " + name);
        }
        table.indexes.put(name, new Table.Index(name, keys[0], keys[1], projection.path("ProjectionType")
                .asText("ALL"), nonKey, activeAt, throughput == null ? 0 : throughput.path("ReadCapacityUnits")
                .asLong(), throughput == null ? 0 : throughput.path("WriteCapacityUnits").asLong()));
    }

    private ObjectNode describe(Table table) {
        long now = clock.millis();
        ObjectNode d = AttributeValues.NODES.objectNode();
        ArrayNode definitions = d.putArray("AttributeDefinitions");
        table.attributeTypes.forEach((n, t) -> definitions.addObject().put("AttributeName", n).put("AttributeType", t));
        d.put("TableName", table.name);
        d.set("KeySchema", Table.keySchemaJson(table.hash, table.range));
        d.put("TableStatus", now < table.activeAtMillis ? "CREATING" : "ACTIVE");
        d.put("CreationDateTime", table.createdMillis / 1000.0);
        d.set("ProvisionedThroughput", throughput(table.readCapacity, table.writeCapacity));
        d.put("TableSizeBytes", table.sizeBytes());
        d.put("ItemCount", table.itemCount());
        d.put("TableArn", table.arn);
        d.put("TableId", table.id);
        if (table.billingMode.equals("PAY_PER_REQUEST")) {
            d.putObject("BillingModeSummary").put("BillingMode", "PAY_PER_REQUEST")
                    .put("LastUpdateToPayPerRequestDateTime", table.createdMillis / 1000.0);
        }
        if (!table.indexes.isEmpty()) {
            ArrayNode indexes = d.putArray("GlobalSecondaryIndexes");
            for (Table.Index index : table.indexes.values()) {
                ObjectNode i = indexes.addObject();
                i.put("IndexName", index.name());
                i.set("KeySchema", Table.keySchemaJson(index.hash(), index.range()));
                ObjectNode projection = i.putObject("Projection").put("ProjectionType", index.projectionType());
                if (!index.nonKeyAttributes().isEmpty()) {
                    ArrayNode names = projection.putArray("NonKeyAttributes");
                    index.nonKeyAttributes().forEach(names::add);
                }
                i.put("IndexStatus", now < index.activeAtMillis() ? "CREATING" : "ACTIVE");
                if (now < index.activeAtMillis()) {
                    i.put("Backfilling", false);
                }
                i.set("ProvisionedThroughput", throughput(index.readCapacity(), index.writeCapacity()));
                i.put("IndexSizeBytes", 0);
                i.put("ItemCount", table.indexItems(index).size());
                i.put("IndexArn", table.arn + "/index/" + index.name());
            }
        }
        d.put("DeletionProtectionEnabled", table.deletionProtection);
        return d;
    }

    private static ObjectNode throughput(long read, long write) {
        ObjectNode t = AttributeValues.NODES.objectNode();
        t.put("NumberOfDecreasesToday", 0).put("ReadCapacityUnits", read).put("WriteCapacityUnits", write);
        return t;
    }

    private String arn(String resource) {
        return "arn:aws:dynamodb:" + region + ":" + account + ":" + resource;
    }

    private ObjectNode describeTable(JsonNode in) {
        ObjectNode out = AttributeValues.NODES.objectNode();
        out.set("Table", describe(table(in)));
        return out;
    }

    private ObjectNode updateTable(JsonNode in) {
        Table table = table(in);
        Map<String, String> types = new LinkedHashMap<>(table.attributeTypes);
        for (JsonNode definition : in.path("AttributeDefinitions")) {
            types.put(definition.path("AttributeName").asText(), definition.path("AttributeType").asText());
        }
        for (JsonNode update : in.path("GlobalSecondaryIndexUpdates")) {
            if (update.has("Create")) {
                addIndex(table, update.get("Create"), types, clock.millis() + creationDelay.toMillis());
                Table.Index added = table.indexes.get(update.get("Create").path("IndexName").asText());
                table.attributeTypes.put(added.hash().name(), added.hash().type());
                if (added.range() != null) {
                    table.attributeTypes.put(added.range().name(), added.range().type());
                }
            } else if (update.has("Delete")) {
                String name = update.get("Delete").path("IndexName").asText();
                if (table.indexes.remove(name) == null) {
                    throw Dynamo.notFound("Requested resource not found: Index: " + name + " not found");
                }
            }
        }
        if (in.has("BillingMode")) {
            table.billingMode = in.get("BillingMode").asText();
        }
        if (in.has("ProvisionedThroughput")) {
            table.readCapacity = in.get("ProvisionedThroughput").path("ReadCapacityUnits").asLong();
            table.writeCapacity = in.get("ProvisionedThroughput").path("WriteCapacityUnits").asLong();
        }
        if (in.has("DeletionProtectionEnabled")) {
            table.deletionProtection = in.get("DeletionProtectionEnabled").asBoolean();
        }
        ObjectNode out = AttributeValues.NODES.objectNode();
        out.set("TableDescription", describe(table));
        return out;
    }

    private ObjectNode deleteTable(JsonNode in) {
        Table table = table(in);
        if (table.deletionProtection) {
            throw Dynamo.validation("Resource cannot be deleted as it is currently protected against deletion. "
                    + "Disable deletion protection first.");
        }
        tables.remove(table.name);
        ObjectNode description = describe(table);
        description.put("TableStatus", "DELETING");
        ObjectNode out = AttributeValues.NODES.objectNode();
        out.set("TableDescription", description);
        return out;
    }

    private ObjectNode listTables(JsonNode in) {
        int limit = in.path("Limit").asInt(100);
        String start = in.path("ExclusiveStartTableName").asText(null);
        List<String> names = new ArrayList<>(new java.util.TreeSet<>(tables.keySet()));
        ObjectNode out = AttributeValues.NODES.objectNode();
        ArrayNode page = out.putArray("TableNames");
        String last = null;
        for (String name : names) {
            if (start != null && name.compareTo(start) <= 0) {
                continue;
            }
            if (page.size() == limit) {
                out.put("LastEvaluatedTableName", last);
                break;
            }
            page.add(name);
            last = name;
        }
        return out;
    }

    private ObjectNode updateContinuousBackups(JsonNode in) {
        Table table = table(in);
        table.pointInTimeRecovery = in.path("PointInTimeRecoverySpecification").path("PointInTimeRecoveryEnabled")
                .asBoolean(false);
        return continuousBackups(table);
    }

    private static ObjectNode continuousBackups(Table table) {
        ObjectNode out = AttributeValues.NODES.objectNode();
        ObjectNode description = out.putObject("ContinuousBackupsDescription");
        description.put("ContinuousBackupsStatus", "ENABLED");
        description.putObject("PointInTimeRecoveryDescription").put("PointInTimeRecoveryStatus",
                table.pointInTimeRecovery ? "ENABLED" : "DISABLED");
        return out;
    }

    private Table tableByArn(JsonNode in) {
        String arn = in.path("ResourceArn").asText();
        for (Table table : tables.values()) {
            if (table.arn.equals(arn)) {
                return table;
            }
        }
        throw Dynamo.notFound("Requested resource not found: ResourceArn: " + arn + " not found");
    }

    private ObjectNode tagResource(JsonNode in) {
        Table table = tableByArn(in);
        for (JsonNode tag : in.path("Tags")) {
            table.tags.put(tag.path("Key").asText(), tag.path("Value").asText());
        }
        return AttributeValues.NODES.objectNode();
    }

    private ObjectNode listTags(JsonNode in) {
        Table table = tableByArn(in);
        ObjectNode out = AttributeValues.NODES.objectNode();
        ArrayNode tags = out.putArray("Tags");
        table.tags.fields().forEachRemaining(e -> tags.addObject().put("Key", e.getKey()).put("Value",
                e.getValue().asText()));
        return out;
    }

    // ----- items -----

    /** A write's condition: ConditionExpression or Expected (not both), or null. */
    private static Expressions.Condition writeCondition(JsonNode in, Expressions.Placeholders placeholders) {
        boolean expression = in.hasNonNull("ConditionExpression");
        boolean legacy = in.hasNonNull("Expected");
        if (expression && legacy) {
            throw Dynamo.validation("Can not use both expression and non-expression parameters in the same request: "
                    + "Non-expression parameters: {Expected} Expression parameters: {ConditionExpression}");
        }
        if (expression) {
            return Expressions.condition(in.get("ConditionExpression").asText(), placeholders,
                    "ConditionExpression");
        }
        return legacy ? Updates.expected(in.get("Expected"), in.path("ConditionalOperator").asText("AND")) : null;
    }

    private static void check(Expressions.Condition condition, ObjectNode old, JsonNode in) {
        if (condition != null && !condition.test(old == null ? AttributeValues.NODES.objectNode() : old)) {
            boolean returnOld = "ALL_OLD".equals(in.path("ReturnValuesOnConditionCheckFailure").asText(null));
            throw Dynamo.conditionalCheckFailed(returnOld && old != null ? old.deepCopy() : null);
        }
    }

    private ObjectNode putItem(JsonNode in) {
        Table table = table(in);
        ObjectNode item = checkedItem(in.get("Item"));
        ItemKey key = table.keyOf(item, false);
        Expressions.Placeholders placeholders = Expressions.placeholders(in);
        Expressions.Condition condition = writeCondition(in, placeholders);
        placeholders.checkAllUsed();
        ObjectNode old = table.get(key);
        check(condition, old, in);
        table.put(key, item.deepCopy());
        return returnValues(in, old, null, Set.of(), "PutItem");
    }

    private static ObjectNode checkedItem(JsonNode item) {
        if (item == null || !item.isObject()) {
            throw Dynamo.validation("1 validation error detected: Value null at 'item' failed to satisfy constraint: "
                    + "Member must not be null");
        }
        item.fields().forEachRemaining(e -> AttributeValues.validate(e.getValue()));
        return AttributeValues.normalizedItem(item);
    }

    private ObjectNode getItem(JsonNode in) {
        Table table = table(in);
        ItemKey key = table.keyOf(in.get("Key"), true);
        Expressions.Placeholders placeholders = Expressions.placeholders(in);
        List<DocumentPath> projection = projection(in, placeholders);
        placeholders.checkAllUsed();
        ObjectNode out = AttributeValues.NODES.objectNode();
        ObjectNode item = table.get(key);
        if (item != null) {
            out.set("Item", project(item, projection));
        }
        return out;
    }

    private static List<DocumentPath> projection(JsonNode in, Expressions.Placeholders placeholders) {
        if (in.hasNonNull("ProjectionExpression")) {
            return Expressions.projection(in.get("ProjectionExpression").asText(), placeholders);
        }
        if (in.hasNonNull("AttributesToGet")) {
            List<DocumentPath> paths = new ArrayList<>();
            in.get("AttributesToGet").forEach(n -> paths.add(DocumentPath.of(n.asText())));
            return paths;
        }
        return null;
    }

    private static ObjectNode project(ObjectNode item, List<DocumentPath> projection) {
        if (projection == null) {
            return item.deepCopy();
        }
        ObjectNode projected = AttributeValues.NODES.objectNode();
        projection.forEach(path -> path.project(item, projected));
        return projected;
    }

    private ObjectNode updateItem(JsonNode in) {
        Table table = table(in);
        JsonNode keyNode = in.get("Key");
        ItemKey key = table.keyOf(keyNode, true);
        Expressions.Placeholders placeholders = Expressions.placeholders(in);
        if (in.hasNonNull("UpdateExpression") && in.hasNonNull("AttributeUpdates")) {
            throw Dynamo.validation("Can not use both expression and non-expression parameters in the same request: "
                    + "Non-expression parameters: {AttributeUpdates} Expression parameters: {UpdateExpression}");
        }
        Expressions.Update update = in.hasNonNull("UpdateExpression")
                ? Expressions.update(in.get("UpdateExpression").asText(), placeholders) : null;
        Expressions.Condition condition = writeCondition(in, placeholders);
        placeholders.checkAllUsed();
        ObjectNode old = table.get(key);
        check(condition, old, in);
        ObjectNode before = old != null ? old : keyNode.deepCopy();
        ObjectNode item = before.deepCopy();
        Set<String> changed;
        if (update != null) {
            changed = update.topLevelNames();
            for (String name : changed) {
                if (table.keyNames().contains(name)) {
                    throw Dynamo.validation("One or more parameter values were invalid: Cannot update attribute "
                            + name + ". This attribute is part of the key");
                }
            }
            update.apply(before, item);
        } else {
            changed = new java.util.LinkedHashSet<>();
            in.path("AttributeUpdates").fieldNames().forEachRemaining(changed::add);
            Updates.applyAttributeUpdates(in.path("AttributeUpdates"), item, table.keyNames());
        }
        item.fields().forEachRemaining(e -> AttributeValues.validate(e.getValue()));
        item = AttributeValues.normalizedItem(item);
        table.put(key, item);
        return returnValues(in, old, item, changed, "UpdateItem");
    }

    private static ObjectNode returnValues(JsonNode in, ObjectNode old, ObjectNode updated, Set<String> changed,
                                           String operation) {
        String wanted = in.path("ReturnValues").asText("NONE");
        ObjectNode out = AttributeValues.NODES.objectNode();
        switch (wanted) {
            case "NONE" -> {
                return out;
            }
            case "ALL_OLD" -> {
                if (old != null) {
                    out.set("Attributes", old.deepCopy());
                }
            }
            case "ALL_NEW", "UPDATED_OLD", "UPDATED_NEW" -> {
                if (!operation.equals("UpdateItem")) {
                    throw Dynamo.validation("ReturnValues can only be ALL_OLD or NONE");
                }
                ObjectNode source = wanted.endsWith("OLD") ? old : updated;
                if (source != null) {
                    ObjectNode attributes = wanted.startsWith("ALL") ? source.deepCopy()
                            : AttributeValues.NODES.objectNode();
                    if (!wanted.startsWith("ALL")) {
                        for (String name : changed) {
                            if (source.has(name)) {
                                attributes.set(name, source.get(name).deepCopy());
                            }
                        }
                    }
                    if (!attributes.isEmpty()) {
                        out.set("Attributes", attributes);
                    }
                }
            }
            default -> throw Dynamo.validation("1 validation error detected: Value '" + wanted + "' at 'returnValues' "
                    + "failed to satisfy constraint: Member must satisfy enum value set: [ALL_NEW, UPDATED_OLD, "
                    + "ALL_OLD, NONE, UPDATED_NEW]");
        }
        return out;
    }

    private ObjectNode deleteItem(JsonNode in) {
        Table table = table(in);
        ItemKey key = table.keyOf(in.get("Key"), true);
        Expressions.Placeholders placeholders = Expressions.placeholders(in);
        Expressions.Condition condition = writeCondition(in, placeholders);
        placeholders.checkAllUsed();
        ObjectNode old = table.get(key);
        check(condition, old, in);
        table.remove(key);
        return returnValues(in, old, null, Set.of(), "DeleteItem");
    }

    // ----- reads of many items -----

    private ObjectNode scan(JsonNode in) {
        Table table = table(in);
        Table.Index index = index(table, in);
        Expressions.Placeholders placeholders = Expressions.placeholders(in);
        Expressions.Condition filter = in.hasNonNull("FilterExpression")
                ? Expressions.condition(in.get("FilterExpression").asText(), placeholders, "FilterExpression") : null;
        List<DocumentPath> projection = projection(in, placeholders);
        placeholders.checkAllUsed();
        int segment = in.path("Segment").asInt(0);
        int totalSegments = in.path("TotalSegments").asInt(1);
        if (in.has("Segment") != in.has("TotalSegments") || segment < 0 || totalSegments < 1
                || segment >= totalSegments) {
            throw Dynamo.validation("The Segment parameter is zero-based and must be less than parameter "
                    + "TotalSegments: Segment: " + segment + " is not less than TotalSegments: " + totalSegments);
        }
        Iterable<ObjectNode> source;
        if (index != null) {
            List<ObjectNode> all = table.indexItems(index);
            if (in.hasNonNull("ExclusiveStartKey")) {
                ObjectNode start = (ObjectNode) in.get("ExclusiveStartKey");
                all = all.subList(positionAfter(all, start, table, index), all.size());
            }
            source = all;
        } else {
            source = table.itemsAfter(in.hasNonNull("ExclusiveStartKey") ? table.keyOf(in.get("ExclusiveStartKey"),
                    true) : null);
        }
        List<ObjectNode> segmentItems = new ArrayList<>();
        for (ObjectNode item : source) {
            if (totalSegments == 1 || Math.floorMod(AttributeValues.canonical(item.get(table.hash.name())).hashCode(),
                    totalSegments) == segment) {
                segmentItems.add(item);
            }
        }
        return page(in, table, index, segmentItems, filter, projection);
    }

    private static int positionAfter(List<ObjectNode> sorted, ObjectNode start, Table table, Table.Index index) {
        ItemKey startKey = table.keyOf(start, false);
        for (int i = 0; i < sorted.size(); i++) {
            if (table.keyOf(sorted.get(i), false).equals(startKey)) {
                return i + 1;
            }
        }
        return sorted.size();
    }

    private static Table.Index index(Table table, JsonNode in) {
        if (!in.hasNonNull("IndexName")) {
            return null;
        }
        Table.Index index = table.indexes.get(in.get("IndexName").asText());
        if (index == null) {
            throw Dynamo.validation("The table does not have the specified index: " + in.get("IndexName").asText());
        }
        return index;
    }

    /** One page of items: at most Limit evaluated, at most 1 MB, filtered and projected; Count or the items. */
    private static ObjectNode page(JsonNode in, Table table, Table.Index index, List<ObjectNode> candidates,
                                   Expressions.Condition filter, List<DocumentPath> projection) {
        int limit = in.path("Limit").asInt(Integer.MAX_VALUE);
        if (in.has("Limit") && limit < 1) {
            throw Dynamo.validation("1 validation error detected: Value '" + limit + "' at 'limit' failed to satisfy "
                    + "constraint: Member must have value greater than or equal to 1");
        }
        boolean countOnly = "COUNT".equals(in.path("Select").asText(null));
        ObjectNode out = AttributeValues.NODES.objectNode();
        ArrayNode items = AttributeValues.array();
        int scanned = 0;
        int count = 0;
        long bytes = 0;
        ObjectNode last = null;
        Iterator<ObjectNode> it = candidates.iterator();
        while (it.hasNext() && scanned < limit && bytes < PAGE_BYTES) {
            ObjectNode item = it.next();
            scanned++;
            bytes += AttributeValues.itemSize(item);
            last = item;
            ObjectNode visible = table.project(item, index);
            if (filter == null || filter.test(visible)) {
                count++;
                if (!countOnly) {
                    items.add(project(visible, projection));
                }
            }
        }
        if (!countOnly) {
            out.set("Items", items);
        }
        out.put("Count", count);
        out.put("ScannedCount", scanned);
        if (last != null && (it.hasNext() || scanned == limit)) {
            out.set("LastEvaluatedKey", table.keyAttributes(last, index).deepCopy());
        }
        return out;
    }

    private ObjectNode query(JsonNode in) {
        Table table = table(in);
        Table.Index index = index(table, in);
        Expressions.Placeholders placeholders = Expressions.placeholders(in);
        if (!in.hasNonNull("KeyConditionExpression")) {
            throw Dynamo.validation("Either the KeyConditions or KeyConditionExpression parameter must be specified "
                    + "in the request.");
        }
        String keyText = in.get("KeyConditionExpression").asText();
        Expressions.Condition keyCondition = Expressions.condition(keyText, placeholders, "KeyConditionExpression");
        Expressions.Condition filter = in.hasNonNull("FilterExpression")
                ? Expressions.condition(in.get("FilterExpression").asText(), placeholders, "FilterExpression") : null;
        List<DocumentPath> projection = projection(in, placeholders);
        placeholders.checkAllUsed();
        Table.KeyAttribute hashKey = index == null ? table.hash : index.hash();
        JsonNode hashValue = Expressions.partitionKeyValue(keyText, placeholders, hashKey.name());
        boolean forward = in.path("ScanIndexForward").asBoolean(true);
        List<ObjectNode> partition;
        if (index == null) {
            partition = table.partition(hashValue, forward, in.hasNonNull("ExclusiveStartKey")
                    ? table.keyOf(in.get("ExclusiveStartKey"), true) : null);
        } else {
            partition = table.indexPartition(index, hashValue, forward, in.hasNonNull("ExclusiveStartKey")
                    ? (ObjectNode) in.get("ExclusiveStartKey") : null);
        }
        List<ObjectNode> matching = new ArrayList<>();
        for (ObjectNode item : partition) {
            if (keyCondition.test(item)) {
                matching.add(item);
            }
        }
        return page(in, table, index, matching, filter, projection);
    }

    // ----- batches and transactions -----

    private ObjectNode transactWriteItems(JsonNode in) {
        JsonNode actions = in.path("TransactItems");
        if (!actions.isArray() || actions.isEmpty() || actions.size() > 100) {
            throw Dynamo.validation("1 validation error detected: Value at 'transactItems' failed to satisfy "
                    + "constraint: Member must have length less than or equal to 100 and greater than or equal to 1");
        }
        // first every condition, against the items as they are; then every write, or none
        List<Runnable> writes = new ArrayList<>();
        ArrayNode reasons = AttributeValues.array();
        boolean failed = false;
        Set<String> touched = new java.util.HashSet<>();
        for (JsonNode action : actions) {
            String kind = action.fieldNames().next();
            JsonNode body = action.get(kind);
            Table table = table(body);
            JsonNode keySource = kind.equals("Put") ? body.get("Item") : body.get("Key");
            ItemKey key = table.keyOf(keySource, !kind.equals("Put"));
            if (!touched.add(table.name + "/" + AttributeValues.canonical(key.hash()) + "/" + (key.range() == null
                    ? "" : AttributeValues.canonical(key.range())))) {
                throw Dynamo.validation("Transaction request cannot include multiple operations on one item");
            }
            Expressions.Placeholders placeholders = Expressions.placeholders(body);
            Expressions.Update update = kind.equals("Update") ? Expressions.update(requiredText(body,
                    "UpdateExpression"), placeholders) : null;
            Expressions.Condition condition = body.hasNonNull("ConditionExpression") ? Expressions.condition(
                    body.get("ConditionExpression").asText(), placeholders, "ConditionExpression") : null;
            placeholders.checkAllUsed();
            ObjectNode old = table.get(key);
            ObjectNode reason = reasons.addObject();
            if (condition != null && !condition.test(old == null ? AttributeValues.NODES.objectNode() : old)) {
                failed = true;
                reason.put("Code", "ConditionalCheckFailed").put("Message", "The conditional request failed");
                if ("ALL_OLD".equals(body.path("ReturnValuesOnConditionCheckFailure").asText(null)) && old != null) {
                    reason.set("Item", old.deepCopy());
                }
                continue;
            }
            reason.put("Code", "None");
            switch (kind) {
                case "Put" -> {
                    ObjectNode item = checkedItem(body.get("Item")).deepCopy();
                    writes.add(() -> table.put(key, item));
                }
                case "Delete" -> writes.add(() -> table.remove(key));
                case "Update" -> {
                    ObjectNode before = old != null ? old : body.get("Key").deepCopy();
                    ObjectNode item = before.deepCopy();
                    update.apply(before, item);
                    ObjectNode normalized = AttributeValues.normalizedItem(item);
                    writes.add(() -> table.put(key, normalized));
                }
                case "ConditionCheck" -> {
                    // the condition was all
                }
                default -> throw Dynamo.validation("Unknown transaction action " + kind);
            }
        }
        if (failed) {
            List<String> codes = new ArrayList<>();
            reasons.forEach(r -> codes.add(r.path("Code").asText()));
            ObjectNode extra = AttributeValues.NODES.objectNode();
            extra.set("CancellationReasons", reasons);
            throw new Dynamo.Error("TransactionCanceledException", 400, "Transaction cancelled, please refer "
                    + "cancellation reasons for specific reasons " + codes, extra);
        }
        writes.forEach(Runnable::run);
        return AttributeValues.NODES.objectNode();
    }

    private ObjectNode batchGetItem(JsonNode in) {
        ObjectNode out = AttributeValues.NODES.objectNode();
        ObjectNode responses = out.putObject("Responses");
        int keys = 0;
        Iterator<Map.Entry<String, JsonNode>> requests = in.path("RequestItems").fields();
        while (requests.hasNext()) {
            Map.Entry<String, JsonNode> request = requests.next();
            Table table = table(AttributeValues.NODES.objectNode().put("TableName", request.getKey()));
            Expressions.Placeholders placeholders = Expressions.placeholders(request.getValue());
            List<DocumentPath> projection = projection(request.getValue(), placeholders);
            placeholders.checkAllUsed();
            ArrayNode found = responses.putArray(request.getKey());
            for (JsonNode keyNode : request.getValue().path("Keys")) {
                keys++;
                ObjectNode item = table.get(table.keyOf(keyNode, true));
                if (item != null) {
                    found.add(project(item, projection));
                }
            }
        }
        if (keys > 100) {
            throw Dynamo.validation("Too many items requested for the BatchGetItem call");
        }
        out.putObject("UnprocessedKeys");
        return out;
    }

    private ObjectNode batchWriteItem(JsonNode in) {
        List<Runnable> writes = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> requests = in.path("RequestItems").fields();
        while (requests.hasNext()) {
            Map.Entry<String, JsonNode> request = requests.next();
            Table table = table(AttributeValues.NODES.objectNode().put("TableName", request.getKey()));
            for (JsonNode write : request.getValue()) {
                if (write.has("PutRequest")) {
                    ObjectNode item = checkedItem(write.get("PutRequest").get("Item")).deepCopy();
                    ItemKey key = table.keyOf(item, false);
                    writes.add(() -> table.put(key, item));
                } else {
                    ItemKey key = table.keyOf(write.path("DeleteRequest").get("Key"), true);
                    writes.add(() -> table.remove(key));
                }
            }
        }
        if (writes.size() > 25) {
            throw Dynamo.validation("1 validation error detected: Value at 'requestItems' failed to satisfy "
                    + "constraint: Map value must satisfy constraint: Member must have length less than or equal to 25");
        }
        writes.forEach(Runnable::run);
        ObjectNode out = AttributeValues.NODES.objectNode();
        out.putObject("UnprocessedItems");
        return out;
    }
}
