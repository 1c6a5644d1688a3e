package io.kdg4j.aws.internal;

import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Why a request or an entry failed, and what that means for the records: retry or give up, throttling or not,
 * and whether the service may have stored them anyway (ambiguous), so that a retry may duplicate them.
 *
 * @param code the service's error code, or a kdg4j code for client-side failures
 */
public record Failure(String code, String message, boolean retryable, boolean throttled, boolean ambiguous) {
    private static final Set<String> THROTTLING = Set.of("ProvisionedThroughputExceededException",
            "ThrottlingException", "LimitExceededException", "KMSThrottlingException", "Throttling",
            "TooManyRequestsException", "RequestLimitExceeded");
    private static final Set<String> TRANSIENT = Set.of("InternalFailure", "InternalFailureException",
            "ServiceUnavailable", "ServiceUnavailableException", "InternalServerError");

    /** An entry that PutRecords or PutRecordBatch answered with an error code. */
    public static Failure ofEntry(String code, String message) {
        boolean throttled = THROTTLING.contains(code);
        return new Failure(code, message == null ? "" : message, throttled || TRANSIENT.contains(code), throttled,
                false);
    }

    /**
     * A whole request that failed. Throttling and 5xx answers are retried; a 500 or a lost answer (I/O error,
     * timeout) is ambiguous because the service may have stored the records; other service errors (a missing
     * stream, a validation error) are final.
     */
    public static Failure ofRequest(Throwable thrown) {
        Throwable t = unwrap(thrown);
        if (t instanceof AwsServiceException service) {
            String code = service.awsErrorDetails() != null && service.awsErrorDetails().errorCode() != null
                    ? service.awsErrorDetails().errorCode() : "HTTP" + service.statusCode();
            String message = service.awsErrorDetails() != null ? service.awsErrorDetails().errorMessage()
                    : service.getMessage();
            int status = service.statusCode();
            boolean throttled = THROTTLING.contains(code) || status == 429 || service.isThrottlingException();
            boolean serverError = status >= 500;
            return new Failure(code, String.valueOf(message), throttled || serverError || TRANSIENT.contains(code),
                    throttled, serverError && status != 503);
        }
        if (t instanceof SdkClientException client) {
            Throwable cause = client.getCause() != null ? client.getCause() : client;
            return new Failure("ConnectionError", cause.getClass().getSimpleName() + ": " + cause.getMessage(), true,
                    false, true);
        }
        return new Failure(t.getClass().getSimpleName(), String.valueOf(t.getMessage()), false, false, false);
    }

    private static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
