package io.kdg4j.core.internal;

import java.util.Locale;

/** {@code ${field}} placeholders filled with the text of fields generated before it. */
final class TemplateNode extends Node {
    private final String[] literals;
    private final int[] slots;
    private final boolean lowerCase;

    /** literals has one more entry than slots: literal, field, literal, ..., literal. */
    TemplateNode(String[] literals, int[] slots, boolean lowerCase) {
        this.literals = literals;
        this.slots = slots;
        this.lowerCase = lowerCase;
    }

    @Override
    void generate(GenContext ctx, long seed) {
        StringBuilder text = ctx.text;
        text.setLength(0);
        text.append(literals[0]);
        for (int i = 0; i < slots.length; i++) {
            int position = ctx.positions[slots[i]];
            if (position >= 0) {
                text.append(ctx.tape.textAt(position));
            }
            text.append(literals[i + 1]);
        }
        String value = text.toString();
        ctx.tape.string(lowerCase ? value.toLowerCase(Locale.ROOT) : value);
    }
}
