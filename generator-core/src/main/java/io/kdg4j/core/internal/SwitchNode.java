package io.kdg4j.core.internal;

import java.util.Map;

/** Generates the case whose key equals the text of a field made before it. */
final class SwitchNode extends Node {
    private final int sourceSlot;
    private final Map<String, Integer> caseByKey;
    private final Node[] cases;
    private final Node otherwise;

    SwitchNode(int sourceSlot, Map<String, Integer> caseByKey, Node[] cases, Node otherwise) {
        this.sourceSlot = sourceSlot;
        this.caseByKey = caseByKey;
        this.cases = cases;
        this.otherwise = otherwise;
    }

    @Override
    void generate(GenContext ctx, long seed) {
        int position = ctx.positions[sourceSlot];
        Integer chosen = position < 0 ? null : caseByKey.get(ctx.tape.textAt(position));
        if (chosen == null) {
            otherwise.generate(ctx, Rng.child(seed, -1));
        } else {
            cases[chosen].generate(ctx, Rng.child(seed, chosen));
        }
    }
}
