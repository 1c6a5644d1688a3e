package io.kdg4j.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/** A bad flag gets its one-line message, a suggestion when a flag was misspelt, and where the help is. */
final class BadFlagHandler implements IParameterExceptionHandler {
    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine commandLine = e.getCommandLine();
        PrintWriter err = commandLine.getErr();
        err.println("kdg: " + e.getMessage());
        UnmatchedArgumentException.printSuggestions(e, err);
        err.println("see '" + commandLine.getCommandSpec().qualifiedName() + " --help'");
        err.flush();
        return Exit.BAD_INPUT;
    }
}
