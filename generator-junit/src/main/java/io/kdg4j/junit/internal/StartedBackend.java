package io.kdg4j.junit.internal;

import io.kdg4j.aws.AwsEndpoint;
import io.kdg4j.local.LocalEmulator;
import java.util.Optional;

/**
 * A running backend: where its endpoint is, and how to stop it. Stored in the extension's store, closed by
 * JUnit when its scope ends.
 *
 * @param name for messages: embedded, localstack, endpoint
 * @param endpoint the endpoint, region and credentials
 * @param stop what closing does (nothing for an endpoint the extension did not start)
 */
public record StartedBackend(String name, AwsEndpoint endpoint, AutoCloseable stop) implements AutoCloseable {
    /** The emulator itself when this backend runs in this JVM, so that streams can be made without a client. */
    public Optional<LocalEmulator> emulator() {
        return stop instanceof LocalEmulator local ? Optional.of(local) : Optional.empty();
    }

    @Override
    public void close() throws Exception {
        stop.close();
    }
}
