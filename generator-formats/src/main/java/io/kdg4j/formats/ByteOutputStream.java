package io.kdg4j.formats;

import io.kdg4j.core.record.ByteOutput;
import java.io.OutputStream;

/** An OutputStream onto a record's {@link ByteOutput}, for libraries that write to streams. Not thread-safe. */
public final class ByteOutputStream extends OutputStream {
    private ByteOutput target;

    /** Writes go to {@code out} from now on. */
    public void target(ByteOutput out) {
        this.target = out;
    }

    @Override
    public void write(int b) {
        target.write((byte) b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        target.write(bytes, offset, length);
    }
}
