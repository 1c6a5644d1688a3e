package io.kdg4j.core.record;

/** The kinds of entry on a {@link RecordTape}. */
public enum Token {
    OBJECT_START,
    OBJECT_END,
    ARRAY_START,
    ARRAY_END,
    /** A field name inside an object; the next entry is its value. */
    NAME,
    /** A string value made during this record. */
    STRING,
    /** A string value prepared once (a choice, a cached timestamp) with its encoded bytes. */
    TEXT,
    LONG,
    /** An exact decimal: an unscaled long and a scale, written with exactly that many decimals. */
    DECIMAL,
    DOUBLE,
    BOOLEAN,
    NULL,
    /**
     * The start of one string value written as a run of scalar parts (a text template, a concatenation): the
     * parts are not copied into a String, encoders write them one after the other.
     */
    PARTS_START,
    PARTS_END
}
