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
        subcommands = {PreviewCommand.class, SendCommand.class, TailCommand.class, LocalCommand.class, UiCommand.class,
            DemoCommand.class},
        footer = {"", "Exit codes: 0 done, 1 records failed, 2 bad input, 3 cannot reach the endpoint or not allowed, "
                + "130 interrupted."})
public final class Kdg implements Runnable {
    private final OutputStream stdout;
    private final boolean handlesSignals;

    private Kdg(OutputStream stdout, boolean handlesSignals) {
        this.stdout = stdout;
        this.handlesSignals = handlesSignals;
    }

    public static void main(String[] args) {
        System.exit(execute(new Kdg(new FileOutputStream(FileDescriptor.out), true),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8), args));
    }

    /**
     * Runs the command line with records written to {@code stdout} (raw bytes, buffered by the commands) and
     * messages to {@code stderr}; returns the exit code: 0 ok, 1 records failed, 2 bad input, 3 cannot reach or not
     * allowed, 130 interrupted. Signals are left to the calling program.
     */
    public static int run(OutputStream stdout, PrintWriter stderr, String... args) {
        return execute(new Kdg(stdout, false), stderr, args);
    }

    /** Parses a command line without running it: throws picocli's ParameterException for a bad flag. */
    static CommandLine.ParseResult parse(String... args) {
        return new CommandLine(new Kdg(OutputStream.nullOutputStream(), false)).parseArgs(args);
    }

    private static int execute(Kdg kdg, PrintWriter stderr, String... args) {
        CommandLine commandLine = new CommandLine(kdg);
        commandLine.setErr(stderr);
        commandLine.setOut(new PrintWriter(kdg.stdout, true, StandardCharsets.UTF_8));
        commandLine.setExecutionExceptionHandler(new ErrorHandler());
        commandLine.setParameterExceptionHandler(new BadFlagHandler());
        return commandLine.execute(args);
    }

    /** True when kdg runs as its own program and so handles Ctrl-C and SIGTERM itself. */
    boolean handlesSignals() {
        return handlesSignals;
    }

    /** Where commands write records. */
    OutputStream stdout() {
        return stdout;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "a command is required: preview, send, tail, local, ui or demo");
    }
}
