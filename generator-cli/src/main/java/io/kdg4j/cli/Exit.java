package io.kdg4j.cli;

/** The exit codes of {@code kdg}, as documented in docs/cli.md. */
final class Exit {
    static final int OK = 0;
    /** Some records failed (or, for demo, nothing landed). */
    static final int RECORDS_FAILED = 1;
    /** A flag, a template or a file is wrong; nothing was sent. */
    static final int BAD_INPUT = 2;
    /** The endpoint cannot be reached, a port cannot be bound, or the credentials are missing or refused. */
    static final int UNREACHABLE = 3;
    /** Stopped by Ctrl-C or SIGTERM; the summary says what was still in flight. */
    static final int INTERRUPTED = 130;

    private Exit() {
    }
}
