package io.kdg4j.core.internal;

import io.kdg4j.core.record.PreparedText;

/**
 * A Datafaker key whose values are a plain word list (address.state, name.first_name...): the list is read
 * once at compile time and picked from uniformly, as Datafaker would, at a fraction of the cost of resolving
 * the expression per record.
 */
final class DictionaryNode extends Node {
    private final PreparedText[] words;

    DictionaryNode(PreparedText[] words) {
        this.words = words;
    }

    @Override
    void generate(GenContext ctx, long seed) {
        ctx.rng.reset(seed);
        ctx.tape.text(words[ctx.rng.nextInt(words.length)]);
    }
}
