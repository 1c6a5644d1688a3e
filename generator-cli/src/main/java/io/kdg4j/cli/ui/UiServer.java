package io.kdg4j.cli.ui;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The server behind {@code kdg ui}: the JDK's own HTTP server (enough for one person's page, and no dependency),
 * given a thread pool, because its default single thread would hold every request behind an open event stream.
 * Every request passes the {@link RequestGuard} first. Close it to stop it, its runs and its target.
 */
public final class UiServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(UiServer.class.getName());

    private final HttpServer server;
    private final ExecutorService threads;
    private final String token;
    private final UiTargets targets;
    private final UiRuns runs;

    private UiServer(HttpServer server, ExecutorService threads, String token, UiTargets targets, UiRuns runs) {
        this.server = server;
        this.threads = threads;
        this.token = token;
        this.targets = targets;
        this.runs = runs;
    }

    /** Starts serving on {@code bind:port} (0: a free port), sending to {@code targets}, which it then owns. */
    static UiServer start(String bind, int port, UiTargets targets, TemplateStore templates) throws IOException {
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        HttpServer server = HttpServer.create(new InetSocketAddress(bind, port), 64);
        ExecutorService threads = Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "kdg-ui-http");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(threads);
        UiRuns runs = new UiRuns();
        RequestGuard guard = new RequestGuard(token, bind, server.getAddress().getPort());
        Api api = new Api(targets, templates, runs);
        server.createContext("/", exchange -> {
            try (exchange) {
                handle(exchange, guard, api);
            } catch (RuntimeException | IOException e) {
                LOG.log(System.Logger.Level.WARNING, "kdg ui: " + exchange.getRequestMethod() + " "
                        + exchange.getRequestURI().getPath() + " failed", e);
            }
        });
        server.start();
        return new UiServer(server, threads, token, targets, runs);
    }

    private static void handle(HttpExchange exchange, RequestGuard guard, Api api) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        String query = exchange.getRequestURI().getRawQuery();
        if (path.equals("/") && exchange.getRequestMethod().equals("GET") && guard.queryHasToken(query)
                && guard.refusalWithoutToken(exchange) == null) {
            // the token moves from the address into a cookie, and out of the browser's history
            Exchanges.secureHeaders(exchange);
            exchange.getResponseHeaders().set("Set-Cookie", guard.cookie());
            exchange.getResponseHeaders().set("Location", "/");
            exchange.sendResponseHeaders(303, -1);
            return;
        }
        String refusal = guard.refusal(exchange);
        if (refusal != null) {
            Exchanges.text(exchange, 403, "kdg ui: refused: " + refusal);
            return;
        }
        if (path.startsWith(Api.PREFIX)) {
            api.handle(exchange);
        } else if (StaticFiles.serves(path) && exchange.getRequestMethod().equals("GET")) {
            StaticFiles.serve(exchange, path);
        } else {
            Exchanges.text(exchange, 404, "kdg ui: nothing at " + path);
        }
    }

    /** The address to open: it carries the token. */
    public URI url() {
        return URI.create("http://" + host() + ":" + port() + "/?token=" + token);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private String host() {
        String host = server.getAddress().getAddress().getHostAddress();
        if (server.getAddress().getAddress().isAnyLocalAddress()) {
            return "127.0.0.1";
        }
        return host.contains(":") ? "[" + host + "]" : host;
    }

    String token() {
        return token;
    }

    @Override
    public void close() {
        runs.close();
        server.stop(0);
        threads.shutdownNow();
        targets.close();
    }
}
