package io.kdg4j.cli;

import java.net.BindException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Puts the failures a newcomer meets first — nothing listening, no region, no credentials, access refused, a port
 * taken — into one sentence that names the flag and value and says what to do, instead of the SDK's exception
 * text (which carries attempt counts and provider-chain dumps).
 */
final class PlainErrors {
    private static final Set<String> NOT_ALLOWED = Set.of("AccessDeniedException", "AccessDenied",
            "UnrecognizedClientException", "InvalidSignatureException", "SignatureDoesNotMatch",
            "ExpiredTokenException", "ExpiredToken", "InvalidClientTokenId", "IncompleteSignature",
            "MissingAuthenticationToken", "NotAuthorized", "KMSAccessDeniedException");

    private PlainErrors() {
    }

    /**
     * The plain form of {@code failure}, or null when it is none of the known kinds.
     *
     * @param where what the command was talking to, as {@link Connection#describe()} says it
     */
    static CliFailure explain(Throwable failure, String where) {
        BindException bind = find(failure, BindException.class);
        if (bind != null) {
            return new CliFailure(Exit.UNREACHABLE, portInUse(failure), failure);
        }
        AwsServiceException service = find(failure, AwsServiceException.class);
        if (service != null) {
            return explain(service, where);
        }
        String message = rootMessage(failure);
        if (message.startsWith("Unable to load region")) {
            return new CliFailure(Exit.BAD_INPUT, "no AWS region: pass --region (e.g. --region us-east-1) or set "
                    + "AWS_REGION, or a region in the profile in ~/.aws/config", failure);
        }
        if (message.startsWith("Unable to load credentials")) {
            String profile = System.getenv("AWS_PROFILE") != null ? System.getenv("AWS_PROFILE") : "default";
            return new CliFailure(Exit.UNREACHABLE, "no AWS credentials found: the default chain "
                    + "looked at the system properties aws.accessKeyId/aws.secretAccessKey, the environment "
                    + "(AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY), a web identity token, the profile '" + profile
                    + "' in ~/.aws/credentials and ~/.aws/config, and container and instance metadata; run aws "
                    + "configure or set AWS_PROFILE, or pass --endpoint local to try kdg without AWS", failure);
        }
        if (find(failure, ConnectException.class) != null || find(failure, NoRouteToHostException.class) != null) {
            return new CliFailure(Exit.UNREACHABLE, "cannot reach " + where + ": connection refused; is the "
                    + "emulator running there (kdg local, LocalStack), or is the URL wrong?", failure);
        }
        UnknownHostException unknown = find(failure, UnknownHostException.class);
        if (unknown != null) {
            return new CliFailure(Exit.UNREACHABLE, "cannot reach " + where + ": unknown host "
                    + unknown.getMessage() + "; check the URL, the region and your network", failure);
        }
        if (find(failure, SocketTimeoutException.class) != null) {
            return new CliFailure(Exit.UNREACHABLE, "cannot reach " + where + ": no answer in time; check the "
                    + "URL, your network or proxy", failure);
        }
        SdkClientException client = find(failure, SdkClientException.class);
        if (client != null) {
            return new CliFailure(Exit.UNREACHABLE, "cannot reach " + where + ": " + withoutAttempts(message),
                    failure);
        }
        return null;
    }

    private static CliFailure explain(AwsServiceException e, String where) {
        String code = e.awsErrorDetails() != null && e.awsErrorDetails().errorCode() != null
                ? e.awsErrorDetails().errorCode() : "HTTP " + e.statusCode();
        String service = e.awsErrorDetails() != null && e.awsErrorDetails().serviceName() != null
                ? e.awsErrorDetails().serviceName() : "the service";
        String text = e.awsErrorDetails() != null && e.awsErrorDetails().errorMessage() != null
                ? e.awsErrorDetails().errorMessage() : withoutAttempts(e.getMessage());
        if (e.statusCode() == 403 || NOT_ALLOWED.contains(code)) {
            return new CliFailure(Exit.UNREACHABLE, "not allowed: " + service + " at " + where + " answered "
                    + code + ": " + text + "; check the credentials (AWS_PROFILE) and their IAM permissions",
                    e);
        }
        if (code.equals("ResourceNotFoundException") || code.equals("NoSuchBucket")) {
            return new CliFailure(Exit.BAD_INPUT, service + " at " + where + " answered " + code + ": " + text, e);
        }
        return new CliFailure(Exit.RECORDS_FAILED, service + " at " + where + " answered " + code + ": " + text, e);
    }

    private static String portInUse(Throwable failure) {
        String message = rootMessage(failure) + " " + failure.getMessage();
        java.util.regex.Matcher at = java.util.regex.Pattern.compile("on ([^\\s:\\[]+|\\[[^\\]]+\\]):(\\d+)")
                .matcher(String.valueOf(failure.getMessage()));
        if (at.find()) {
            return "port " + at.group(2) + " on " + at.group(1) + " is in use: pass --port with another port "
                    + "(0 picks a free one), or stop what listens there";
        }
        return "the port is in use (" + message.trim() + "): pass --port with another port (0 picks a free one)";
    }

    /** The SDK ends client messages with "(SDK Attempt Count: N)", which tells a user nothing. */
    private static String withoutAttempts(String message) {
        String text = message == null ? "" : message.replaceAll("\\s*\\(SDK Attempt Count: \\d+\\)", "");
        return text.toLowerCase(Locale.ROOT).startsWith("unable to execute http request: ")
                ? text.substring("unable to execute http request: ".length()) : text;
    }

    private static String rootMessage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SdkClientException && t.getMessage() != null) {
                return t.getMessage();
            }
        }
        return String.valueOf(failure.getMessage());
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> kind) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (kind.isInstance(t)) {
                return kind.cast(t);
            }
        }
        return null;
    }
}
