package io.kdg4j.cli.ui;

import com.sun.net.httpserver.HttpExchange;
import java.net.HttpCookie;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Keeps other web sites out of a server that listens on this machine: a page on any site can make the browser
 * send requests to 127.0.0.1, and DNS rebinding can make such a site's own name point here.
 *
 * <ul>
 *   <li>Host must name this machine's loopback on this port (or the address the server was bound to): a rebound
 *       name arrives with the attacker's host name.</li>
 *   <li>Every request carries the token: from the printed URL once, then as an HttpOnly SameSite=Strict cookie,
 *       which a cross-site request never carries; scripts may send {@code Authorization: Bearer TOKEN}.</li>
 *   <li>A write (POST, PUT, DELETE) must come from this origin (Origin, Sec-Fetch-Site) and be JSON, which no
 *       cross-site form can send without a CORS preflight, and this server answers no preflight.</li>
 * </ul>
 */
final class RequestGuard {
    static final String COOKIE = "kdg4j_ui_token";
    private static final Set<String> WRITES = Set.of("POST", "PUT", "DELETE", "PATCH");

    private final String token;
    private final Set<String> hosts;
    private final Set<String> origins;

    RequestGuard(String token, String bindAddress, int port) {
        this.token = token;
        String bound = bindAddress.contains(":") ? "[" + bindAddress + "]" : bindAddress;
        this.hosts = new HashSet<>(List.of("127.0.0.1:" + port, "localhost:" + port, "[::1]:" + port,
                bound + ":" + port));
        this.origins = new HashSet<>();
        hosts.forEach(host -> origins.add("http://" + host));
    }

    /** Why the request is refused on anything but its token, or null. */
    String refusalWithoutToken(HttpExchange exchange) {
        String host = exchange.getRequestHeaders().getFirst("Host");
        if (host == null || !hosts.contains(host.toLowerCase(Locale.ROOT))) {
            return "the Host header '" + host + "' is not this machine's loopback address on this port";
        }
        return null;
    }

    /** Why the request is refused, or null when it may go on. */
    String refusal(HttpExchange exchange) {
        String host = refusalWithoutToken(exchange);
        if (host != null) {
            return host;
        }
        if (!hasToken(exchange)) {
            return "no token: open the URL that kdg ui printed (it ends with ?token=...)";
        }
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        if (WRITES.contains(method)) {
            String origin = exchange.getRequestHeaders().getFirst("Origin");
            if (origin != null && !origins.contains(origin.toLowerCase(Locale.ROOT))) {
                return "a write from another origin (" + origin + ")";
            }
            String site = exchange.getRequestHeaders().getFirst("Sec-Fetch-Site");
            if (site != null && !(site.equals("same-origin") || site.equals("none"))) {
                return "a write from another site (Sec-Fetch-Site: " + site + ")";
            }
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
                return "a write must have Content-Type application/json";
            }
        }
        return null;
    }

    boolean hasToken(HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization != null && authorization.startsWith("Bearer ") && matches(authorization.substring(7))) {
            return true;
        }
        List<String> cookies = exchange.getRequestHeaders().get("Cookie");
        if (cookies != null) {
            for (String header : cookies) {
                for (String part : header.split(";")) {
                    String[] pair = part.trim().split("=", 2);
                    if (pair.length == 2 && pair[0].equals(COOKIE) && matches(pair[1])) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The token in a query string such as {@code token=...}, checked in constant time. */
    boolean queryHasToken(String query) {
        if (query == null) {
            return false;
        }
        for (String part : query.split("&")) {
            if (part.startsWith("token=") && matches(part.substring("token=".length()))) {
                return true;
            }
        }
        return false;
    }

    /** The cookie that carries the token from the first page on. */
    String cookie() {
        HttpCookie cookie = new HttpCookie(COOKIE, token);
        return COOKIE + "=" + cookie.getValue() + "; Path=/; HttpOnly; SameSite=Strict";
    }

    private boolean matches(String candidate) {
        return MessageDigest.isEqual(candidate.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
    }
}
