package io.kdg4j.aws;

import io.kdg4j.core.GeneratedRecord;
import io.kdg4j.core.run.DeliveryListener;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Remembers each record's outcome, and fails the test on a second outcome for the same record. */
final class RecordingListener implements DeliveryListener {
    final Map<Long, String> outcomes = new ConcurrentHashMap<>();
    final Map<Long, String> messages = new ConcurrentHashMap<>();
    final AtomicLong retried = new AtomicLong();
    final AtomicLong throttled = new AtomicLong();
    final AtomicLong ambiguous = new AtomicLong();

    @Override
    public void acked(GeneratedRecord record) {
        once(record, "acked");
    }

    @Override
    public void failed(GeneratedRecord record, String errorCode, String message) {
        messages.put(record.index(), message);
        once(record, errorCode);
    }

    @Override
    public void retrying(GeneratedRecord record, String errorCode, boolean wasThrottled, boolean wasAmbiguous) {
        retried.incrementAndGet();
        if (wasThrottled) {
            throttled.incrementAndGet();
        }
        if (wasAmbiguous) {
            ambiguous.incrementAndGet();
        }
    }

    private void once(GeneratedRecord record, String outcome) {
        String previous = outcomes.putIfAbsent(record.index(), outcome);
        if (previous != null) {
            throw new AssertionError("record " + record.index() + " had two outcomes: " + previous + ", " + outcome);
        }
    }

    long count(String outcome) {
        return outcomes.values().stream().filter(outcome::equals).count();
    }
}
