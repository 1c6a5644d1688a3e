package io.kdg4j.core.internal;

final class ArrayNode extends Node {
    private final Node element;
    private final int minLength;
    private final int lengthChoices;

    ArrayNode(Node element, int minLength, int maxLength) {
        this.element = element;
        this.minLength = minLength;
        this.lengthChoices = maxLength - minLength + 1;
    }

    @Override
    void generate(GenContext ctx, long seed) {
        ctx.rng.reset(seed);
        int length = lengthChoices == 1 ? minLength : minLength + ctx.rng.nextInt(lengthChoices);
        ctx.tape.startArray();
        for (int i = 0; i < length; i++) {
            element.generate(ctx, Rng.child(seed, i));
        }
        ctx.tape.endArray();
    }
}
