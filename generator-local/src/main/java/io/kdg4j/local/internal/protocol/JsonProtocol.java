package io.kdg4j.local.internal.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import io.kdg4j.local.internal.http.AwsRequest;
import io.kdg4j.local.internal.http.AwsResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The AWS JSON 1.1 protocol and its CBOR twin (which the Java SDK v2 uses for Kinesis by default). They differ in
 * two places: blobs are base64 strings in JSON and byte strings in CBOR, and timestamps are epoch seconds in
 * JSON but epoch milliseconds (tag 1) in CBOR, as AWS does it.
 */
public enum JsonProtocol {
    JSON("application/x-amz-json-1.1", new JsonFactory()),
    CBOR("application/x-amz-cbor-1.1", new CBORFactory());

    private final String contentType;
    // Streaming factories only: an ObjectMapper costs ~150 ms to initialise, half the emulator's cold start.
    private final JsonFactory factory;

    JsonProtocol(String contentType, JsonFactory factory) {
        this.contentType = contentType;
        this.factory = factory;
    }

    /** The protocol of a request, by its content type (JSON when it says nothing). */
    public static JsonProtocol of(AwsRequest request) {
        String type = request.header("content-type");
        return type != null && type.contains("cbor") ? CBOR : JSON;
    }

    /** A SerializationException unless the content type is one of the AWS JSON or CBOR types (or absent). */
    public static void checkContentType(AwsRequest request) {
        String type = request.header("content-type");
        if (type != null && !type.contains("json") && !type.contains("cbor")) {
            throw AwsException.serialization("Content-Type '" + type + "' is not supported; use "
                    + JSON.contentType + " or " + CBOR.contentType);
        }
    }

    public String contentType() {
        return contentType;
    }

    /** The body as an object; a SerializationException when it is not one. */
    public ObjectNode parse(byte[] body) {
        if (body.length == 0) {
            return JsonNodeFactory.instance.objectNode();
        }
        JsonNode node;
        try (JsonParser parser = factory.createParser(body)) {
            node = TreeReader.read(parser);
        } catch (IOException e) {
            throw AwsException.serialization("the request body is not valid " + name() + ": "
                    + firstLine(e.getMessage()));
        }
        if (!(node instanceof ObjectNode object)) {
            throw AwsException.serialization("the request body must be a " + name() + " object");
        }
        return object;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** Writes a response body with {@code body}, and wraps it as a 200 response. */
    public AwsResponse respond(Body body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (JsonGenerator generator = factory.createGenerator(bytes)) {
            Writer writer = new Writer(generator, this);
            generator.writeStartObject();
            body.write(writer);
            generator.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return AwsResponse.of(200, contentType, bytes.toByteArray());
    }

    /** An error as AWS JSON protocols answer it: {"__type": code, "message": text}, plus x-amzn-ErrorType. */
    public AwsResponse error(AwsException error) {
        AwsResponse response = respond(w -> {
            w.string("__type", error.code());
            w.string("message", error.getMessage());
        });
        return new AwsResponse(error.status(), response.headers(), response.body())
                .withHeader("x-amzn-ErrorType", error.code());
    }

    /** Writes the fields of a response object. */
    @FunctionalInterface
    public interface Body {
        void write(Writer writer) throws IOException;
    }

    /** A thin layer over a Jackson generator that knows how this protocol writes blobs and timestamps. */
    public static final class Writer {
        private final JsonGenerator generator;
        private final JsonProtocol protocol;

        Writer(JsonGenerator generator, JsonProtocol protocol) {
            this.generator = generator;
            this.protocol = protocol;
        }

        public Writer string(String name, String value) throws IOException {
            if (value != null) {
                generator.writeStringField(name, value);
            }
            return this;
        }

        /** A string field from a char buffer, without making a String. */
        public Writer chars(String name, char[] value, int length) throws IOException {
            generator.writeFieldName(name);
            generator.writeString(value, 0, length);
            return this;
        }

        public Writer number(String name, long value) throws IOException {
            generator.writeNumberField(name, value);
            return this;
        }

        public Writer bool(String name, boolean value) throws IOException {
            generator.writeBooleanField(name, value);
            return this;
        }

        public Writer blob(String name, byte[] value) throws IOException {
            generator.writeFieldName(name);
            generator.writeBinary(value);
            return this;
        }

        public Writer timestamp(String name, long epochMillis) throws IOException {
            generator.writeFieldName(name);
            if (protocol == CBOR) {
                ((CBORGenerator) generator).writeTag(1);
                generator.writeNumber(epochMillis);
            } else {
                generator.writeNumber(java.math.BigDecimal.valueOf(epochMillis, 3));
            }
            return this;
        }

        public Writer startObject(String name) throws IOException {
            generator.writeObjectFieldStart(name);
            return this;
        }

        public Writer startObject() throws IOException {
            generator.writeStartObject();
            return this;
        }

        public Writer endObject() throws IOException {
            generator.writeEndObject();
            return this;
        }

        public Writer startArray(String name) throws IOException {
            generator.writeArrayFieldStart(name);
            return this;
        }

        public Writer endArray() throws IOException {
            generator.writeEndArray();
            return this;
        }

        public Writer stringElement(String value) throws IOException {
            generator.writeString(value);
            return this;
        }
    }

    /** A tree as a body of this protocol (without an ObjectMapper, which would cost the cold start). */
    public byte[] write(JsonNode tree) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (JsonGenerator generator = factory.createGenerator(out)) {
            writeTree(tree, generator);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void writeTree(JsonNode node, JsonGenerator generator) throws IOException {
        if (node.isObject()) {
            generator.writeStartObject();
            java.util.Iterator<java.util.Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                java.util.Map.Entry<String, JsonNode> field = fields.next();
                generator.writeFieldName(field.getKey());
                writeTree(field.getValue(), generator);
            }
            generator.writeEndObject();
        } else if (node.isArray()) {
            generator.writeStartArray();
            for (JsonNode element : node) {
                writeTree(element, generator);
            }
            generator.writeEndArray();
        } else if (node.isTextual()) {
            generator.writeString(node.asText());
        } else if (node.isBoolean()) {
            generator.writeBoolean(node.asBoolean());
        } else if (node.isNull()) {
            generator.writeNull();
        } else if (node.isIntegralNumber()) {
            generator.writeNumber(node.bigIntegerValue());
        } else if (node.isNumber()) {
            generator.writeNumber(node.decimalValue());
        } else if (node.isBinary()) {
            generator.writeBinary(node.binaryValue());
        } else {
            generator.writeString(node.asText());
        }
    }

    /** The streaming factory, for hot requests that are parsed without building a tree. */
    public JsonFactory factory() {
        return factory;
    }
}
