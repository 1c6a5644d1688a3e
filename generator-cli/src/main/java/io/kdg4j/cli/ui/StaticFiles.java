package io.kdg4j.cli.ui;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * The page's files, from the jar: the page itself and the chart library, uPlot, from its WebJar (a Maven Central
 * artifact: no npm build, nothing fetched at build time). Only the listed files are served.
 */
final class StaticFiles {
    private static final String UPLOT = "META-INF/resources/webjars/uplot/1.6.30/dist/"; // the version in the pom
    private static final Map<String, String[]> FILES = Map.of(
            "/", new String[] {"io/kdg4j/cli/ui/index.html", "text/html; charset=utf-8"},
            "/app.js", new String[] {"io/kdg4j/cli/ui/app.js", "text/javascript; charset=utf-8"},
            "/app.css", new String[] {"io/kdg4j/cli/ui/app.css", "text/css; charset=utf-8"},
            "/uPlot.js", new String[] {UPLOT + "uPlot.iife.min.js", "text/javascript; charset=utf-8"},
            "/uPlot.css", new String[] {UPLOT + "uPlot.min.css", "text/css; charset=utf-8"});

    private StaticFiles() {
    }

    static boolean serves(String path) {
        return FILES.containsKey(path);
    }

    static void serve(HttpExchange exchange, String path) throws IOException {
        String[] file = FILES.get(path);
        try (InputStream in = StaticFiles.class.getClassLoader().getResourceAsStream(file[0])) {
            if (in == null) {
                Exchanges.text(exchange, 500, "kdg ui: " + file[0] + " is missing from the jar");
                return;
            }
            Exchanges.send(exchange, 200, file[1], in.readAllBytes());
        }
    }
}
