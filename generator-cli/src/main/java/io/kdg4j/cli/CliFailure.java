package io.kdg4j.cli;

import io.kdg4j.core.KdgException;

/** A failure already put in one plain sentence for the user, with the exit code it ends the command with. */
final class CliFailure extends KdgException {
    private static final long serialVersionUID = 1L;

    private final int exitCode;

    CliFailure(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
