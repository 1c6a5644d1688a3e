package io.kdg4j.local.internal.firehose;

import io.kdg4j.local.internal.protocol.AwsException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A Firehose S3 prefix: literal text and {@code !{namespace:value}} expressions, checked by AWS's rules and
 * evaluated per delivered object. {@code !{timestamp:pattern}} uses the oldest record's arrival (every
 * occurrence the same instant, UTC); {@code !{firehose:random-string}} is 11 fresh characters per occurrence;
 * {@code !{firehose:error-output-type}} only in an error prefix. A prefix without a timestamp expression gets
 * {@code yyyy/MM/dd/HH/} appended, as Firehose does.
 */
final class S3Prefix {
    static final int MAX_EVALUATED_LENGTH = 512;
    static final int MAX_LENGTH = 1024;
    private static final DateTimeFormatter DEFAULT_TIMESTAMP = DateTimeFormatter.ofPattern("yyyy/MM/dd/HH/")
            .withZone(ZoneOffset.UTC);
    private static final char[] RANDOM_CHARACTERS = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private enum Kind { LITERAL, TIMESTAMP, RANDOM, ERROR_TYPE }

    private record Part(Kind kind, String text, DateTimeFormatter formatter) {
    }

    private final String source;
    private final List<Part> parts;
    private final boolean hasExpressions;
    private final boolean hasTimestamp;
    private final boolean hasErrorType;

    private S3Prefix(String source, List<Part> parts) {
        this.source = source;
        this.parts = parts;
        this.hasExpressions = parts.stream().anyMatch(p -> p.kind() != Kind.LITERAL);
        this.hasTimestamp = parts.stream().anyMatch(p -> p.kind() == Kind.TIMESTAMP);
        this.hasErrorType = parts.stream().anyMatch(p -> p.kind() == Kind.ERROR_TYPE);
    }

    /** Parses and checks a prefix; {@code which} names it in errors (Prefix, ErrorOutputPrefix). */
    static S3Prefix parse(String text, String which) {
        String source = text == null ? "" : text;
        if (source.length() > MAX_LENGTH) {
            throw AwsException.validation("1 validation error detected: Value at '" + lower(which) + "' failed to "
                    + "satisfy constraint: Member must have length less than or equal to " + MAX_LENGTH);
        }
        List<Part> parts = new ArrayList<>();
        int i = 0;
        while (i < source.length()) {
            int open = source.indexOf("!{", i);
            if (open < 0) {
                parts.add(new Part(Kind.LITERAL, source.substring(i), null));
                break;
            }
            if (open > i) {
                parts.add(new Part(Kind.LITERAL, source.substring(i, open), null));
            }
            int close = source.indexOf('}', open);
            if (close < 0) {
                throw invalid(which, source, "'!{' at position " + open + " has no closing '}'");
            }
            parts.add(expression(source.substring(open + 2, close), which, source));
            i = close + 1;
        }
        return new S3Prefix(source, parts);
    }

    private static Part expression(String body, String which, String source) {
        int colon = body.indexOf(':');
        if (colon < 0) {
            throw invalid(which, source, "the expression '!{" + body + "}' has no namespace (namespace:value)");
        }
        String namespace = body.substring(0, colon).trim();
        String value = body.substring(colon + 1);
        switch (namespace) {
            case "timestamp":
                try {
                    return new Part(Kind.TIMESTAMP, value,
                            DateTimeFormatter.ofPattern(value).withZone(ZoneOffset.UTC));
                } catch (IllegalArgumentException e) {
                    throw invalid(which, source, "'" + value + "' is not a valid timestamp pattern: "
                            + e.getMessage());
                }
            case "firehose":
                if (value.equals("random-string")) {
                    return new Part(Kind.RANDOM, value, null);
                }
                if (value.equals("error-output-type")) {
                    return new Part(Kind.ERROR_TYPE, value, null);
                }
                throw invalid(which, source, "'!{firehose:" + value + "}' is not a firehose expression "
                        + "(random-string, error-output-type)");
            case "partitionKeyFromQuery":
            case "partitionKeyFromLambda":
                throw invalid(which, source, "'!{" + namespace + ":...}' needs dynamic partitioning, which the kdg4j "
                        + "emulator does not support");
            default:
                throw invalid(which, source, "'" + namespace + "' is not an expression namespace (timestamp, "
                        + "firehose, partitionKeyFromQuery, partitionKeyFromLambda)");
        }
    }

    private static AwsException invalid(String which, String source, String why) {
        return AwsException.invalidArgument(which + " '" + source + "' is invalid: " + why);
    }

    private static String lower(String name) {
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    /** AWS's rules for a destination's pair of prefixes. */
    static void check(S3Prefix prefix, S3Prefix errorPrefix, boolean errorPrefixGiven) {
        if (prefix.hasErrorType) {
            throw AwsException.invalidArgument("Prefix '" + prefix.source + "' cannot contain "
                    + "!{firehose:error-output-type}; it may only be used in ErrorOutputPrefix");
        }
        if (prefix.hasExpressions && !errorPrefixGiven) {
            throw AwsException.invalidArgument("ErrorOutputPrefix cannot be null or empty when Prefix '"
                    + prefix.source + "' contains expressions");
        }
        if (errorPrefix.hasExpressions && !errorPrefix.hasErrorType) {
            throw AwsException.invalidArgument("ErrorOutputPrefix '" + errorPrefix.source + "' contains expressions "
                    + "but not !{firehose:error-output-type}, which it must then contain");
        }
    }

    /** The prefix for an object whose oldest record arrived at {@code arrivalMillis}. */
    String evaluate(long arrivalMillis, String errorType, Random random) {
        Instant instant = Instant.ofEpochMilli(arrivalMillis);
        StringBuilder out = new StringBuilder();
        for (Part part : parts) {
            switch (part.kind()) {
                case LITERAL -> out.append(part.text());
                case TIMESTAMP -> out.append(part.formatter().format(instant));
                case RANDOM -> {
                    for (int i = 0; i < 11; i++) {
                        out.append(RANDOM_CHARACTERS[random.nextInt(RANDOM_CHARACTERS.length)]);
                    }
                }
                case ERROR_TYPE -> out.append(errorType == null ? "processing-failed" : errorType);
                default -> throw new IllegalStateException();
            }
        }
        if (!hasTimestamp) {
            out.append(DEFAULT_TIMESTAMP.format(instant));
        }
        if (out.length() > MAX_EVALUATED_LENGTH) {
            throw AwsException.invalidArgument("the evaluated prefix is longer than " + MAX_EVALUATED_LENGTH
                    + " characters");
        }
        return out.toString();
    }

    String source() {
        return source;
    }
}
