package io.kdg4j.core.internal;

import io.kdg4j.core.record.PreparedText;
import io.kdg4j.core.record.RecordTape;

/**
 * An object's fields, each seeded from the object's stream and the field's name. Fields that other fields
 * derive from are generated first; when that changes the order, the finished segments are put back in declared
 * order so encoders see fields where the schema declared them.
 */
final class ObjectNode extends Node {
    private final PreparedText[] names;
    private final long[] nameHashes;
    private final Node[] values;
    private final int[] slots;
    /** Field indexes in generation order, or null when that is the declared order. */
    private final int[] generationOrder;
    /** For declared position j, its segment's rank in generation order. */
    private final int[] emissionOrder;
    /** Per field, the slots of nested objects' fields below it that are reachable by path. */
    private final int[][] nestedSlots;
    /** Slots of this object's fields and of every nested slot, cleared per instance. */
    private final int[] clearedSlots;
    private final int stateSlot;

    ObjectNode(PreparedText[] names, Node[] values, int[] slots, int[] generationOrder, int[][] nestedSlots,
               int stateSlot) {
        this.names = names;
        this.values = values;
        this.slots = slots;
        this.generationOrder = generationOrder;
        this.nestedSlots = nestedSlots;
        this.stateSlot = stateSlot;
        int cleared = slots.length;
        for (int[] nested : nestedSlots) {
            cleared += nested.length;
        }
        this.clearedSlots = new int[cleared];
        System.arraycopy(slots, 0, clearedSlots, 0, slots.length);
        int at = slots.length;
        for (int[] nested : nestedSlots) {
            System.arraycopy(nested, 0, clearedSlots, at, nested.length);
            at += nested.length;
        }
        this.nameHashes = new long[names.length];
        for (int i = 0; i < names.length; i++) {
            nameHashes[i] = Rng.hash(names[i].text());
        }
        if (generationOrder == null) {
            this.emissionOrder = null;
        } else {
            this.emissionOrder = new int[generationOrder.length];
            for (int rank = 0; rank < generationOrder.length; rank++) {
                emissionOrder[generationOrder[rank]] = rank;
            }
        }
    }

    @Override
    void generate(GenContext ctx, long seed) {
        RecordTape tape = ctx.tape;
        int[] positions = ctx.positions;
        for (int slot : clearedSlots) {
            positions[slot] = -1;
        }
        tape.startObject();
        if (generationOrder == null) {
            for (int i = 0; i < values.length; i++) {
                tape.name(names[i]);
                positions[slots[i]] = tape.size();
                values[i].generate(ctx, Rng.child(seed, nameHashes[i]));
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
                values[i].generate(ctx, Rng.child(seed, nameHashes[i]));
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
