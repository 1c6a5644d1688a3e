package io.kdg4j.junit;

/** When an injected generator starts sending. */
public enum StartMode {
    /** Before the test method runs (the default). */
    BEFORE_TEST,
    /** When the test calls {@link RunningGenerator#start()}. */
    MANUAL
}
