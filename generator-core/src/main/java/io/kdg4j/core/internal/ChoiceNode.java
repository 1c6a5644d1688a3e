package io.kdg4j.core.internal;

/** One option, uniformly (alias == null) or by weight through an alias table. */
final class ChoiceNode extends Node {
    private final Node[] options;
    private final AliasTable alias;
    private final boolean constantOptions;

    ChoiceNode(Node[] options, AliasTable alias) {
        this.options = options;
        this.alias = alias;
        boolean constant = true;
        for (Node option : options) {
            constant &= option.ignoresSeed();
        }
        this.constantOptions = constant;
    }

    @Override
    void generate(GenContext ctx, long seed) {
        Rng rng = ctx.rng;
        rng.reset(seed);
        int chosen = alias == null ? rng.nextInt(options.length) : alias.sample(rng);
        options[chosen].generate(ctx, constantOptions ? 0 : Rng.child(seed, chosen));
    }
}
