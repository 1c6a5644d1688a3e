package io.kdg4j.cli.ui;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A run's live view as Server-Sent Events: its counts twice a second ({@code data:}), then one {@code done}
 * event with the summary. Each event is the latest state, not a queue of changes, so a slow page costs nothing:
 * it skips states, the server never buffers them.
 */
final class EventStream {
    static final long INTERVAL_MILLIS = 500;

    private EventStream() {
    }

    static void serve(HttpExchange exchange, UiRun run) throws IOException {
        Exchanges.secureHeaders(exchange);
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            while (true) {
                boolean done = run.isDone();
                String json = Exchanges.JSON.writeValueAsString(run.snapshot(false));
                out.write(((done ? "event: done\n" : "") + "data: " + json + "\n\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                if (done) {
                    return;
                }
                try {
                    Thread.sleep(INTERVAL_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        } catch (IOException pageWentAway) {
            // the tab was closed: the run goes on
        }
    }
}
