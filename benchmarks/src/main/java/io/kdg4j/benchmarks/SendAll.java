package io.kdg4j.benchmarks;

import io.kdg4j.core.GeneratedRecord;
import io.kdg4j.core.run.DeliveryListener;
import io.kdg4j.core.run.RecordSink;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/** Sends a list of records through a sink and waits for every outcome; fails if any record failed. */
final class SendAll {
    private SendAll() {
    }

    static long through(RecordSink sink, List<GeneratedRecord> records) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(records.size());
        AtomicLong failed = new AtomicLong();
        DeliveryListener listener = new DeliveryListener() {
            @Override
            public void acked(GeneratedRecord record) {
                done.countDown();
            }

            @Override
            public void failed(GeneratedRecord record, String errorCode, String message) {
                failed.incrementAndGet();
                done.countDown();
            }

            @Override
            public void retrying(GeneratedRecord record, String errorCode, boolean throttled, boolean ambiguous) {
            }
        };
        for (GeneratedRecord record : records) {
            sink.send(record, listener);
        }
        sink.flush();
        done.await();
        if (failed.get() > 0) {
            throw new IllegalStateException(failed + " records failed");
        }
        return records.size();
    }
}
