package io.kdg4j.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.regions.Region;

class AwsEndpointTest {
    private static final URI LOCAL = URI.create("http://127.0.0.1:4566");

    @Test
    void anEmulator_withNoCredentialsAround_getsTestTest_withoutAskingInstanceMetadata() {
        assumeTrue(System.getenv("AWS_ACCESS_KEY_ID") == null && System.getProperty("aws.accessKeyId") == null
                && !Files.exists(Path.of(System.getProperty("user.home"), ".aws", "credentials")),
                "this machine has AWS credentials of its own");
        AwsEndpoint emulator = AwsEndpoint.emulator(LOCAL, Region.US_EAST_1);
        AwsCredentials credentials = emulator.credentials().resolveCredentials();
        assertThat(credentials.accessKeyId()).isEqualTo("test");
        assertThat(credentials.secretAccessKey()).isEqualTo("test");
        assertThat(emulator.credentials().toString()).contains("EnvironmentVariableCredentialsProvider")
                .doesNotContain("InstanceProfile").doesNotContain("ContainerCredentials")
                .doesNotContain("DefaultCredentialsProvider");
    }

    @Test
    void anEmulator_usesTheUsersOwnCredentials_whenThereAreSome() {
        System.setProperty("aws.accessKeyId", "AKIAMINE");
        System.setProperty("aws.secretAccessKey", "mine");
        try {
            AwsCredentials credentials = AwsEndpoint.emulator(LOCAL, Region.EU_WEST_1).credentials()
                    .resolveCredentials();
            assertThat(credentials.accessKeyId()).isEqualTo("AKIAMINE");
        } finally {
            System.clearProperty("aws.accessKeyId");
            System.clearProperty("aws.secretAccessKey");
        }
    }

    @Test
    void credentials_neverAppearInToString() {
        AwsEndpoint endpoint = AwsEndpoint.of(LOCAL, Region.US_EAST_1, "AKIASECRET", "verysecret");
        assertThat(endpoint.toString()).isEqualTo("AwsEndpoint[http://127.0.0.1:4566, us-east-1]")
                .doesNotContain("AKIASECRET").doesNotContain("verysecret");
    }
}
