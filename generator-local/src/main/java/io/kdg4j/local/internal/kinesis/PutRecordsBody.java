package io.kdg4j.local.internal.kinesis;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.kdg4j.local.internal.protocol.AwsException;
import io.kdg4j.local.internal.protocol.CborReader;
import io.kdg4j.local.internal.protocol.JsonProtocol;
import java.io.IOException;
import java.util.Arrays;

/**
 * A PutRecords body read with a streaming parser straight into arrays: the data plane's hottest request is
 * read without building a JSON tree of 500 objects.
 */
final class PutRecordsBody {
    private static final byte[][] RECORD_FIELDS = {"Data".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
        "PartitionKey".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
        "ExplicitHashKey".getBytes(java.nio.charset.StandardCharsets.US_ASCII)};
    String streamName;
    String streamArn;
    int count;
    String[] keys = new String[16];
    byte[][] data = new byte[16][];
    String[] explicitHashKeys = new String[16];

    static PutRecordsBody parse(JsonProtocol protocol, byte[] body) {
        if (protocol == JsonProtocol.CBOR) {
            return parseCbor(body);
        }
        PutRecordsBody parsed = new PutRecordsBody();
        try (JsonParser parser = protocol.factory().createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw AwsException.serialization("the request body must be a " + protocol.name() + " object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "StreamName" -> parsed.streamName = text(parser, value, field);
                    case "StreamARN" -> parsed.streamArn = text(parser, value, field);
                    case "Records" -> parsed.records(parser, value);
                    default -> parser.skipChildren();
                }
            }
        } catch (IOException e) {
            throw AwsException.serialization("the request body is not valid " + protocol.name() + ": "
                    + firstLine(e.getMessage()));
        }
        return parsed;
    }

    private static PutRecordsBody parseCbor(byte[] body) {
        PutRecordsBody parsed = new PutRecordsBody();
        CborReader cbor = new CborReader(body);
        long fields = cbor.readMapStart("the request body");
        for (long f = 0; fields == CborReader.INDEFINITE ? !cbor.readBreak() : f < fields; f++) {
            String field = cbor.readText("a field name");
            if (cbor.readNull()) {
                continue;
            }
            switch (field) {
                case "StreamName" -> parsed.streamName = cbor.readText("'StreamName'");
                case "StreamARN" -> parsed.streamArn = cbor.readText("'StreamARN'");
                case "Records" -> parsed.records(cbor);
                default -> cbor.skip();
            }
        }
        if (!cbor.atEnd()) {
            throw AwsException.serialization("the request body is not valid CBOR: content after the end of the "
                    + "body's map");
        }
        return parsed;
    }

    private void records(CborReader cbor) {
        long items = cbor.readArrayStart("'Records'");
        for (long r = 0; items == CborReader.INDEFINITE ? !cbor.readBreak() : r < items; r++) {
            if (count == keys.length) {
                grow();
            }
            long fields = cbor.readMapStart("each record");
            for (long f = 0; fields == CborReader.INDEFINITE ? !cbor.readBreak() : f < fields; f++) {
                int field = cbor.readName(RECORD_FIELDS);
                if (cbor.readNull()) {
                    continue;
                }
                switch (field) {
                    case 0 -> data[count] = cbor.readBytes("'Data'");
                    case 1 -> keys[count] = cbor.readText("'PartitionKey'");
                    case 2 -> explicitHashKeys[count] = cbor.readText("'ExplicitHashKey'");
                    default -> cbor.skip();
                }
            }
            count++;
        }
    }

    private void grow() {
        keys = Arrays.copyOf(keys, count * 2);
        data = Arrays.copyOf(data, count * 2);
        explicitHashKeys = Arrays.copyOf(explicitHashKeys, count * 2);
    }

    private void records(JsonParser parser, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return;
        }
        if (value != JsonToken.START_ARRAY) {
            throw AwsException.serialization("'Records' must be an array");
        }
        while (parser.nextToken() == JsonToken.START_OBJECT) {
            if (count == keys.length) {
                grow();
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken token = parser.nextToken();
                switch (field) {
                    case "Data" -> data[count] = token == JsonToken.VALUE_NULL ? null : parser.getBinaryValue();
                    case "PartitionKey" -> keys[count] = text(parser, token, field);
                    case "ExplicitHashKey" -> explicitHashKeys[count] = text(parser, token, field);
                    default -> parser.skipChildren();
                }
            }
            count++;
        }
        if (parser.currentToken() != JsonToken.END_ARRAY) {
            throw AwsException.serialization("each record must be an object");
        }
    }

    private static String text(JsonParser parser, JsonToken token, String field) throws IOException {
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token != JsonToken.VALUE_STRING) {
            throw AwsException.serialization("'" + field + "' must be a string");
        }
        return parser.getText();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
