package io.kdg4j.core;

/**
 * The root of kdg4j's unchecked exceptions: every error kdg4j raises on purpose is one of these.
 */
public class KdgException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public KdgException(String message) {
        super(message);
    }

    public KdgException(String message, Throwable cause) {
        super(message, cause);
    }
}
