package io.kdg4j.local.internal.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * One HTTP request as the services see it: method, decoded path, query parameters, headers (lower-case names)
 * and the whole body, {@code bodyLength} bytes of {@code body} from {@code bodyOffset}. The body fills its own
 * array unless the dispatcher chose where to read it ({@link HttpServer.Dispatcher#bodyFor}); then
 * {@code bodyOwner} is what the dispatcher gave with that place.
 */
public record AwsRequest(String method, String path, Map<String, List<String>> query, Map<String, String> headers,
                         byte[] body, int bodyOffset, int bodyLength, Object bodyOwner) {

    /** A request whose body is all of {@code body}. */
    public AwsRequest(String method, String path, Map<String, List<String>> query, Map<String, String> headers,
                      byte[] body) {
        this(method, path, query, headers, body, 0, body.length, null);
    }

    public String header(String lowerCaseName) {
        return headers.get(lowerCaseName);
    }

    public String queryParameter(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public boolean hasQueryParameter(String name) {
        return query.containsKey(name);
    }

    /** The body in an array of its own. */
    public byte[] bodyBytes() {
        return bodyOffset == 0 && bodyLength == body.length ? body
                : java.util.Arrays.copyOfRange(body, bodyOffset, bodyOffset + bodyLength);
    }

    public String bodyAsText() {
        return new String(body, bodyOffset, bodyLength, StandardCharsets.UTF_8);
    }
}
