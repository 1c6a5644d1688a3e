package io.kdg4j.cli;

import io.kdg4j.core.KdgException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns a command's failure into one plain sentence on stderr and its exit code ({@link Exit}): bad input 2,
 * cannot reach or not allowed 3, anything else 1.
 */
final class ErrorHandler implements IExecutionExceptionHandler {
    static final int BAD_INPUT = Exit.BAD_INPUT;
    static final int FAILURE = Exit.RECORDS_FAILED;

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
        Object command = commandLine.getCommand();
        String where = command instanceof Connected connected ? connected.connection().describe() : "the endpoint";
        CliFailure plain = e instanceof CliFailure failure ? failure : PlainErrors.explain(e, where);
        if (plain != null) {
            commandLine.getErr().println("kdg: " + plain.getMessage());
            return plain.exitCode();
        }
        if (e instanceof KdgException || e instanceof IllegalArgumentException) {
            commandLine.getErr().println("kdg: " + e.getMessage());
            return BAD_INPUT;
        }
        commandLine.getErr().println("kdg: " + e);
        return FAILURE;
    }

    /** A command that talks to the services through {@link Connection} flags. */
    interface Connected {
        Connection connection();
    }
}
