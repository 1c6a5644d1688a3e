package io.kdg4j.local.internal.kinesis;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.kdg4j.local.internal.protocol.AwsException;
import io.kdg4j.local.internal.protocol.JsonProtocol;
import java.io.IOException;
import java.util.Arrays;

/**
 * A PutRecords body read with a streaming parser straight into arrays: the data plane's hottest request is
 * read without building a JSON tree of 500 objects.
 */
final class PutRecordsBody {
    String streamName;
    String streamArn;
    int count;
    String[] keys = new String[16];
    byte[][] data = new byte[16][];
    String[] explicitHashKeys = new String[16];

    static PutRecordsBody parse(JsonProtocol protocol, byte[] body) {
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

    private void records(JsonParser parser, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return;
        }
        if (value != JsonToken.START_ARRAY) {
            throw AwsException.serialization("'Records' must be an array");
        }
        while (parser.nextToken() == JsonToken.START_OBJECT) {
            if (count == keys.length) {
                keys = Arrays.copyOf(keys, count * 2);
                data = Arrays.copyOf(data, count * 2);
                explicitHashKeys = Arrays.copyOf(explicitHashKeys, count * 2);
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
