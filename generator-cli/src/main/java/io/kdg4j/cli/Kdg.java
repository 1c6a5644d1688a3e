package io.kdg4j.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code kdg} command: generate Kinesis test data from presets and KDG templates. */
@Command(name = "kdg", mixinStandardHelpOptions = true, version = "kdg 0.1.0-SNAPSHOT",
        description = "Test data for Amazon Kinesis Data Streams and Firehose.",
        subcommands = {PreviewCommand.class})
public final class Kdg implements Runnable {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code: 0 ok, 2 bad input, 1 any other failure. */
    public static int run(String... args) {
        CommandLine commandLine = new CommandLine(new Kdg());
        commandLine.setExecutionExceptionHandler(new ErrorHandler());
        return commandLine.execute(args);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.err);
    }
}
