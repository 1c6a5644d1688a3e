package io.kdg4j.local.internal.kinesis;

import io.kdg4j.local.internal.protocol.AwsException;

/**
 * Sequence numbers: "49", the shard index in 6 digits, the record's counter in 20 digits. Fixed width, so they
 * increase per shard both as numbers and as text, as clients that compare them either way expect.
 */
final class SequenceNumbers {
    private static final int LENGTH = 28;

    private SequenceNumbers() {
    }

    /**
     * Writes the sequence number into {@code out} (28 ASCII digits) without making a String. Divides only while
     * digits remain and pads with zeros: counters are small, and twenty long divisions per record were a tenth of
     * the PutRecords work.
     */
    static void write(Shard shard, long counter, byte[] out) {
        write(shard, counter, out, 0);
    }

    /** As {@link #write(Shard, long, byte[])}, at {@code offset} in {@code out}. */
    static void write(Shard shard, long counter, byte[] out, int offset) {
        out[offset] = '4';
        out[offset + 1] = '9';
        int index = shard.index();
        for (int i = offset + 7; i >= offset + 2; i--) {
            out[i] = (byte) ('0' + index % 10);
            index /= 10;
        }
        int i = offset + LENGTH - 1;
        while (counter > 0) {
            out[i--] = (byte) ('0' + counter % 10);
            counter /= 10;
        }
        while (i >= offset + 8) {
            out[i--] = '0';
        }
    }

    /** Writes the sequence number into {@code out} (28 chars) without making a String. */
    static void write(Shard shard, long counter, char[] out) {
        out[0] = '4';
        out[1] = '9';
        int index = shard.index();
        for (int i = 7; i >= 2; i--) {
            out[i] = (char) ('0' + index % 10);
            index /= 10;
        }
        for (int i = LENGTH - 1; i >= 8; i--) {
            out[i] = (char) ('0' + counter % 10);
            counter /= 10;
        }
    }

    static int length() {
        return LENGTH;
    }

    static String of(Shard shard, long counter) {
        StringBuilder text = new StringBuilder(LENGTH).append("49");
        String index = Integer.toString(shard.index());
        text.append("0".repeat(6 - index.length())).append(index);
        String count = Long.toString(counter);
        return text.append("0".repeat(20 - count.length())).append(count).toString();
    }

    /** The counter a sequence number of {@code shard} stands for. */
    static long counter(String sequenceNumber, Shard shard) {
        if (sequenceNumber == null || sequenceNumber.length() != LENGTH || !sequenceNumber.startsWith("49")
                || !sequenceNumber.chars().allMatch(Character::isDigit)) {
            throw AwsException.invalidArgument("StartingSequenceNumber " + sequenceNumber + " used in "
                    + "GetShardIterator on shard " + shard.id() + " is invalid.");
        }
        int index = Integer.parseInt(sequenceNumber.substring(2, 8));
        if (index != shard.index()) {
            throw AwsException.invalidArgument("Invalid StartingSequenceNumber. It encodes " + String.format(
                    "shardId-%012d", index) + ", while it was used in a call to a shard with " + shard.id());
        }
        return Long.parseLong(sequenceNumber.substring(8));
    }
}
