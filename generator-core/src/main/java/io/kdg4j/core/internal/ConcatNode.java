package io.kdg4j.core.internal;

import io.kdg4j.core.record.PreparedText;
import io.kdg4j.core.record.RecordTape;

/**
 * Text joined from parts, written to the tape as a PARTS run: constants as prepared text, generated scalars as
 * they are. Encoders copy the parts one after the other, so no String is built per record. A part that makes
 * an object or array is written as its JSON text.
 */
final class ConcatNode extends Node {
    private final Node[] parts;
    private final PreparedText[] constants;

    /** constants[i] is non-null when part i is a constant (then it is not generated at all). */
    ConcatNode(Node[] parts, PreparedText[] constants) {
        this.parts = parts;
        this.constants = constants;
    }

    @Override
    void generate(GenContext ctx, long seed) {
        RecordTape tape = ctx.tape;
        tape.startParts();
        for (int i = 0; i < parts.length; i++) {
            if (constants[i] != null) {
                tape.text(constants[i]);
                continue;
            }
            int mark = tape.size();
            parts[i].generate(ctx, Rng.child(seed, i));
            int code = tape.code(mark);
            if (code == RecordTape.OBJECT_START || code == RecordTape.ARRAY_START || code == RecordTape.NULL
                    || code == RecordTape.PARTS_START) {
                String text = tape.textAt(mark);
                tape.truncate(mark);
                tape.string(text);
            }
        }
        tape.endParts();
    }
}
