package io.kdg4j.aws.internal;

import io.kdg4j.aws.BatchConfig;
import io.kdg4j.aws.RetryPolicy;
import io.kdg4j.core.GeneratedRecord;
import io.kdg4j.core.run.DeliveryListener;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The batching engine behind every sink: groups records into requests within the limits of a
 * {@link BatchConfig}, keeps at most {@code maxConcurrentRequests} requests in flight, reads each entry's
 * outcome, and retries only what failed retryably, with the backoff of a {@link RetryPolicy}. The service's own
 * half is a {@link Transport}.
 *
 * <p>Every record given to {@link #send} ends in exactly one {@code acked} or {@code failed} call to its listener.
 * Thread-safe.
 */
public final class BatchingEngine implements AutoCloseable {
    /** One service's requests. */
    public interface Transport {
        /** The service, for messages ("Kinesis stream orders"). */
        String describe();

        /** The bytes a record counts for against the request and record limits. */
        int entryBytes(GeneratedRecord record);

        /**
         * Checks a record before it is queued: null when it may be sent, else the failure to report without
         * sending it.
         */
        Failure reject(GeneratedRecord record);

        /**
         * Sends one request; completes with one result per record in order (null for a stored record, or its
         * failure), or exceptionally when the whole request failed.
         */
        CompletableFuture<List<Failure>> send(List<GeneratedRecord> batch);
    }

    private static final class Pending {
        final GeneratedRecord record;
        final DeliveryListener listener;
        final int bytes;
        final long firstNanos;
        int attempts;

        Pending(GeneratedRecord record, DeliveryListener listener, int bytes) {
            this.record = record;
            this.listener = listener;
            this.bytes = bytes;
            this.firstNanos = System.nanoTime();
        }
    }

    private final Transport transport;
    private final BatchConfig config;
    private final RetryPolicy retry;
    private final ScheduledExecutorService timer;
    private final SplittableRandom jitter = new SplittableRandom();
    private final Object lock = new Object();
    private final ArrayDeque<List<Pending>> ready = new ArrayDeque<>();
    private List<Pending> filling = new ArrayList<>();
    private int fillingBytes;
    private long fillingId;
    private boolean lingerScheduled;
    private int requestsInFlight;
    private long unresolved;
    private boolean closed;

    public BatchingEngine(Transport transport, BatchConfig config, RetryPolicy retry) {
        this.transport = transport;
        this.config = config;
        this.retry = retry;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "kdg-sink-timer");
            thread.setDaemon(true);
            return thread;
        });
    }

    public void send(GeneratedRecord record, DeliveryListener listener) {
        int bytes = transport.entryBytes(record);
        if (bytes > config.maxRecordBytes()) {
            listener.failed(record, "RecordTooLarge", "the record is " + bytes + " bytes with its partition key, "
                    + "over the " + config.maxRecordBytes() + "-byte record limit of " + transport.describe()
                    + "; it was not sent (nor truncated)");
            return;
        }
        Failure rejected = transport.reject(record);
        if (rejected != null) {
            listener.failed(record, rejected.code(), rejected.message());
            return;
        }
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("the sink for " + transport.describe() + " is closed");
            }
            unresolved++;
            add(new Pending(record, listener, bytes));
        }
        pump();
    }

    /** Sends what is buffered now. */
    public void flush() {
        synchronized (lock) {
            if (!filling.isEmpty()) {
                seal();
            }
        }
        pump();
    }

    /** Records given and not yet acked or failed. */
    public long unresolved() {
        synchronized (lock) {
            return unresolved;
        }
    }

    /** Flushes and waits until every record has its outcome. */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
        }
        flush();
        synchronized (lock) {
            boolean interrupted = false;
            while (unresolved > 0) {
                try {
                    lock.wait(100);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
                if (!filling.isEmpty()) {
                    seal();
                    timer.execute(this::pump);
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        timer.shutdownNow();
    }

    private void add(Pending pending) {
        if (!filling.isEmpty() && fillingBytes + pending.bytes > config.maxBytes()) {
            seal();
        }
        filling.add(pending);
        fillingBytes += pending.bytes;
        if (filling.size() >= config.maxRecords()) {
            seal();
        } else if (!lingerScheduled) {
            lingerScheduled = true;
            long id = fillingId;
            timer.schedule(() -> lingered(id), config.linger().toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    private void lingered(long id) {
        synchronized (lock) {
            lingerScheduled = false;
            if (filling.isEmpty()) {
                return;
            }
            if (id == fillingId) {
                seal();
            } else {
                lingerScheduled = true;
                long current = fillingId;
                timer.schedule(() -> lingered(current), config.linger().toNanos(), TimeUnit.NANOSECONDS);
            }
        }
        pump();
    }

    private void seal() {
        ready.add(filling);
        filling = new ArrayList<>(Math.min(config.maxRecords(), 512));
        fillingBytes = 0;
        fillingId++;
    }

    private void pump() {
        List<List<Pending>> toSend = null;
        synchronized (lock) {
            while (requestsInFlight < config.maxConcurrentRequests() && !ready.isEmpty()) {
                if (toSend == null) {
                    toSend = new ArrayList<>(2);
                }
                toSend.add(ready.poll());
                requestsInFlight++;
            }
        }
        if (toSend != null) {
            toSend.forEach(this::dispatch);
        }
    }

    private void dispatch(List<Pending> batch) {
        List<GeneratedRecord> records = new ArrayList<>(batch.size());
        for (Pending pending : batch) {
            pending.attempts++;
            records.add(pending.record);
        }
        CompletableFuture<List<Failure>> answer;
        try {
            answer = transport.send(records);
        } catch (RuntimeException e) {
            answer = CompletableFuture.failedFuture(e);
        }
        answer.whenComplete((results, error) -> complete(batch, results, error));
    }

    private void complete(List<Pending> batch, List<Failure> results, Throwable error) {
        try {
            if (error != null) {
                Failure failure = Failure.ofRequest(error);
                batch.forEach(pending -> failOrRetry(pending, failure));
            } else if (results == null || results.size() != batch.size()) {
                Failure malformed = new Failure("MalformedResponse", "the answer had " + (results == null ? 0
                        : results.size()) + " entries for " + batch.size() + " records", true, false, true);
                batch.forEach(pending -> failOrRetry(pending, malformed));
            } else {
                int acked = 0;
                for (int i = 0; i < batch.size(); i++) {
                    Failure failure = results.get(i);
                    if (failure == null) {
                        Pending pending = batch.get(i);
                        pending.listener.acked(pending.record);
                        acked++;
                    } else {
                        failOrRetry(batch.get(i), failure);
                    }
                }
                resolved(acked);
            }
        } finally {
            synchronized (lock) {
                requestsInFlight--;
            }
            pump();
        }
    }

    private void failOrRetry(Pending pending, Failure failure) {
        long delay = pending.attempts >= 1 ? backoffNanos(pending.attempts) : 0;
        boolean expired = System.nanoTime() + delay - pending.firstNanos > retry.recordTtl().toNanos();
        if (!failure.retryable() || pending.attempts >= retry.maxAttempts() || expired) {
            String why = !failure.retryable() ? failure.message()
                    : "gave up after " + pending.attempts + " attempt(s)" + (expired ? " (record TTL "
                    + retry.recordTtl() + ")" : "") + ": " + failure.message();
            pending.listener.failed(pending.record, failure.code(), why);
            resolved(1);
            return;
        }
        pending.listener.retrying(pending.record, failure.code(), failure.throttled(), failure.ambiguous());
        timer.schedule(() -> {
            synchronized (lock) {
                add(pending);
            }
            pump();
        }, delay, TimeUnit.NANOSECONDS);
    }

    private long backoffNanos(int attempt) {
        long max = retry.maxDelayNanos(attempt);
        if (max <= 0) {
            return 0;
        }
        synchronized (jitter) {
            return jitter.nextLong(max + 1);
        }
    }

    private void resolved(int records) {
        if (records == 0) {
            return;
        }
        synchronized (lock) {
            unresolved -= records;
            if (unresolved == 0) {
                lock.notifyAll();
            }
        }
    }
}
