package io.kdg4j.core.internal;

import io.kdg4j.core.record.RecordTape;

/** The texts of several parts joined: each part is generated on the tape, read back as text and removed. */
final class ConcatNode extends Node {
    private final Node[] parts;
    private final String[] constantTexts;

    /** constantTexts[i] is non-null when part i is a constant (then it is not generated at all). */
    ConcatNode(Node[] parts, String[] constantTexts) {
        this.parts = parts;
        this.constantTexts = constantTexts;
    }

    @Override
    void generate(GenContext ctx, long seed) {
        RecordTape tape = ctx.tape;
        StringBuilder text = new StringBuilder(32);
        for (int i = 0; i < parts.length; i++) {
            if (constantTexts[i] != null) {
                text.append(constantTexts[i]);
                continue;
            }
            int mark = tape.size();
            parts[i].generate(ctx, Rng.child(seed, i));
            text.append(tape.textAt(mark));
            tape.truncate(mark);
        }
        tape.string(text.toString());
    }
}
