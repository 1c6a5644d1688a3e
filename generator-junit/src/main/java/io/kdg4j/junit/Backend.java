package io.kdg4j.junit;

/** Where the streams of a {@link KinesisTest} live. */
public enum Backend {
    /** LocalStack when Docker is available, else the embedded emulator; the choice is logged once. */
    AUTO,
    /** The kdg4j emulator, in this JVM: no Docker, starts in milliseconds. */
    EMBEDDED,
    /** LocalStack in Docker through Testcontainers, one container for the whole run. */
    LOCALSTACK,
    /**
     * An endpoint already running, from the configuration parameter {@value KinesisExtension#ENDPOINT} or
     * AWS_ENDPOINT_URL: LocalStack, kinesis-mock, {@code kdg local}, or AWS itself.
     */
    ENDPOINT,
    /** Whatever the configuration parameter {@value KinesisExtension#BACKEND} says, else {@link #AUTO}. */
    CONFIGURED
}
