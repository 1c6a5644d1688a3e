package io.kdg4j.core.internal;

import io.kdg4j.core.KdgException;
import io.kdg4j.core.schema.FieldValues;
import java.util.Map;
import java.util.function.Function;

/** A user function over fields generated before it in the same record. */
final class DerivedNode extends Node {
    private final Map<String, Integer> slotBySource;
    private final Function<FieldValues, ?> function;
    private final String path;

    DerivedNode(Map<String, Integer> slotBySource, Function<FieldValues, ?> function, String path) {
        this.slotBySource = slotBySource;
        this.function = function;
        this.path = path;
    }

    @Override
    void generate(GenContext ctx, long seed) {
        Object value;
        try {
            value = function.apply(new TapeFieldValues(ctx, slotBySource, path));
        } catch (KdgException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new KdgException("field '" + path + "': the derived function failed for record " + ctx.index
                    + ": " + e, e);
        }
        JavaValues.write(value, ctx.tape, path);
    }
}
