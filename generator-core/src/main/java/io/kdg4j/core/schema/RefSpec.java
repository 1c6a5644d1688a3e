package io.kdg4j.core.schema;

import io.kdg4j.core.scenario.Pick;
import io.kdg4j.core.scenario.Population;
import java.util.Map;
import java.util.Objects;

/**
 * A reference to an entity of a population: the entity's key, or one of its attributes ({@link #field}).
 * A record picks one entity per population, however many fields refer to it, so an order's customer id and
 * customer tier always belong to the same customer. In a scenario stream owned by the population, the entity
 * is the event's own.
 *
 * @param field the attribute copied (a top-level name or a dotted path), or null for the entity's key
 */
public record RefSpec(Population population, String field, Pick pick) implements ValueSpec {
    public RefSpec {
        Objects.requireNonNull(population, "population");
        Objects.requireNonNull(pick, "pick");
    }

    /** The same reference copying attribute {@code path} instead. */
    public RefSpec field(String path) {
        return new RefSpec(population, Objects.requireNonNull(path, "path"), pick);
    }

    /** The same reference copying the entity's key. */
    public RefSpec key() {
        return new RefSpec(population, null, pick);
    }

    /** Entities picked with Zipf-distributed popularity: entity 0 hottest. */
    public RefSpec zipf(double exponent) {
        return new RefSpec(population, field, new Pick.Zipf(exponent));
    }

    /** Entities picked with the weight their attribute {@code attribute} maps to (others weigh 0). */
    public RefSpec weightedBy(String attribute, Map<String, Double> weightByValue) {
        return new RefSpec(population, field, new Pick.Weighted(attribute, weightByValue, 0));
    }

    /** The path copied, for messages: the key field when no attribute is named. */
    public String copiedPath() {
        return field == null ? population.keyField() : field;
    }
}
