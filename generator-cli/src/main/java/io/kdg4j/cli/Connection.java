package io.kdg4j.cli;

import io.kdg4j.aws.AwsEndpoint;
import io.kdg4j.local.LocalEmulator;
import java.net.URI;
import java.net.URISyntaxException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.regions.Region;

/**
 * The {@code --endpoint} and {@code --region} flags that every command talking to the services shares, and what
 * they resolve to: AWS (default chains), a URL (LocalStack, {@code kdg local}, kinesis-mock), or an emulator
 * started inside this process ({@code --endpoint local}).
 */
final class Connection {
    static final String LOCAL = "local";

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--endpoint", paramLabel = "URL|local",
            description = "An endpoint such as http://localhost:4566 (LocalStack, kdg local), or 'local' for an "
                    + "embedded emulator in this process. Default: AWS, with the default credential chain "
                    + "(and AWS_ENDPOINT_URL if set).")
    String endpoint;

    @Option(names = "--region", paramLabel = "R",
            description = "AWS region (default: the SDK's region chain: AWS_REGION, then ~/.aws/config; "
                    + "us-east-1 with --endpoint).")
    String region;

    boolean isLocal() {
        return LOCAL.equals(endpoint);
    }

    /** Checks the flags before anything starts. */
    void check() {
        if (endpoint == null || isLocal()) {
            return;
        }
        URI uri = null;
        try {
            uri = new URI(endpoint);
        } catch (URISyntaxException e) {
            // reported below
        }
        if (uri == null || uri.getScheme() == null || uri.getHost() == null
                || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
            throw new ParameterException(spec.commandLine(), "--endpoint must be a URL such as "
                    + "http://localhost:4566, or 'local', but was '" + endpoint + "'");
        }
    }

    /** Starts the in-process emulator when {@code --endpoint local} asks for one, else null. */
    LocalEmulator startLocal() {
        return isLocal() ? LocalEmulator.start() : null;
    }

    /** The endpoint the flags name; {@code local} is the emulator {@link #startLocal()} started. */
    AwsEndpoint resolve(LocalEmulator local) {
        check();
        if (local != null) {
            return AwsEndpoint.of(local.endpoint(), Region.of(local.region()), local.accessKeyId(),
                    local.secretAccessKey());
        }
        if (endpoint == null) {
            return AwsEndpoint.fromEnvironment(region != null ? Region.of(region) : null);
        }
        return AwsEndpoint.emulator(URI.create(endpoint), Region.of(region != null ? region : "us-east-1"));
    }

    /** How errors name where the command was talking to: "--endpoint URL", or AWS and the region. */
    String describe() {
        if (endpoint != null) {
            return "--endpoint " + endpoint;
        }
        return "AWS" + (region != null ? " in --region " + region : "");
    }
}
