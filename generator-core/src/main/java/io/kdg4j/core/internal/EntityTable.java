package io.kdg4j.core.internal;

import io.kdg4j.core.KdgException;
import io.kdg4j.core.RecordGenerator;
import io.kdg4j.core.scenario.Pick;
import io.kdg4j.core.scenario.Population;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * One run's view of a population: entity attributes made on demand and kept in a small direct-mapped cache
 * (references cluster on hot entities, and an entity costs a whole record to make), and the samplers that pick
 * entities. Not thread-safe: one per generator.
 */
public final class EntityTable {
    private static final int MAX_CACHE = 1 << 14;
    /** Rejection rounds before a pick among the entities that have arrived falls back to a uniform one. */
    private static final int PICK_ROUNDS = 16;

    private final Population population;
    private final long runSeed;
    private final RecordGenerator generator;
    private final int mask;
    private final int[] cachedIndex;
    private final Object[] cached;
    private final Map<Pick, Object> samplers = new HashMap<>();

    public EntityTable(Population population, long runSeed) {
        this.population = population;
        this.runSeed = runSeed;
        this.generator = RecordGenerator.of(population.attributes(), population.entitySeed(runSeed),
                Clock.fixed(population.asOf(), ZoneOffset.UTC));
        int capacity = Integer.highestOneBit(Math.min(MAX_CACHE, Math.max(1, population.size()) * 2 - 1));
        this.mask = capacity - 1;
        this.cachedIndex = new int[capacity];
        Arrays.fill(cachedIndex, -1);
        this.cached = new Object[capacity];
    }

    public Population population() {
        return population;
    }

    public long runSeed() {
        return runSeed;
    }

    /** Entity {@code index}'s attributes (shared: do not change them). */
    @SuppressWarnings("unchecked")
    public Map<String, Object> attributes(int index) {
        if (index < 0 || index >= population.size()) {
            throw new IndexOutOfBoundsException("population '" + population.name() + "' has " + population.size()
                    + " entities; there is no entity " + index);
        }
        int slot = index & mask;
        if (cachedIndex[slot] != index) {
            cached[slot] = generator.generate(index).toValue();
            cachedIndex[slot] = index;
        }
        return (Map<String, Object>) cached[slot];
    }

    /** An attribute of entity {@code index}: a top-level field or a dotted path into nested objects. */
    public Object attribute(int index, String path) {
        Object value = attributes(index);
        int from = 0;
        while (value instanceof Map<?, ?> map) {
            int dot = path.indexOf('.', from);
            String name = dot < 0 ? path.substring(from) : path.substring(from, dot);
            value = map.get(name);
            if (dot < 0) {
                return value;
            }
            from = dot + 1;
        }
        throw new KdgException("population '" + population.name() + "': attribute path '" + path
                + "' goes through a value that is not an object");
    }

    /** The key of entity {@code index} as text (the partition key of its events). */
    public String key(int index) {
        Object key = attributes(index).get(population.keyField());
        return key == null ? "null" : key.toString();
    }

    /** An entity index in [0, available), drawn from {@code rng} as {@code pick} says. */
    public int pick(Pick pick, Rng rng, int available) {
        if (available <= 0) {
            throw new KdgException("population '" + population.name() + "' has no entity yet to refer to");
        }
        if (pick instanceof Pick.Uniform) {
            return rng.nextInt(available);
        }
        // Rejection keeps the exact distribution conditioned on the entities that have arrived.
        for (int round = 0; round < PICK_ROUNDS; round++) {
            int entity = draw(pick, rng);
            if (entity < available) {
                return entity;
            }
        }
        return rng.nextInt(available);
    }

    private int draw(Pick pick, Rng rng) {
        Object sampler = samplers.computeIfAbsent(pick, this::sampler);
        if (sampler instanceof ZipfSampler zipf) {
            return (int) (zipf.sample(rng) - 1);
        }
        return ((AliasTable) sampler).sample(rng);
    }

    private Object sampler(Pick pick) {
        if (pick instanceof Pick.Zipf zipf) {
            return new ZipfSampler(population.size(), zipf.exponent());
        }
        Pick.Weighted weighted = (Pick.Weighted) pick;
        double[] weights = new double[population.size()];
        for (int i = 0; i < weights.length; i++) {
            Object value = attribute(i, weighted.field());
            Double weight = value == null ? null : weighted.weightByValue().get(value.toString());
            weights[i] = weight == null ? weighted.otherwise() : weight;
        }
        return new AliasTable(weights);
    }
}
