package io.kdg4j.formats.types;

import java.util.List;

/**
 * The type of the values a schema's spec makes, as a binary format must declare it ahead of the records: what
 * JSON leaves to each record, Avro and Protobuf fix once.
 */
public sealed interface ValueType {
    /** Whole numbers (a long on the tape). */
    record Int64() implements ValueType {
    }

    /** Floating-point numbers. */
    record Float64() implements ValueType {
    }

    /** Exact decimals with {@code scale} digits after the point (an unscaled long on the tape). */
    record Decimal(int scale) implements ValueType {
    }

    record Bool() implements ValueType {
    }

    /** Text; any scalar value is written as its text. */
    record Text() implements ValueType {
    }

    /** A value whose type only the record knows (a derived field): its text, or its JSON if an object or array. */
    record Json() implements ValueType {
    }

    /** A value that is always null. */
    record Null() implements ValueType {
    }

    /** An object with these fields in this order. */
    record Struct(List<Field> fields) implements ValueType {
        public Struct {
            fields = List.copyOf(fields);
        }
    }

    /** A field of an object: its name as in the records, and its type. */
    record Field(String name, ValueType type) {
    }

    record Array(ValueType element) implements ValueType {
    }

    /** The value, or null. */
    record Nullable(ValueType value) implements ValueType {
    }

    ValueType LONG = new Int64();
    ValueType DOUBLE = new Float64();
    ValueType BOOL = new Bool();
    ValueType TEXT = new Text();
    ValueType JSON = new Json();
    ValueType NULL = new Null();
}
