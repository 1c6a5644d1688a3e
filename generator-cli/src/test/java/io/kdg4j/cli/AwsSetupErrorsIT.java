package io.kdg4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A machine with no AWS set up, as a newcomer's often is: {@code kdg send} without {@code --endpoint} says what is
 * missing in one sentence. Runs the jar in a clean environment (no AWS variables, no ~/.aws, no instance
 * metadata), so nothing leaves this machine.
 */
class AwsSetupErrorsIT {
    @TempDir
    Path dir;

    @Test
    void noRegion_saysHowToGiveOne_exit2() throws Exception {
        KdgProcess kdg = KdgProcess.start(dir, Map.of(), "send", "--preset", "sakila", "--stream", "s",
                "--records", "1");
        assertThat(kdg.exitCode(60)).isEqualTo(2);
        assertThat(kdg.output().strip()).isEqualTo("kdg: no AWS region: pass --region (e.g. --region us-east-1) or "
                + "set AWS_REGION, or a region in the profile in ~/.aws/config");
    }

    @Test
    void noCredentials_saysWhereItLooked_exit3() throws Exception {
        KdgProcess kdg = KdgProcess.start(dir, Map.of("AWS_PROFILE", "dev"), "send", "--preset", "sakila",
                "--stream", "s", "--region", "eu-west-1", "--records", "1");
        assertThat(kdg.exitCode(60)).isEqualTo(3);
        assertThat(kdg.output().strip()).startsWith("kdg: no AWS credentials found: the default chain looked at")
                .contains("the profile 'dev' in ~/.aws/credentials").doesNotContain("Exception")
                .doesNotContain("\n");
    }
}
