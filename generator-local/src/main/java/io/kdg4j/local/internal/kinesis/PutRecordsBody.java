package io.kdg4j.local.internal.kinesis;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.kdg4j.local.internal.protocol.AwsException;
import io.kdg4j.local.internal.protocol.CborReader;
import io.kdg4j.local.internal.protocol.JsonProtocol;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A PutRecords body read with a streaming parser straight into arrays: the data plane's hottest request is
 * read without building a JSON tree of 500 objects. In CBOR each record's data and partition key stay where they
 * are in the body, as offsets and lengths, and are copied once, into the shard: no array or String per record.
 * JSON (base64 data, escaped keys) and chunked CBOR strings are decoded into arrays of their own.
 */
final class PutRecordsBody {
    private static final byte[][] RECORD_FIELDS = {"Data".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
        "PartitionKey".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
        "ExplicitHashKey".getBytes(java.nio.charset.StandardCharsets.US_ASCII)};
    private static final int CAPACITY = KinesisLimits.MAX_RECORDS_PER_PUT_RECORDS;
    /** The field names as the SDK writes them, with their CBOR text heads. */
    private static final byte[] DATA_NAME = {0x64, 'D', 'a', 't', 'a'};
    private static final byte[] KEY_NAME = {0x6c, 'P', 'a', 'r', 't', 'i', 't', 'i', 'o', 'n', 'K', 'e', 'y'};
    String streamName;
    String streamArn;
    int count;
    /** The arena block the body was read into, or null; records lying in it are stored where they are. */
    RecordArena.Block block;
    /** Where record i's partition key lies as UTF-8: {@code keySource[i]} (null when absent) from keyOffset[i]. */
    // room for a full request (500 records) from the start: the SDK writes Records as an indefinite array, so
    // the count is not known up front, and growing by doubling copied every array five times
    byte[][] keySource = new byte[CAPACITY][];
    int[] keyOffset = new int[CAPACITY];
    int[] keyLength = new int[CAPACITY];
    byte[][] dataSource = new byte[CAPACITY][];
    int[] dataOffset = new int[CAPACITY];
    int[] dataLength = new int[CAPACITY];
    String[] explicitHashKeys = new String[CAPACITY];

