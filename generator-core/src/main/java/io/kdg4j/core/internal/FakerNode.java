package io.kdg4j.core.internal;

import java.util.function.Function;
import net.datafaker.Faker;

/** A Datafaker expression or provider call, evaluated per record with the field's seeded stream. */
final class FakerNode extends Node {
    private final String expression;
    private final Function<Faker, ?> function;
    private final int localeSlot;
    private final String path;

    FakerNode(String expression, Function<Faker, ?> function, int localeSlot, String path) {
        this.expression = expression;
        this.function = function;
        this.localeSlot = localeSlot;
        this.path = path;
    }

    @Override
    void generate(GenContext ctx, long seed) {
        Faker faker = ctx.faker(localeSlot);
        ctx.rng.reset(seed);
        Object value;
        try {
            value = function != null ? function.apply(faker) : faker.expression(expression);
        } catch (RuntimeException e) {
            throw new io.kdg4j.core.KdgException("field '" + path + "': the Datafaker call failed for record "
                    + ctx.index + ": " + e.getMessage(), e);
        }
        JavaValues.write(value, ctx.tape, path);
    }
}
