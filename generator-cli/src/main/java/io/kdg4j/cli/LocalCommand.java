package io.kdg4j.cli;

import io.kdg4j.local.Faults;
import io.kdg4j.local.LocalConfig;
import io.kdg4j.local.LocalEmulator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code kdg local}: the embedded emulator as a server, until interrupted. */
@Command(name = "local", mixinStandardHelpOptions = true,
        description = "Run the embedded Kinesis + Firehose + S3 emulator on one port until interrupted.")
final class LocalCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "4566",
            description = "TCP port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = LocalConfig.DEFAULT_BIND_ADDRESS,
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
    String bind;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Keep S3 objects as plain files under DIR/<bucket>/<key> (default: in memory).")
    Path dataDirectory;

    @Option(names = "--enforce-shard-limits",
            description = "Throttle each shard at 1 MiB/s and 1,000 records/s, like the service.")
    boolean enforceShardLimits;

    @Option(names = "--fail-rate", paramLabel = "P", defaultValue = "0",
            description = "Share of records (0..1) that PutRecords/PutRecordBatch fail with an internal error.")
    double failRate;

    @Option(names = "--latency-ms", paramLabel = "L", defaultValue = "0",
            description = "Milliseconds added before every answer.")
    long latencyMillis;

    /** Completes when the server should stop; tests count it down, the shutdown hook does in real use. */
    final CountDownLatch stop = new CountDownLatch(1);

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) {
            throw new ParameterException(spec.commandLine(), "--port must be in [0, 65535] but was " + port);
        }
        if (!(failRate >= 0 && failRate <= 1)) {
            throw new ParameterException(spec.commandLine(), "--fail-rate must be in [0, 1] but was " + failRate);
        }
        if (latencyMillis < 0) {
            throw new ParameterException(spec.commandLine(), "--latency-ms must be >= 0 but was " + latencyMillis);
        }
        LocalConfig config = LocalConfig.builder().port(port).bindAddress(bind).dataDirectory(dataDirectory)
                .enforceShardLimits(enforceShardLimits)
                .faults(Faults.NONE.withEntryFailureRate(failRate).withLatency(Duration.ofMillis(latencyMillis)))
                .build();
        try (LocalEmulator local = LocalEmulator.start(config)) {
            Thread hook = new Thread(stop::countDown, "kdg-local-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            spec.commandLine().getErr().println("kdg local: Kinesis, Firehose and S3 on " + local.endpoint()
                    + " (region " + local.region() + ", any credentials)"
                    + (dataDirectory == null ? "" : ", S3 objects in " + dataDirectory.toAbsolutePath())
                    + (enforceShardLimits ? ", shard limits enforced" : "") + "; Ctrl-C stops it");
            spec.commandLine().getErr().flush();
            stop.await();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already stopping: the hook is running
            }
        }
        return 0;
    }
}
