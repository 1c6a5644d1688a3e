package io.kdg4j.core.internal;

import io.kdg4j.core.scenario.Pick;
import io.kdg4j.core.scenario.Population;

/**
 * A key or attribute of an entity. Every reference to one population in a record shares a state slot, so the
 * entity is picked once per record (or is the scenario event's own entity) and all its fields agree.
 */
final class RefNode extends Node {
    private final Population population;
    private final String path;
    private final Pick pick;
    private final int stateSlot;
    private final long pickSaltKey;

    RefNode(Population population, String path, Pick pick, int stateSlot) {
        this.population = population;
        this.path = path;
        this.pick = pick;
        this.stateSlot = stateSlot;
        this.pickSaltKey = Rng.saltKey(Rng.hash("ref:" + population.name()));
    }

    /** The entity this record refers to, shared by every reference to the population. */
    private static final class Chosen {
        final EntityTable table;
        long generation = -1;
        int entity;

        Chosen(EntityTable table) {
            this.table = table;
        }
    }

    @Override
    void generate(GenContext ctx, long seed) {
        Chosen chosen = (Chosen) ctx.state[stateSlot];
        if (chosen == null) {
            chosen = new Chosen(new EntityTable(population, ctx.runSeed));
            ctx.state[stateSlot] = chosen;
        }
        if (chosen.generation != ctx.generation) {
            EventSlot event = ctx.event;
            if (event != null && (population == event.owner || population.equals(event.owner))) {
                chosen.entity = event.ownerEntity;
            } else {
                ctx.rng.reset(Rng.childOfKey(ctx.recordSeed, pickSaltKey));
                int arrived = event == null ? population.size() : event.arrived(population);
                chosen.entity = chosen.table.pick(pick, ctx.rng, arrived);
            }
            chosen.generation = ctx.generation;
        }
        Object value = path == null ? chosen.table.attributes(chosen.entity).get(population.keyField())
                : chosen.table.attribute(chosen.entity, path);
        JavaValues.write(value, ctx.tape, path);
    }

    @Override
    boolean ignoresSeed() {
        return true;
    }
}
