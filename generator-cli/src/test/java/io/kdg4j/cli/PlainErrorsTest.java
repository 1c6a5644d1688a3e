package io.kdg4j.cli;

import static io.kdg4j.cli.PreviewCommandTest.kdg;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/** Each failure a newcomer meets first is one plain sentence with its exit code. */
class PlainErrorsTest {
    @TempDir
    Path dir;

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void nothingListeningAtTheEndpoint_namesTheFlagAndValue_exit3() throws Exception {
        String url = "http://127.0.0.1:" + closedPort();
        PreviewCommandTest.Run run = kdg("send", "--preset", "sakila", "--stream", "s", "--endpoint", url,
                "--records", "1", "--seed", "1");
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.stderr().strip()).isEqualTo("kdg: cannot reach --endpoint " + url + ": connection refused; "
                + "is the emulator running there (kdg local, LocalStack), or is the URL wrong?");
    }

    @Test
    void tail_ofAnEndpointThatIsNotThere_isTheSameSentence() throws Exception {
        String url = "http://127.0.0.1:" + closedPort();
        PreviewCommandTest.Run run = kdg("tail", "--stream", "s", "--endpoint", url);
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.stderr()).startsWith("kdg: cannot reach --endpoint " + url + ": connection refused");
    }

    @Test
    void aPortInUse_saysWhichAndWhatToDo_exit3() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            PreviewCommandTest.Run run = kdg("local", "--port", Integer.toString(taken.getLocalPort()));
            assertThat(run.exitCode()).isEqualTo(3);
            assertThat(run.stderr().strip()).isEqualTo("kdg: port " + taken.getLocalPort() + " on 127.0.0.1 is in "
                    + "use: pass --port with another port (0 picks a free one), or stop what listens there");
        }
    }

    @Test
    void accessDenied_isNotAllowed_exit3() {
        AwsServiceException denied = AwsServiceException.builder().statusCode(400).awsErrorDetails(AwsErrorDetails
                .builder().errorCode("AccessDeniedException").serviceName("Kinesis")
                .errorMessage("User: arn:aws:iam::1:user/x is not authorized to perform: kinesis:PutRecords").build())
                .build();
        CliFailure plain = PlainErrors.explain(denied, "AWS in --region eu-west-1");
        assertThat(plain.exitCode()).isEqualTo(3);
        assertThat(plain.getMessage()).isEqualTo("not allowed: Kinesis at AWS in --region eu-west-1 answered "
                + "AccessDeniedException: User: arn:aws:iam::1:user/x is not authorized to perform: kinesis:PutRecords; "
                + "check the credentials (AWS_PROFILE) and their IAM permissions");
    }

    @Test
    void theSdksOwnWords_areLeftOut() {
        CliFailure plain = PlainErrors.explain(SdkClientException.create("Unable to execute HTTP request: "
                + "Remote host terminated the handshake (SDK Attempt Count: 4)"), "--endpoint https://x:1");
        assertThat(plain.exitCode()).isEqualTo(3);
        assertThat(plain.getMessage()).isEqualTo("cannot reach --endpoint https://x:1: Remote host terminated the "
                + "handshake");
        assertThat(PlainErrors.explain(new IllegalStateException("other"), "x")).isNull();
    }

    @Test
    void badFlags_getOneLine_aSuggestion_andWhereTheHelpIs() {
        PreviewCommandTest.Run run = kdg("send", "--preset", "sakila", "--strem", "s");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr().lines().count()).isLessThanOrEqualTo(4);
        assertThat(run.stderr()).contains("Unknown option").contains("--stream")
                .endsWith("see 'kdg send --help'" + System.lineSeparator());
    }

    @Test
    void aMissingTemplateFile_saysNoSuchFile_withItsFullPath() {
        PreviewCommandTest.Run run = kdg("preview", "--template", dir.resolve("nofile.kdg").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr().strip()).isEqualTo("kdg: --template: no such file: " + dir.resolve("nofile.kdg"));
    }

    @Test
    void anEmptyTemplate_isRefused() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.kdg"), " \n\t");
        PreviewCommandTest.Run run = kdg("preview", "--template", empty.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("is empty (only white space): every record would be blank");
        assertThat(run.stdout()).isEmpty();
    }

    @Test
    void anUnknownFormat_namesTheFlag_andEveryFormat() {
        PreviewCommandTest.Run run = kdg("preview", "--preset", "iot", "--format", "xml");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr().strip()).isEqualTo("kdg: --format must be one of json, jsonl, csv, text, avro, "
                + "protobuf but was 'xml'");
    }

    @Test
    void theHelp_showsTheTemplateExample_andTheFormats() {
        PreviewCommandTest.Run run = kdg("send", "--help");
        assertThat(run.stdout()).contains("${region}-${id}").contains("json, jsonl, csv, text, avro or protobuf")
                .doesNotContain("null-null");
    }
}
