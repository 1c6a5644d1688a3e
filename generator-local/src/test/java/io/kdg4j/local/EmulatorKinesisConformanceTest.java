package io.kdg4j.local;

import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The conformance suite against the embedded emulator. */
class EmulatorKinesisConformanceTest extends KinesisConformance {
    private static LocalEmulator local;

    @BeforeAll
    static void start() {
        local = LocalEmulator.start();
    }

    @AfterAll
    static void stop() {
        local.close();
    }

    @Override
    protected URI endpoint() {
        return local.endpoint();
    }
}
