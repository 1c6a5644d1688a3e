package io.kdg4j.local.internal.kinesis;

import io.kdg4j.local.internal.protocol.AwsException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Opaque shard iterators: stream, shard, next counter and creation time, base64-encoded. */
final class ShardIterators {
    private ShardIterators() {
    }

    record Position(String stream, String shardId, long counter, long createdMillis) {
    }

    static String encode(String stream, String shardId, long counter, long createdMillis) {
        String text = "kdg4j|" + stream + "|" + shardId + "|" + counter + "|" + createdMillis;
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static Position decode(String iterator) {
        try {
            String text = new String(Base64.getDecoder().decode(iterator), StandardCharsets.UTF_8);
            String[] parts = text.split("\\|");
            if (parts.length != 5 || !parts[0].equals("kdg4j")) {
                throw new IllegalArgumentException();
            }
            return new Position(parts[1], parts[2], Long.parseLong(parts[3]), Long.parseLong(parts[4]));
        } catch (IllegalArgumentException e) {
            throw AwsException.invalidArgument("Invalid ShardIterator.");
        }
    }
}
