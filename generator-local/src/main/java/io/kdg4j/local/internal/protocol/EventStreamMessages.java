package io.kdg4j.local.internal.protocol;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * AWS's event stream framing (application/vnd.amazon.eventstream), as SubscribeToShard answers: each message is
 * a prelude (total length, headers length, their CRC32), string headers, the payload and a CRC32 of all of it.
 */
public final class EventStreamMessages {
    public static final String CONTENT_TYPE = "application/vnd.amazon.eventstream";
    private static final byte STRING = 7;

    private EventStreamMessages() {
    }

    /** An event: {@code :message-type event}, its type and the payload's content type. */
    public static byte[] event(String eventType, String contentType, byte[] payload) {
        return message(headers("event", ":event-type", eventType, contentType), payload);
    }

    /** An exception inside the stream: {@code :message-type exception} and its type. */
    public static byte[] exception(String exceptionType, String contentType, byte[] payload) {
        return message(headers("exception", ":exception-type", exceptionType, contentType), payload);
    }

    private static Map<String, String> headers(String messageType, String typeHeader, String type,
                                               String contentType) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(":message-type", messageType);
        headers.put(typeHeader, type);
        headers.put(":content-type", contentType);
        return headers;
    }

    static byte[] message(Map<String, String> headers, byte[] payload) {
        ByteArrayOutputStream encodedHeaders = new ByteArrayOutputStream();
        headers.forEach((name, value) -> {
            byte[] n = name.getBytes(StandardCharsets.UTF_8);
            byte[] v = value.getBytes(StandardCharsets.UTF_8);
            encodedHeaders.write(n.length);
            encodedHeaders.writeBytes(n);
            encodedHeaders.write(STRING);
            encodedHeaders.write(v.length >> 8);
            encodedHeaders.write(v.length & 0xff);
            encodedHeaders.writeBytes(v);
        });
        byte[] h = encodedHeaders.toByteArray();
        int total = 12 + h.length + payload.length + 4;
        ByteBuffer out = ByteBuffer.allocate(total);
        out.putInt(total).putInt(h.length);
        out.putInt((int) crc(out.array(), 0, 8));
        out.put(h).put(payload);
        out.putInt((int) crc(out.array(), 0, total - 4));
        return out.array();
    }

    private static long crc(byte[] bytes, int offset, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, offset, length);
        return crc.getValue();
    }
}
