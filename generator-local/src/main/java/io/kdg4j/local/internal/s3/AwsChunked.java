package io.kdg4j.local.internal.s3;

import io.kdg4j.local.internal.protocol.AwsException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Decodes {@code aws-chunked} bodies (the SDK's streaming uploads): {@code <hex size>[;extensions]\r\n<data>\r\n}
 * repeated, ending with a zero-size chunk and optional trailers (checksums), which are ignored.
 */
final class AwsChunked {
    private AwsChunked() {
    }

    static byte[] decode(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length);
        int at = 0;
        while (at < body.length) {
            int lineEnd = indexOfCrLf(body, at);
            if (lineEnd < 0) {
                throw new AwsException("IncompleteBody", 400, "aws-chunked body ends inside a chunk header");
            }
            String header = new String(body, at, lineEnd - at, StandardCharsets.US_ASCII);
            int semicolon = header.indexOf(';');
            int size;
            try {
                size = Integer.parseInt((semicolon < 0 ? header : header.substring(0, semicolon)).trim(), 16);
            } catch (NumberFormatException e) {
                throw new AwsException("InvalidChunkSizeError", 400, "bad aws-chunked chunk size '" + header + "'");
            }
            at = lineEnd + 2;
            if (size == 0) {
                break;
            }
            if (size < 0 || at + size > body.length) {
                throw new AwsException("IncompleteBody", 400, "aws-chunked body is shorter than its chunk sizes");
            }
            out.write(body, at, size);
            at += size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOfCrLf(byte[] body, int from) {
        for (int i = from; i + 1 < body.length; i++) {
            if (body[i] == '\r' && body[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
