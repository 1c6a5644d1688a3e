package io.kdg4j.core.scenario;

import java.util.Map;

/**
 * How a reference chooses an entity of a population: uniformly, Zipf-distributed (entity 0 hottest, a few
 * entities take most references) or weighted by the value of one of the entity's attributes.
 */
public sealed interface Pick {
    Pick UNIFORM = new Uniform();

    /** Every entity equally likely. */
    record Uniform() implements Pick {
    }

    /** Entity k (from 0) with probability proportional to 1/(k+1)^exponent. */
    record Zipf(double exponent) implements Pick {
    }

    /** Each entity with the weight its attribute {@code field} maps to (absent values weigh {@code otherwise}). */
    record Weighted(String field, Map<String, Double> weightByValue, double otherwise) implements Pick {
        public Weighted {
            weightByValue = Map.copyOf(weightByValue);
        }
    }
}
