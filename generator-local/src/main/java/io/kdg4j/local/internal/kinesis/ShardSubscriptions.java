package io.kdg4j.local.internal.kinesis;

import io.kdg4j.local.internal.http.HttpServer;
import io.kdg4j.local.internal.protocol.AwsException;
import io.kdg4j.local.internal.protocol.EventStreamMessages;
import io.kdg4j.local.internal.protocol.Fields;
import io.kdg4j.local.internal.protocol.JsonProtocol;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * SubscribeToShard: an event stream that pushes a shard's records to an enhanced fan-out consumer as they arrive
 * (checked every {@value #PUSH_MILLIS} ms, an empty event at least once a second), each event with the records, the
 * continuation sequence number and MillisBehindLatest, and that ends after five minutes as the service's does. A
 * second subscription of the same consumer to the same shard within five seconds of the first is refused with
 * ResourceInUseException, as the service does. Thread-safe.
 */
final class ShardSubscriptions {
    static final long LIFETIME_MILLIS = 5 * 60_000;
    static final long RESUBSCRIBE_GUARD_MILLIS = 5_000;
    private static final long PUSH_MILLIS = 100;
    private static final long HEARTBEAT_MILLIS = 1_000;
    private static final int MAX_EVENT_RECORDS = 10_000;
    private static final long MAX_EVENT_BYTES = 2L * 1024 * 1024;

    private final KinesisStore store;
    private final StreamConsumers consumers;
    private final long lifetimeMillis;
    private final Map<String, Long> started = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService timer;

    ShardSubscriptions(KinesisStore store, StreamConsumers consumers) {
        this(store, consumers, LIFETIME_MILLIS);
    }

    /** With another lifetime than the service's five minutes: for tests of the end of a subscription. */
    ShardSubscriptions(KinesisStore store, StreamConsumers consumers, long lifetimeMillis) {
        this.store = store;
        this.consumers = consumers;
        this.lifetimeMillis = lifetimeMillis;
    }

    /** Answers SubscribeToShard: an error now, or an event stream that goes on for five minutes. */
    void subscribe(Fields in, HttpServer.Responder responder) {
        long now = store.now();
        String consumerArn = in.requiredText("ConsumerARN");
        String shardId = in.requiredText("ShardId");
        Fields position = in.object("StartingPosition");
        if (position == null) {
            throw AwsException.validation("1 validation error detected: Value null at 'startingPosition' failed to "
                    + "satisfy constraint: Member must not be null");
        }
        StreamConsumers.Consumer consumer = consumers.find(consumerArn, null, null, now);
        if (!consumer.status(now).equals("ACTIVE")) {
            throw AwsException.inUse("Consumer " + consumerArn + " under account " + KinesisLimits.ACCOUNT
                    + " is not ACTIVE.");
        }
        Stream stream = store.findActive(consumer.streamArn());
        Shard shard = stream.shard(shardId);
        if (shard == null) {
            throw AwsException.notFound("Shard " + shardId + " in stream " + stream.name() + " under account "
                    + KinesisLimits.ACCOUNT + " does not exist");
        }
        long counter = startingCounter(position, shard, now);
        String key = consumerArn + "|" + shardId;
        Long previous = started.get(key);
        if (previous != null && now - previous < RESUBSCRIBE_GUARD_MILLIS) {
            throw AwsException.inUse("Another active subscription exists for this consumer: " + consumerArn
                    + " and shard " + shardId + ". Only one subscription per consumer and shard is allowed every 5 "
                    + "seconds.");
        }
        started.put(key, now);
        JsonProtocol protocol = in.protocol();
        HttpServer.StreamedResponse out = responder.stream(200, Map.of("Content-Type",
                EventStreamMessages.CONTENT_TYPE, "x-amzn-RequestId", UUID.randomUUID().toString()));
        out.send(EventStreamMessages.event("initial-response", protocol.contentType(),
                protocol.respond(w -> { }).body()));
        new Subscription(out, protocol, stream, shard, counter, now).start(timer());
    }

    private long startingCounter(Fields position, Shard shard, long now) {
        String type = position.requiredText("Type");
        return switch (type) {
            case "TRIM_HORIZON" -> shard.firstCounter();
            case "LATEST" -> shard.nextCounter();
            case "AT_SEQUENCE_NUMBER" -> SequenceNumbers.counter(position.requiredText("SequenceNumber"), shard);
            case "AFTER_SEQUENCE_NUMBER" -> SequenceNumbers.counter(position.requiredText("SequenceNumber"), shard)
                    + 1;
            case "AT_TIMESTAMP" -> {
                Instant timestamp = position.timestamp("Timestamp");
                if (timestamp == null) {
                    throw AwsException.invalidArgument("Must specify timestamp for StartingPosition of type "
                            + "AT_TIMESTAMP.");
                }
                if (timestamp.toEpochMilli() > now) {
                    throw AwsException.invalidArgument("The timestamp cannot be in the future.");
                }
                yield shard.firstAtOrAfter(timestamp.toEpochMilli());
            }
            default -> throw AwsException.validation("1 validation error detected: Value '" + type + "' at "
                    + "'startingPosition.type' failed to satisfy constraint: Member must satisfy enum value set: "
                    + "[AFTER_SEQUENCE_NUMBER, AT_SEQUENCE_NUMBER, AT_TIMESTAMP, TRIM_HORIZON, LATEST]");
        };
    }

    private ScheduledExecutorService timer() {
        ScheduledExecutorService current = timer;
        if (current == null) {
            synchronized (this) {
                if (timer == null) {
                    timer = Executors.newSingleThreadScheduledExecutor(r -> {
                        Thread thread = new Thread(r, "kdg-local-subscriptions");
                        thread.setDaemon(true);
                        return thread;
                    });
                }
                current = timer;
            }
        }
        return current;
    }

    void close() {
        ScheduledExecutorService current = timer;
        if (current != null) {
            current.shutdownNow();
        }
    }

    /** One open subscription: where it is in its shard, and when it last sent an event. */
    private final class Subscription implements Runnable {
        private final HttpServer.StreamedResponse out;
        private final JsonProtocol protocol;
        private final Stream stream;
        private final Shard shard;
        private final long startedMillis;
        private long counter;
        private long lastEventMillis;
        private ScheduledFuture<?> task;

        Subscription(HttpServer.StreamedResponse out, JsonProtocol protocol, Stream stream, Shard shard, long counter,
                     long now) {
            this.out = out;
            this.protocol = protocol;
            this.stream = stream;
            this.shard = shard;
            this.counter = counter;
            this.startedMillis = now;
            this.lastEventMillis = now;
        }

        void start(ScheduledExecutorService timer) {
            task = timer.scheduleWithFixedDelay(this, 0, PUSH_MILLIS, TimeUnit.MILLISECONDS);
        }

        @Override
        public void run() {
            try {
                push();
            } catch (RuntimeException e) {
                // the stream is gone or the shard was deleted: end this subscription, the client resubscribes
                out.end();
                task.cancel(false);
            }
        }

        private void push() {
            long now = store.now();
            if (!out.isOpen() || store.find(stream.name()) != stream) {
                out.end();
                task.cancel(false);
                return;
            }
            if (now - startedMillis >= lifetimeMillis) {
                out.end();
                task.cancel(false);
                return;
            }
            Shard.Batch batch = shard.read(counter, MAX_EVENT_RECORDS, MAX_EVENT_BYTES);
            boolean empty = batch.size() == 0;
            // an empty event needs a continuation point, so none goes out before the first record (counter 0)
            long first = batch.firstCounter();
            if (empty && (now - lastEventMillis < HEARTBEAT_MILLIS || first == 0)) {
                return;
            }
            long next = first + batch.size();
            long behind = batch.nextArrival() < 0 ? 0 : Math.max(0, now - batch.nextArrival());
            byte[] payload = protocol.respond(w -> {
                w.startArray("Records");
                for (int i = 0; i < batch.size(); i++) {
                    w.startObject();
                    w.string("SequenceNumber", SequenceNumbers.of(shard, first + i));
                    w.timestamp("ApproximateArrivalTimestamp", batch.arrivals()[i]);
                    w.blob("Data", batch.data()[i]);
                    w.string("PartitionKey", batch.keys()[i]);
                    w.endObject();
                }
                w.endArray();
                w.string("ContinuationSequenceNumber", SequenceNumbers.of(shard, next - 1));
                w.number("MillisBehindLatest", behind);
            }).body();
            out.send(EventStreamMessages.event("SubscribeToShardEvent", protocol.contentType(), payload));
            counter = next;
            lastEventMillis = now;
        }
    }
}
