package io.kdg4j.local.internal.protocol;

/**
 * An error answered the way AWS answers it: the error code the SDK maps to its exception type
 * (ResourceNotFoundException, ValidationException...), the HTTP status AWS uses, and a message.
 */
public final class AwsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String code;
    private final int status;

    public AwsException(String code, int status, String message) {
        super(message, null, false, false);
        this.code = code;
        this.status = status;
    }

    public static AwsException notFound(String message) {
        return new AwsException("ResourceNotFoundException", 400, message);
    }

    public static AwsException inUse(String message) {
        return new AwsException("ResourceInUseException", 400, message);
    }

    public static AwsException invalidArgument(String message) {
        return new AwsException("InvalidArgumentException", 400, message);
    }

    public static AwsException validation(String message) {
        return new AwsException("ValidationException", 400, message);
    }

    public static AwsException limitExceeded(String message) {
        return new AwsException("LimitExceededException", 400, message);
    }

    public static AwsException serialization(String message) {
        return new AwsException("SerializationException", 400, message);
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }
}
