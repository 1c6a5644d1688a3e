package io.kdg4j.core.run;

import io.kdg4j.core.GeneratedRecord;
import io.kdg4j.core.KdgException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Writes each record's bytes and a newline (JSON Lines for JSON records) to a stream or a file; a record is acked
 * once it is in the buffer, and a write error fails it with code {@code IOException}. Thread-safe.
 */
public final class LineSink implements RecordSink {
    private final OutputStream out;
    private final boolean owned;

    private LineSink(OutputStream out, boolean owned) {
        this.out = out;
        this.owned = owned;
    }

    /** Standard output; closing the sink flushes it but leaves it open. */
    public static LineSink stdout() {
        return new LineSink(new BufferedOutputStream(new java.io.FileOutputStream(java.io.FileDescriptor.out),
                1 << 16), false);
    }

    /** A stream the caller owns: closing the sink flushes it and leaves it open. */
    public static LineSink to(OutputStream out) {
        return new LineSink(new BufferedOutputStream(Objects.requireNonNull(out, "out"), 1 << 16), false);
    }

    /** A new file (replaced if it exists), closed with the sink. */
    public static LineSink toFile(Path file) {
        try {
            return new LineSink(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16), true);
        } catch (IOException e) {
            throw new KdgException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void send(GeneratedRecord record, DeliveryListener listener) {
        try {
            byte[] bytes = new byte[record.size()];
            record.data().get(bytes);
            out.write(bytes);
            out.write('\n');
        } catch (IOException e) {
            listener.failed(record, "IOException", e.getMessage());
            return;
        }
        listener.acked(record);
    }

    @Override
    public synchronized void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new KdgException("cannot flush: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            out.flush();
            if (owned) {
                out.close();
            }
        } catch (IOException e) {
            throw new KdgException("cannot close: " + e.getMessage(), e);
        }
    }
}