    /** Record i's partition key, decoded (for messages and the slow checks); null when absent. */
    String key(int i) {
        return keySource[i] == null ? null
                : new String(keySource[i], keyOffset[i], keyLength[i], java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Record i's data, copied out (for tests and messages); null when absent. */
    byte[] data(int i) {
        return dataSource[i] == null ? null
                : Arrays.copyOfRange(dataSource[i], dataOffset[i], dataOffset[i] + dataLength[i]);
    }

    private void key(byte[] source, int offset, int length) {
        keySource[count] = source;
        keyOffset[count] = offset;
        keyLength[count] = length;
    }

    private void data(byte[] source, int offset, int length) {
        dataSource[count] = source;
        dataOffset[count] = offset;
        dataLength[count] = length;
    }

    static PutRecordsBody parse(JsonProtocol protocol, byte[] body) {
        return parse(protocol, body, 0, body.length, null);
    }

    /** Reads {@code length} bytes of {@code body} from {@code offset}, which lie in {@code block} unless null. */
    static PutRecordsBody parse(JsonProtocol protocol, byte[] body, int offset, int length, RecordArena.Block block) {
        if (protocol == JsonProtocol.CBOR) {
            PutRecordsBody parsed = parseCbor(body, offset, length);
            parsed.block = block;
            return parsed;
        }
        PutRecordsBody parsed = new PutRecordsBody();
        try (JsonParser parser = protocol.factory().createParser(body, offset, length)) {
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

    private static PutRecordsBody parseCbor(byte[] body, int offset, int length) {
        PutRecordsBody parsed = new PutRecordsBody();
        CborReader cbor = new CborReader(body, offset, length);
        int end = offset + length;
        long fields = cbor.readMapStart("the request body");
        for (long f = 0; fields == CborReader.INDEFINITE ? !cbor.readBreak() : f < fields; f++) {
            String field = cbor.readText("a field name");
            if (cbor.readNull()) {
                continue;
            }
            switch (field) {
                case "StreamName" -> parsed.streamName = cbor.readText("'StreamName'");
                case "StreamARN" -> parsed.streamArn = cbor.readText("'StreamARN'");
                case "Records" -> parsed.records(cbor, body, end);
                default -> cbor.skip();
            }
        }
        if (!cbor.atEnd()) {
            throw AwsException.serialization("the request body is not valid CBOR: content after the end of the "
                    + "body's map");
        }
        return parsed;
    }

    private void records(CborReader cbor, byte[] body, int end) {
        long items = cbor.readArrayStart("'Records'");
        for (long r = 0; items == CborReader.INDEFINITE ? !cbor.readBreak() : r < items; r++) {
            if (count == keySource.length) {
                grow();
            }
            int next = sdkRecord(body, cbor.position(), end);
            if (next > 0) {
                cbor.seek(next);
                count++;
                continue;
            }
            long fields = cbor.readMapStart("each record");
            for (long f = 0; fields == CborReader.INDEFINITE ? !cbor.readBreak() : f < fields; f++) {
                int field = cbor.readName(RECORD_FIELDS);
                if (cbor.readNull()) {
                    continue;
                }
                switch (field) {
                    case 0 -> {
                        if (cbor.readSlice(2)) {
                            data(body, cbor.sliceOffset(), cbor.sliceLength());
                        } else {
                            byte[] bytes = cbor.readBytes("'Data'");
                            data(bytes, 0, bytes.length);
                        }
                    }
                    case 1 -> {
                        if (cbor.readSlice(3)) {
                            key(body, cbor.sliceOffset(), cbor.sliceLength());
                        } else {
                            byte[] utf8 = cbor.readText("'PartitionKey'").getBytes(StandardCharsets.UTF_8);
                            key(utf8, 0, utf8.length);
                        }
                    }
                    case 2 -> explicitHashKeys[count] = cbor.readText("'ExplicitHashKey'");
                    default -> cbor.skip();
                }
            }
            count++;
        }
    }

    /**
     * Reads a record written exactly as the AWS SDK for Java v2 writes one (an indefinite map of Data, then
     * PartitionKey, both definite strings) in one pass over the bytes; returns where it ends, or 0 for any other
     * shape, which the general reader then takes. This is most of what the emulator does per record.
     */
    private int sdkRecord(byte[] in, int p, int end) {
        if (p + 1 + DATA_NAME.length >= end || (in[p] & 0xff) != 0xbf || !startsWith(in, p + 1, DATA_NAME)) {
            return 0;
        }
        p += 1 + DATA_NAME.length;
        long data = definite(in, p, 2, end);
        if (data < 0) {
            return 0;
        }
        int dataAt = (int) (data >>> 32);
        int dataLength = (int) data;
        p = dataAt + dataLength;
        if (p + KEY_NAME.length >= end || !startsWith(in, p, KEY_NAME)) {
            return 0;
        }
        p += KEY_NAME.length;
        long key = definite(in, p, 3, end);
        if (key < 0) {
            return 0;
        }
        int keyAt = (int) (key >>> 32);
        int keyLength = (int) key;
        p = keyAt + keyLength;
        if (p >= end || (in[p] & 0xff) != 0xff) {
            return 0;
        }
        data(in, dataAt, dataLength);
        key(in, keyAt, keyLength);
        return p + 1;
    }

    // a plain loop: for a few bytes it beats Arrays.equals' set-up for a range
    private static boolean startsWith(byte[] in, int p, byte[] name) {
        for (int i = 0; i < name.length; i++) {
            if (in[p + i] != name[i]) {
                return false;
            }
        }
        return true;
    }

    /** A definite string of {@code major} type at {@code p}: (content offset << 32 | length), or -1. */
    private static long definite(byte[] in, int p, int major, int end) {
        if (p >= end || (in[p] & 0xff) >>> 5 != major) {
            return -1;
        }
        int info = in[p] & 0x1f;
        long length;
        int at;
        if (info < 24) {
            length = info;
            at = p + 1;
        } else if (info == 24 && p + 1 < end) {
            length = in[p + 1] & 0xff;
            at = p + 2;
        } else if (info == 25 && p + 2 < end) {
            length = (in[p + 1] & 0xff) << 8 | (in[p + 2] & 0xff);
            at = p + 3;
        } else if (info == 26 && p + 4 < end) {
            length = ((long) (in[p + 1] & 0xff) << 24) | (in[p + 2] & 0xff) << 16 | (in[p + 3] & 0xff) << 8
                    | (in[p + 4] & 0xff);
            at = p + 5;
        } else {
            return -1;
        }
        if (at + length > end) {
            return -1;
        }
        return (long) at << 32 | length;
    }

    private void grow() {
        int size = Math.max(16, count * 2);
        keySource = Arrays.copyOf(keySource, size);
        keyOffset = Arrays.copyOf(keyOffset, size);
        keyLength = Arrays.copyOf(keyLength, size);
        dataSource = Arrays.copyOf(dataSource, size);
        dataOffset = Arrays.copyOf(dataOffset, size);
        dataLength = Arrays.copyOf(dataLength, size);
        explicitHashKeys = Arrays.copyOf(explicitHashKeys, size);
    }

    private void records(JsonParser parser, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return;
        }
        if (value != JsonToken.START_ARRAY) {
            throw AwsException.serialization("'Records' must be an array");
        }
        while (parser.nextToken() == JsonToken.START_OBJECT) {
            if (count == keySource.length) {
                grow();
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken token = parser.nextToken();
                switch (field) {
                    case "Data" -> {
                        if (token != JsonToken.VALUE_NULL) {
                            byte[] bytes = parser.getBinaryValue();
                            data(bytes, 0, bytes.length);
                        }
                    }
                    case "PartitionKey" -> {
                        String key = text(parser, token, field);
                        if (key != null) {
                            byte[] utf8 = key.getBytes(StandardCharsets.UTF_8);
                            key(utf8, 0, utf8.length);
                        }
                    }
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
