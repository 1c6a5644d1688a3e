package io.kdg4j.core.encode;

import io.kdg4j.core.record.ByteOutput;
import io.kdg4j.core.record.RecordTape;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;

/**
 * Another encoder's bytes, each record gzipped on its own: KDG's "Compress Records". Stateless and thread-safe.
 */
final class GzipEncoder implements RecordEncoder {
    private final RecordEncoder inner;

    GzipEncoder(RecordEncoder inner) {
        this.inner = inner;
    }

    @Override
    public void encode(RecordTape record, ByteOutput out) {
        ByteOutput plain = new ByteOutput(512);
        inner.encode(record, plain);
        ByteArrayOutputStream zipped = new ByteArrayOutputStream(plain.size() / 2 + 32);
        try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
            gzip.write(plain.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("gzip into memory failed", e);
        }
        byte[] bytes = zipped.toByteArray();
        out.write(bytes, 0, bytes.length);
    }

    @Override
    public String name() {
        return inner.name() + "+gzip";
    }
}
