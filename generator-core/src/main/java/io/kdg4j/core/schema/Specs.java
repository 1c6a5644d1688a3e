package io.kdg4j.core.schema;

import java.util.ArrayList;
import java.util.List;

/** Conversions shared by the factories: a plain value where a spec is expected is a constant. */
public final class Specs {
    private Specs() {
    }

    public static ValueSpec toSpec(Object value) {
        return value instanceof ValueSpec spec ? spec : new ConstantSpec(value);
    }

    public static List<ValueSpec> toSpecs(List<?> values) {
        List<ValueSpec> specs = new ArrayList<>(values.size());
        for (Object value : values) {
            specs.add(toSpec(value));
        }
        return specs;
    }
}
