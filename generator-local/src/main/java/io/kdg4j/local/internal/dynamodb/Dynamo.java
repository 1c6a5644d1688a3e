package io.kdg4j.local.internal.dynamodb;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** DynamoDB's errors, with the codes and messages the service gives. */
final class Dynamo {
    private Dynamo() {
    }

    /** An error answer: its code (the part after '#' in __type), HTTP status, message and any extra fields. */
    static final class Error extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String code;
        private final int status;
        private final transient ObjectNode extra;

        Error(String code, int status, String message, ObjectNode extra) {
            super(message, null, false, false);
            this.code = code;
            this.status = status;
            this.extra = extra;
        }

        String code() {
            return code;
        }

        int status() {
            return status;
        }

        /** Fields the answer carries besides __type and message (Item, CancellationReasons), or null. */
        ObjectNode extra() {
            return extra;
        }
    }

    static Error validation(String message) {
        return new Error("ValidationException", 400, message, null);
    }

    static Error notFound(String message) {
        return new Error("ResourceNotFoundException", 400, message, null);
    }

    static Error inUse(String message) {
        return new Error("ResourceInUseException", 400, message, null);
    }

    static Error unknownOperation(String operation) {
        return new Error("UnknownOperationException", 400, "The kdg4j emulator does not implement DynamoDB's "
                + operation + "; it serves the operations the KCL and its lock client use", null);
    }

    /** The condition of a write failed; {@code oldItem} is returned when the request asked for ALL_OLD. */
    static Error conditionalCheckFailed(ObjectNode oldItem) {
        ObjectNode extra = null;
        if (oldItem != null) {
            extra = AttributeValues.NODES.objectNode();
            extra.set("Item", oldItem);
        }
        return new Error("ConditionalCheckFailedException", 400, "The conditional request failed", extra);
    }
}
