package io.kdg4j.core.scenario;

import io.kdg4j.core.RecordSchema;
import io.kdg4j.core.SchemaException;
import io.kdg4j.core.internal.EntityTable;
import io.kdg4j.core.internal.Rng;
import io.kdg4j.core.schema.FieldSpec;
import io.kdg4j.core.schema.ObjectSpec;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A fixed set of entities (customers, devices, products): entity i's attributes are a pure function of
 * (run seed, population name, i), so any thread or process looks an entity up without coordination and every
 * reference to entity i agrees with every other.
 *
 * <pre>{@code
 * Population customers = Population.of("customer", 10_000, Fields.record(
 *         field("customer_id", concat(constant("C-"), sequence())),
 *         field("tier", choice("gold", "silver", "bronze"))),
 *     "customer_id");
 * }</pre>
 *
 * <p>The attributes are a record schema made with the entity index as the record index, so
 * {@link io.kdg4j.core.Fields#sequence()} is the entity index: the natural key. Fields that read the clock read
 * {@link #asOf()} (the epoch unless set), never the wall clock, so entities do not change between runs.
 */
public final class Population {
    private final String name;
    private final int size;
    private final RecordSchema attributes;
    private final String keyField;
    private final Instant asOf;

    private Population(String name, int size, RecordSchema attributes, String keyField, Instant asOf) {
        this.name = Objects.requireNonNull(name, "name");
        this.size = size;
        this.attributes = Objects.requireNonNull(attributes, "attributes");
        this.keyField = Objects.requireNonNull(keyField, "keyField");
        this.asOf = Objects.requireNonNull(asOf, "asOf");
        if (name.isBlank()) {
            throw new SchemaException(List.of("population: name must not be blank"));
        }
        if (size < 1) {
            throw new SchemaException(List.of("population '" + name + "': size must be at least 1 but was " + size));
        }
        if (!(attributes.root() instanceof ObjectSpec object)
                || object.fields().stream().map(FieldSpec::name).noneMatch(keyField::equals)) {
            throw new SchemaException(List.of("population '" + name + "': key field '" + keyField
                    + "' is not a top-level field of its attributes"));
        }
    }

    /** {@code size} entities with these attributes, identified by the top-level field {@code keyField}. */
    public static Population of(String name, int size, RecordSchema attributes, String keyField) {
        return new Population(name, size, attributes, keyField, Instant.EPOCH);
    }

    /** A copy whose attributes that read the clock see {@code instant}. */
    public Population asOf(Instant instant) {
        return new Population(name, size, attributes, keyField, instant);
    }

    public String name() {
        return name;
    }

    public int size() {
        return size;
    }

    public RecordSchema attributes() {
        return attributes;
    }

    public String keyField() {
        return keyField;
    }

    public Instant asOf() {
        return asOf;
    }

    /** The seed entity attributes are made from in a run seeded with {@code runSeed}. */
    public long entitySeed(long runSeed) {
        return Rng.child(Rng.mix(runSeed), Rng.hash("population:" + name));
    }

    /**
     * Entity {@code index}'s attributes in a run seeded with {@code runSeed}, as JSON-like Java values: what a
     * consumer under test compares its joins with. Each call makes a new table; hold an {@link EntityTable}
     * for many lookups.
     */
    public Map<String, Object> entity(long runSeed, int index) {
        return new EntityTable(this, runSeed).attributes(index);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Population other && other.name.equals(name) && other.size == size
                && other.attributes.equals(attributes) && other.keyField.equals(keyField) && other.asOf.equals(asOf);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, size, attributes, keyField, asOf);
    }

    @Override
    public String toString() {
        return "Population[" + name + ", " + size + " entities, key " + keyField + "]";
    }
}
