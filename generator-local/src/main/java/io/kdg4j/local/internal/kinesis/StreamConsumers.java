package io.kdg4j.local.internal.kinesis;

import io.kdg4j.local.internal.protocol.AwsException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Enhanced fan-out consumers of each stream: registered CREATING, ACTIVE after the creation delay, DELETING for
 * as long once deregistered, at most {@value #MAX_PER_STREAM} per stream, as the service does. Thread-safe.
 */
final class StreamConsumers {
    static final int MAX_PER_STREAM = 20;

    /** One registered consumer. */
    record Consumer(String streamArn, String name, String arn, long createdMillis, long activeAtMillis,
                    long deletingSinceMillis) {
        String status(long now) {
            if (deletingSinceMillis >= 0) {
                return "DELETING";
            }
            return now < activeAtMillis ? "CREATING" : "ACTIVE";
        }
    }

    private final Map<String, Consumer> byArn = new LinkedHashMap<>();
    private final long creationDelayMillis;

    StreamConsumers(long creationDelayMillis) {
        this.creationDelayMillis = creationDelayMillis;
    }

    synchronized Consumer register(String streamArn, String name, long now) {
        sweep(now);
        List<Consumer> ofStream = ofStream(streamArn, now);
        for (Consumer consumer : ofStream) {
            if (consumer.name().equals(name)) {
                throw AwsException.inUse("Consumer " + consumer.arn() + " under account " + KinesisLimits.ACCOUNT
                        + " already exists.");
            }
        }
        if (ofStream.size() >= MAX_PER_STREAM) {
            throw AwsException.limitExceeded("Consumer limit of " + MAX_PER_STREAM + " reached for stream "
                    + streamArn + " under account " + KinesisLimits.ACCOUNT + ".");
        }
        Consumer consumer = new Consumer(streamArn, name, streamArn + "/consumer/" + name + ":" + now / 1000, now,
                now + creationDelayMillis, -1);
        byArn.put(consumer.arn(), consumer);
        return consumer;
    }

    /** By ConsumerARN, or by StreamARN and ConsumerName; ResourceNotFoundException when there is none. */
    synchronized Consumer find(String consumerArn, String streamArn, String name, long now) {
        sweep(now);
        if (consumerArn != null) {
            Consumer consumer = byArn.get(consumerArn);
            if (consumer == null) {
                throw AwsException.notFound("Consumer " + consumerArn + " under account " + KinesisLimits.ACCOUNT
                        + " not found.");
            }
            return consumer;
        }
        if (streamArn == null || name == null) {
            throw AwsException.invalidArgument("Either ConsumerARN or both StreamARN and ConsumerName must be "
                    + "provided.");
        }
        for (Consumer consumer : byArn.values()) {
            if (consumer.streamArn().equals(streamArn) && consumer.name().equals(name)) {
                return consumer;
            }
        }
        throw AwsException.notFound("Consumer " + name + " under account " + KinesisLimits.ACCOUNT
                + " not found.");
    }

    synchronized Consumer deregister(String consumerArn, String streamArn, String name, long now) {
        Consumer consumer = find(consumerArn, streamArn, name, now);
        Consumer deleting = new Consumer(consumer.streamArn(), consumer.name(), consumer.arn(),
                consumer.createdMillis(), consumer.activeAtMillis(), now);
        byArn.put(consumer.arn(), deleting);
        return deleting;
    }

    synchronized List<Consumer> ofStream(String streamArn, long now) {
        sweep(now);
        List<Consumer> found = new ArrayList<>();
        for (Consumer consumer : byArn.values()) {
            if (consumer.streamArn().equals(streamArn)) {
                found.add(consumer);
            }
        }
        return found;
    }

    /** Forgets the consumers of a deleted stream. */
    synchronized void removeStream(String streamArn) {
        byArn.values().removeIf(c -> c.streamArn().equals(streamArn));
    }

    private void sweep(long now) {
        byArn.values().removeIf(c -> c.deletingSinceMillis() >= 0 && now - c.deletingSinceMillis()
                >= creationDelayMillis);
    }
}
