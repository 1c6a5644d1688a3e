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
        return UiServer.start(bind, port, UiTargets.single(new UiTarget(endpoint, description, local)),
                new TemplateStore(templatesDir));
    }

    /**
     * Serves the page for AWS: {@code endpointOf} gives the endpoint of a region (the default credential chain),
     * {@code region} is the one the page starts with, and the page offers the others.
     */
    public static UiServer startForAws(String bind, int port, java.util.function.Function<String, AwsEndpoint> endpointOf,
                                       String region, Path templatesDir) throws IOException {
        java.util.function.Function<String, UiTarget> target = r -> new UiTarget(endpointOf.apply(r), "AWS in " + r,
                null);
        return UiServer.start(bind, port, UiTargets.perRegion(target.apply(region), region, target),
                new TemplateStore(templatesDir));
    }
}
