package io.kdg4j.local.internal.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * One HTTP request as the services see it: method, decoded path, query parameters, headers (lower-case names)
 * and the whole body.
 */
public record AwsRequest(String method, String path, Map<String, List<String>> query, Map<String, String> headers,
                         byte[] body) {

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

    public String bodyAsText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
