package io.kdg4j.local.internal.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.Base64;

/** Typed, validated reads of request members, with AWS's validation messages. */
public final class Fields {
    private final ObjectNode node;
    private final JsonProtocol protocol;

    public Fields(ObjectNode node, JsonProtocol protocol) {
        this.node = node;
        this.protocol = protocol;
    }

    public ObjectNode node() {
        return node;
    }

    public JsonProtocol protocol() {
        return protocol;
    }

    public Fields object(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!(value instanceof ObjectNode object)) {
            throw AwsException.serialization("'" + name + "' must be an object");
        }
        return new Fields(object, protocol);
    }

    public JsonNode raw(String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value;
    }

    public String text(String name) {
        JsonNode value = raw(name);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            throw AwsException.serialization("'" + name + "' must be a string");
        }
        return value.textValue();
    }

    public String requiredText(String name) {
        String value = text(name);
        if (value == null) {
            throw AwsException.validation("1 validation error detected: Value null at '" + lowerFirst(name)
                    + "' failed to satisfy constraint: Member must not be null");
        }
        return value;
    }

    public Integer integer(String name) {
        JsonNode value = raw(name);
        if (value == null) {
            return null;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber()) {
            throw AwsException.serialization("'" + name + "' must be an integer");
        }
        return value.intValue();
    }

    public Boolean bool(String name) {
        JsonNode value = raw(name);
        if (value == null) {
            return null;
        }
        if (!value.isBoolean()) {
            throw AwsException.serialization("'" + name + "' must be a boolean");
        }
        return value.booleanValue();
    }

    /** A blob: a byte string in CBOR, base64 text in JSON. */
    public byte[] blob(String name) {
        JsonNode value = raw(name);
        if (value == null) {
            return null;
        }
        return blob(value, name);
    }

    public static byte[] blob(JsonNode value, String name) {
        try {
            if (value.isBinary()) {
                return value.binaryValue();
            }
            if (value.isTextual()) {
                return Base64.getDecoder().decode(value.textValue());
            }
        } catch (IOException | IllegalArgumentException e) {
            throw AwsException.serialization("'" + name + "' is not valid base64");
        }
        throw AwsException.serialization("'" + name + "' must be a blob");
    }

    /** A timestamp: epoch milliseconds in CBOR, epoch seconds (or ISO-8601 text) in JSON. */
    public Instant timestamp(String name) {
        JsonNode value = raw(name);
        if (value == null) {
            return null;
        }
        if (value.isTextual()) {
            try {
                return Instant.parse(value.textValue());
            } catch (java.time.format.DateTimeParseException e) {
                throw AwsException.serialization("'" + name + "' is not a timestamp");
            }
        }
        if (!value.isNumber()) {
            throw AwsException.serialization("'" + name + "' must be a timestamp");
        }
        if (protocol == JsonProtocol.CBOR) {
            return Instant.ofEpochMilli(value.longValue());
        }
        return Instant.ofEpochMilli(Math.round(value.doubleValue() * 1000));
    }

    public static String lowerFirst(String name) {
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
