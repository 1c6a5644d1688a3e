package io.kdg4j.core.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One of several options: uniform when {@code weights} is empty, else option i with probability
 * weights[i] / sum(weights). Weights need not sum to 1; sampling is exact (no rounding of weights).
 */
public record ChoiceSpec(List<ValueSpec> options, List<Double> weights) implements ValueSpec {
    public ChoiceSpec {
        options = List.copyOf(options);
        weights = List.copyOf(weights);
    }

    /** A copy with one more option of the given weight (a non-negative number, relative to the others). */
    public ChoiceSpec option(Object value, double weight) {
        if (!options.isEmpty() && weights.isEmpty()) {
            throw new IllegalStateException("this choice is uniform (made with oneOf); start a weighted one with "
                    + "Fields.weighted() to give options weights");
        }
        List<ValueSpec> newOptions = new ArrayList<>(options);
        newOptions.add(Specs.toSpec(value));
        List<Double> newWeights = new ArrayList<>(weights);
        newWeights.add(weight);
        return new ChoiceSpec(newOptions, newWeights);
    }

    public boolean weighted() {
        return !weights.isEmpty();
    }

    static ChoiceSpec uniform(List<?> values) {
        Objects.requireNonNull(values, "values");
        List<ValueSpec> options = new ArrayList<>(values.size());
        for (Object value : values) {
            options.add(Specs.toSpec(value));
        }
        return new ChoiceSpec(options, List.of());
    }
}
