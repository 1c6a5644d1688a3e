package io.kdg4j.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code kdg} command: generate Kinesis test data from presets and KDG templates. */
@Command(name = "kdg", mixinStandardHelpOptions = true, version = "kdg 0.1.0-SNAPSHOT",
        description = "Test data for Amazon Kinesis Data Streams and Firehose.",
        subcommands = {PreviewCommand.class, SendCommand.class, LocalCommand.class, DemoCommand.class})
public final class Kdg implements Runnable {
    private final OutputStream stdout;

    private Kdg(OutputStream stdout) {
        this.stdout = stdout;
    }

    public static void main(String[] args) {
        System.exit(run(new FileOutputStream(FileDescriptor.out),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8), args));
    }

    /**
     * Runs the command line with records written to {@code stdout} (raw bytes, buffered by the commands) and
     * messages to {@code stderr}; returns the exit code: 0 ok, 2 bad input, 1 any other failure.
     */
    public static int run(OutputStream stdout, PrintWriter stderr, String... args) {
        CommandLine commandLine = new CommandLine(new Kdg(stdout));
        commandLine.setErr(stderr);
        commandLine.setOut(new PrintWriter(stdout, true, StandardCharsets.UTF_8));
        commandLine.setExecutionExceptionHandler(new ErrorHandler());
        return commandLine.execute(args);
    }

    /** Where commands write records. */
    OutputStream stdout() {
        return stdout;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "a command is required: preview, send, local or demo");
    }
}
