package io.kdg4j.aws;

import io.kdg4j.core.GeneratedRecord;
import io.kdg4j.core.run.DeliveryListener;
import io.kdg4j.core.run.RecordSink;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Passes records on, and remembers which were acked: to check that every acked record reached the stream. */
final class TrackingSink implements RecordSink {
    final Set<Long> acked = ConcurrentHashMap.newKeySet();
    private final RecordSink delegate;

    TrackingSink(RecordSink delegate) {
        this.delegate = delegate;
    }

    @Override
    public void send(GeneratedRecord record, DeliveryListener listener) {
        delegate.send(record, new DeliveryListener() {
            @Override
            public void acked(GeneratedRecord r) {
                acked.add(r.index());
                listener.acked(r);
            }

            @Override
            public void failed(GeneratedRecord r, String errorCode, String message) {
                listener.failed(r, errorCode, message);
            }

            @Override
            public void retrying(GeneratedRecord r, String errorCode, boolean throttled, boolean ambiguous) {
                listener.retrying(r, errorCode, throttled, ambiguous);
            }
        });
    }

    @Override
    public void flush() {
        delegate.flush();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
