package io.kdg4j.core.scenario;

import java.util.Arrays;

/**
 * The scenario's next events, earliest first: a binary heap ordered by (time, priority, entity), a total order
 * because no two pending events share a priority and an entity. Written out rather than a PriorityQueue so the
 * comparison is three long compares, not a Comparator call: the planner pops once per event.
 */
final class PendingHeap {
    private Pending[] heap = new Pending[64];
    private int size;

    boolean isEmpty() {
        return size == 0;
    }

    Pending peek() {
        return heap[0];
    }

    void push(Pending pending) {
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
        }
        int at = size++;
        while (at > 0) {
            int parent = (at - 1) >>> 1;
            if (!before(pending, heap[parent])) {
                break;
            }
            heap[at] = heap[parent];
            at = parent;
        }
        heap[at] = pending;
    }

    Pending pop() {
        Pending top = heap[0];
        Pending last = heap[--size];
        heap[size] = null;
        if (size > 0) {
            siftDown(last);
        }
        return top;
    }

    /**
     * Puts the top back in its place after its time moved on: one walk down from the root, which stops at once
     * when it is still the earliest (a fast periodic stream among slow sessions), where a pop and a push would
     * walk the whole height twice.
     */
    void topChanged() {
        siftDown(heap[0]);
    }

    private void siftDown(Pending moving) {
        int at = 0;
        while (true) {
            int child = 2 * at + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && before(heap[child + 1], heap[child])) {
                child++;
            }
            if (!before(heap[child], moving)) {
                break;
            }
            heap[at] = heap[child];
            at = child;
        }
        heap[at] = moving;
    }

    private static boolean before(Pending a, Pending b) {
        if (a.time != b.time) {
            return a.time < b.time;
        }
        if (a.priority != b.priority) {
            return a.priority < b.priority;
        }
        return a.entity < b.entity;
    }

    /** A source's next event: an arrival, a periodic event or an entity's next state. Reused after each pop. */
    static final class Pending {
        long time;
        final int priority;
        int entity;
        long sequence;
        int state;

        Pending(long time, int priority, int entity) {
            this.time = time;
            this.priority = priority;
            this.entity = entity;
        }
    }
}
