package io.kdg4j.core.internal;

import io.kdg4j.core.record.PreparedText;
import io.kdg4j.core.record.RecordTape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * An object's fields, each seeded from the object's stream and the field's name. Fields that other fields
 * derive from are generated first; when that changes the order, the finished segments are put back in declared
 * order so encoders see fields where the schema declared them.
 */
final class ObjectNode extends Node {
    private final PreparedText[] names;
    /** Per field, {@link Rng#saltKey} of the hash of its name: a field's seed costs one mix. */
    private final long[] nameKeys;
    private final Node[] values;
    private final int[] slots;
    /** Field indexes in generation order, or null when that is the declared order. */
    private final int[] generationOrder;
    /** For declared position j, its segment's rank in generation order. */
    private final int[] emissionOrder;
    /** Per field, the slots of nested objects' fields below it that some field reads. */
    private int[][] nestedSlots;
    /** Slots of this object's fields and nested fields that some field reads, cleared per instance. */
    private int[] clearedSlots;
    /** Whether positions must be recorded at all: some field reads a field of this object, or below it. */
    private boolean anyTracked;
    private final int stateSlot;

    ObjectNode(PreparedText[] names, Node[] values, int[] slots, int[] generationOrder, int[][] nestedSlots,
               int stateSlot) {
        this.names = names;
        this.values = values;
        this.slots = slots;
        this.generationOrder = generationOrder;
        this.nestedSlots = nestedSlots;
        this.stateSlot = stateSlot;
        this.nameKeys = new long[names.length];
        for (int i = 0; i < names.length; i++) {
            nameKeys[i] = Rng.saltKey(Rng.hash(names[i].text()));
        }
        track(null);
        if (generationOrder == null) {
            this.emissionOrder = null;
        } else {
            this.emissionOrder = new int[generationOrder.length];
            for (int rank = 0; rank < generationOrder.length; rank++) {
                emissionOrder[generationOrder[rank]] = rank;
            }
        }
    }

    /**
     * Keeps position bookkeeping only for the slots some field reads ({@code null}: all of them), so objects
     * nobody reads from pay nothing for it. Called by the compiler once every reference is known.
     */
    void track(Set<Integer> referenced) {
        anyTracked = generationOrder != null;
        List<Integer> cleared = new ArrayList<>();
        for (int i = 0; i < slots.length; i++) {
            boolean tracked = referenced == null || referenced.contains(slots[i]);
            anyTracked |= tracked;
            if (tracked) {
                cleared.add(slots[i]);
            }
            int[] nested = nestedSlots[i];
            nestedSlots[i] = Arrays.stream(nested).filter(slot -> referenced == null || referenced.contains(slot))
                    .toArray();
            for (int slot : nestedSlots[i]) {
                cleared.add(slot);
            }
            anyTracked |= nestedSlots[i].length > 0;
        }
        clearedSlots = cleared.stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    void generate(GenContext ctx, long seed) {
        RecordTape tape = ctx.tape;
        tape.startObject();
        if (!anyTracked) {
            for (int i = 0; i < values.length; i++) {
                tape.name(names[i]);
                values[i].generate(ctx, Rng.childOfKey(seed, nameKeys[i]));
            }
            tape.endObject();
            return;
        }
        int[] positions = ctx.positions;
        for (int slot : clearedSlots) {
            positions[slot] = -1;
        }
        if (generationOrder == null) {
            for (int i = 0; i < values.length; i++) {
                tape.name(names[i]);
                positions[slots[i]] = tape.size();
                values[i].generate(ctx, Rng.childOfKey(seed, nameKeys[i]));
            }
        } else {
            int[] segmentStarts = (int[]) ctx.state[stateSlot];
            if (segmentStarts == null) {
                segmentStarts = new int[values.length];
                ctx.state[stateSlot] = segmentStarts;
            }
            int from = tape.size();
            for (int rank = 0; rank < generationOrder.length; rank++) {
                int i = generationOrder[rank];
                segmentStarts[rank] = tape.size();
                tape.name(names[i]);
                positions[slots[i]] = tape.size();
                values[i].generate(ctx, Rng.childOfKey(seed, nameKeys[i]));
            }
            int end = tape.size();
            tape.reorderSegments(from, segmentStarts, emissionOrder);
            shiftPositions(positions, segmentStarts, from, end);
        }
        tape.endObject();
    }

    /** After reordering, moves the recorded positions of each field (and of fields nested in it) with it. */
    private void shiftPositions(int[] positions, int[] segmentStarts, int from, int end) {
        int at = from;
        for (int field = 0; field < values.length; field++) {
            int rank = emissionOrder[field];
            int oldStart = segmentStarts[rank];
            int oldEnd = rank + 1 < segmentStarts.length ? segmentStarts[rank + 1] : end;
            int delta = at - oldStart;
            positions[slots[field]] += delta;
            for (int nested : nestedSlots[field]) {
                if (positions[nested] >= 0) {
                    positions[nested] += delta;
                }
            }
            at += oldEnd - oldStart;
        }
    }
}
