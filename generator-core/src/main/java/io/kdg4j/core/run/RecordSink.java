package io.kdg4j.core.run;

import io.kdg4j.core.GeneratedRecord;

/**
 * Where generated records go. The engine calls {@link #send} from one thread; the sink reports each record's
 * fate to the listener, at once or later from its own threads.
 *
 * <p>Implementations must be thread-safe. The engine never closes a sink: whoever built it closes it.
 */
public interface RecordSink extends AutoCloseable {
    /** Takes one record; must not block for long (buffer, and report the outcome later). */
    void send(GeneratedRecord record, DeliveryListener listener);

    /** Starts sending whatever is buffered now, without waiting for answers. */
    void flush();

    /**
     * Flushes, waits until every record given so far has been acked or failed, and frees what the sink owns (never
     * a client passed in to it).
     */
    @Override
    void close();
}
