package io.kdg4j.core.internal;

/** Formats an epoch-millisecond instant as text; immutable and thread-safe. */
interface InstantFormatter {
    String format(long epochMillis);

    /** The coarsest tick (in ms) at which the text can change: 1 when it shows fractions, else 1000. */
    long tickMillis();
}
