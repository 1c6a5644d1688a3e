package io.kdg4j.core.run;

import io.kdg4j.core.GeneratedRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Keeps every record in memory and acks it at once: for tests of a schema or of the engine. A predicate can
 * refuse records (failed with code {@code Refused}). Thread-safe.
 */
public final class InMemorySink implements RecordSink {
    private final List<GeneratedRecord> records = new ArrayList<>();
    private final Predicate<GeneratedRecord> refuse;

    private InMemorySink(Predicate<GeneratedRecord> refuse) {
        this.refuse = refuse;
    }

    public static InMemorySink create() {
        return new InMemorySink(record -> false);
    }

    /** A sink that fails the records {@code refuse} matches and keeps the others. */
    public static InMemorySink refusing(Predicate<GeneratedRecord> refuse) {
        return new InMemorySink(Objects.requireNonNull(refuse, "refuse"));
    }

    @Override
    public void send(GeneratedRecord record, DeliveryListener listener) {
        if (refuse.test(record)) {
            listener.failed(record, "Refused", "refused by the in-memory sink's predicate");
            return;
        }
        synchronized (records) {
            records.add(record);
        }
        listener.acked(record);
    }

    /** A copy of the records kept so far, in arrival order. */
    public List<GeneratedRecord> records() {
        synchronized (records) {
            return List.copyOf(records);
        }
    }

    /** The kept records' data as UTF-8 text. */
    public List<String> texts() {
        return records().stream().map(GeneratedRecord::text).toList();
    }

    public int size() {
        synchronized (records) {
            return records.size();
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
