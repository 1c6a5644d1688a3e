package io.kdg4j.core.internal;

import io.kdg4j.core.record.RecordTape;
import io.kdg4j.core.record.Token;

/** How a record's partition key is made, after the record itself. */
abstract class PartitionKeyPlan {
    private static final long KEY_SALT = 0x6b6579L;
    private static final long KDG_KEY_BOUND = 10_000_000_000L;

    abstract String key(GenContext ctx, long recordSeed);

    static PartitionKeyPlan random() {
        return new PartitionKeyPlan() {
            @Override
            String key(GenContext ctx, long recordSeed) {
                ctx.rng.reset(Rng.child(recordSeed, KEY_SALT));
                return Long.toString(ctx.rng.nextLong(KDG_KEY_BOUND));
            }
        };
    }

    static PartitionKeyPlan constant(String key) {
        return new PartitionKeyPlan() {
            @Override
            String key(GenContext ctx, long recordSeed) {
                return key;
            }
        };
    }

    /** literals has one more entry than paths: literal, field, literal, ..., literal. */
    static PartitionKeyPlan template(String[] literals, String[][] paths) {
        return new PartitionKeyPlan() {
            @Override
            String key(GenContext ctx, long recordSeed) {
                if (paths.length == 1 && literals[0].isEmpty() && literals[1].isEmpty()) {
                    return textAt(ctx.tape, paths[0]);
                }
                StringBuilder text = new StringBuilder(literals[0]);
                for (int i = 0; i < paths.length; i++) {
                    text.append(textAt(ctx.tape, paths[i])).append(literals[i + 1]);
                }
                return text.toString();
            }
        };
    }

    /** The text of the value at a path of names from the root object; empty when absent or null. */
    static String textAt(RecordTape tape, String[] path) {
        int position = 0;
        for (String name : path) {
            if (tape.token(position) != Token.OBJECT_START) {
                return "";
            }
            int i = position + 1;
            position = -1;
            while (tape.token(i) == Token.NAME) {
                if (tape.stringAt(i).equals(name)) {
                    position = i + 1;
                    break;
                }
                i = tape.skip(i + 1);
            }
            if (position < 0) {
                return "";
            }
        }
        return tape.textAt(position);
    }
}
