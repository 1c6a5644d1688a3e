package io.kdg4j.junit.internal;

import io.kdg4j.aws.AwsEndpoint;

/**
 * A running backend: where its endpoint is, and how to stop it. Stored in the extension's store, closed by
 * JUnit when its scope ends.
 *
 * @param name for messages: embedded, localstack, endpoint
 * @param endpoint the endpoint, region and credentials
 * @param stop what closing does (nothing for an endpoint the extension did not start)
 */
public record StartedBackend(String name, AwsEndpoint endpoint, AutoCloseable stop) implements AutoCloseable {
    @Override
    public void close() throws Exception {
        stop.close();
    }
}
