package io.kdg4j.cli;

import io.kdg4j.core.KdgException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Turns bad input into a one-paragraph message and exit 2, anything unexpected into exit 1. */
final class ErrorHandler implements IExecutionExceptionHandler {
    static final int BAD_INPUT = 2;
    static final int FAILURE = 1;

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
        if (e instanceof KdgException || e instanceof IllegalArgumentException) {
            commandLine.getErr().println("kdg: " + e.getMessage());
            return BAD_INPUT;
        }
        commandLine.getErr().println("kdg: " + e);
        return FAILURE;
    }
}
