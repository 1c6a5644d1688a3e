package io.kdg4j.cli.ui;

import io.kdg4j.aws.AwsEndpoint;
import io.kdg4j.local.LocalEmulator;
import java.io.IOException;
import java.nio.file.Path;

/** Starts a {@link UiServer} for the command line: the command decides the target, this wires the rest. */
public final class UiLauncher {
    private UiLauncher() {
    }

    /**
     * Serves the page on {@code bind:port}, sending to {@code endpoint} (described without credentials as
     * {@code description}); {@code local}, when not null, is the emulator behind it, closed with the server.
     */
    public static UiServer start(String bind, int port, AwsEndpoint endpoint, String description, LocalEmulator local,
                                 Path templatesDir) throws IOException {
        return UiServer.start(bind, port, new UiTarget(endpoint, description, local), new TemplateStore(templatesDir));
    }
}
