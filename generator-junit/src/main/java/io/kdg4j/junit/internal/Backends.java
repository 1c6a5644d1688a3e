package io.kdg4j.junit.internal;

import io.kdg4j.aws.AwsEndpoint;
import io.kdg4j.local.LocalEmulator;
import java.net.URI;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.testcontainers.DockerClientFactory;
import software.amazon.awssdk.regions.Region;

/** Starts the three kinds of backend. */
public final class Backends {
    private Backends() {
    }

    /** Whether a Docker engine answers (Testcontainers' own check). */
    public static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    public static StartedBackend embedded() {
        return embedded(io.kdg4j.local.LocalConfig.ofDefaults());
    }

    public static StartedBackend embedded(io.kdg4j.local.LocalConfig config) {
        LocalEmulator local = LocalEmulator.start(config);
        return new StartedBackend("embedded", AwsEndpoint.of(local.endpoint(), Region.of(local.region()),
                local.accessKeyId(), local.secretAccessKey()), local);
    }

    /** LocalStack with this machine's settings (token, reuse) and no cache folder: see {@link LocalStackBackend}. */
    public static StartedBackend localStack(String image) {
        return LocalStackBackend.start(LocalStackBackend.Settings.of(image, null));
    }

    /** An endpoint that is already running: {@code url}, else AWS_ENDPOINT_URL. */
    public static StartedBackend endpoint(String url, String region) {
        String chosen = url != null && !url.isBlank() ? url : System.getenv("AWS_ENDPOINT_URL");
        if (chosen == null || chosen.isBlank()) {
            throw new ExtensionConfigurationException("backend endpoint needs the configuration parameter "
                    + "kdg4j.endpoint or AWS_ENDPOINT_URL, and neither is set");
        }
        URI uri;
        try {
            uri = URI.create(chosen.trim());
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException("kdg4j.endpoint must be a URL but was '" + chosen + "'", e);
        }
        AwsEndpoint endpoint = AwsEndpoint.emulator(uri, Region.of(region));
        return new StartedBackend("endpoint", endpoint, () -> { });
    }
}
