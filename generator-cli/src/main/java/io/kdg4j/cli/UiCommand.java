package io.kdg4j.cli;

import io.kdg4j.aws.AwsEndpoint;
import io.kdg4j.cli.ui.UiLauncher;
import io.kdg4j.cli.ui.UiServer;
import io.kdg4j.local.LocalConfig;
import io.kdg4j.local.LocalEmulator;
import java.awt.Desktop;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import software.amazon.awssdk.regions.Region;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code kdg ui}: the Kinesis Data Generator's page, on this machine, until interrupted. */
@Command(name = "ui", mixinStandardHelpOptions = true,
        description = {"Serve the Kinesis Data Generator's page on this machine: templates, Test template, "
                + "Send/Stop, live counters and chart.",
            "Without --endpoint it sends to an emulator inside this process; --endpoint aws sends to AWS with the "
                    + "default credential chain."})
final class UiCommand implements Callable<Integer>, ErrorHandler.Connected {
    @Spec
    CommandSpec spec;

    @Mixin
    Connection connection;

    @Option(names = "--port", paramLabel = "P", defaultValue = "0",
            description = "TCP port (default: a free one, printed).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = LocalConfig.DEFAULT_BIND_ADDRESS,
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
    String bind;

    @Option(names = "--templates-dir", paramLabel = "DIR",
            description = "Where named templates are kept as NAME.kdg files (default: ~/.kdg4j/templates).")
    Path templatesDir;

    @Option(names = "--open", description = "Open the page in the default browser, where there is one.")
    boolean open;

    /** Counted down to stop the server: by the shutdown hook in real use, by tests. */
    final CountDownLatch stop = new CountDownLatch(1);

    @Override
    public Connection connection() {
        return connection;
    }

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) {
            throw new ParameterException(spec.commandLine(), "--port must be in [0, 65535] but was " + port);
        }
        boolean aws = "aws".equals(connection.endpoint);
        if (aws) {
            connection.endpoint = null;
        }
        boolean local = !aws && connection.endpoint == null;
        connection.check();
        Path templates = templatesDir != null ? templatesDir : Path.of(System.getProperty("user.home"), ".kdg4j",
                "templates");
        UiServer launched;
        String description;
        if (aws) {
            // the region the page starts in: --region, else the SDK's chain; the page offers the others
            String region = AwsEndpoint.fromEnvironment(connection.region != null ? Region.of(connection.region)
                    : null).region().id();
            description = "AWS in " + region + " (other regions on the page)";
            launched = UiLauncher.startForAws(bind, port, r -> AwsEndpoint.fromEnvironment(Region.of(r)), region,
                    templates);
        } else {
            LocalEmulator emulator = local ? LocalEmulator.start() : null;
            AwsEndpoint endpoint = connection.resolve(emulator);
            description = local ? "the emulator in this process (" + emulator.endpoint() + ")"
                    : connection.describe();
            launched = UiLauncher.start(bind, port, endpoint, description, emulator, templates);
        }
        try (UiServer started = launched) {
            Thread hook = new Thread(stop::countDown, "kdg-ui-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            spec.commandLine().getErr().println("kdg ui: " + started.url());
            spec.commandLine().getErr().println("kdg ui: sending to " + description + "; templates in "
                    + templates.toAbsolutePath() + "; Ctrl-C stops it");
            spec.commandLine().getErr().flush();
            if (open && Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
                Desktop.getDesktop().browse(started.url());
            }
            stop.await();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already stopping: the hook is running
            }
        }
        return Exit.OK;
    }
}
