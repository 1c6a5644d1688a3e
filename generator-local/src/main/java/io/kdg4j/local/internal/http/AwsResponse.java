package io.kdg4j.local.internal.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** One HTTP response: status, headers and body; {@link #DROP} closes the connection without answering. */
public record AwsResponse(int status, Map<String, String> headers, byte[] body) {
    /** Not a response: the connection is closed instead (fault injection). */
    public static final AwsResponse DROP = new AwsResponse(0, Map.of(), new byte[0]);

    public static AwsResponse of(int status, String contentType, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        return new AwsResponse(status, headers, body);
    }

    public static AwsResponse text(int status, String contentType, String body) {
        return of(status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A 500 InternalFailure in the AWS JSON error shape, written without any JSON library: it is the answer of last
     * resort when a handler failed, and the failure may be in the JSON library itself (a linkage error from another
     * Jackson on the classpath).
     */
    public static AwsResponse internalFailure(String message) {
        StringBuilder json = new StringBuilder("{\"__type\":\"InternalFailure\",\"message\":\"");
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        json.append("\"}");
        return text(500, "application/x-amz-json-1.1", json.toString())
                .withHeader("x-amzn-ErrorType", "InternalFailure");
    }

    public AwsResponse withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new AwsResponse(status, copy, body);
    }
}
