package io.kdg4j.core.scenario;

import io.kdg4j.core.GeneratedRecord;
import io.kdg4j.core.InstanceShare;
import io.kdg4j.core.RecordGenerator;
import io.kdg4j.core.encode.RecordEncoder;
import io.kdg4j.core.internal.AliasTable;
import io.kdg4j.core.internal.EntityTable;
import io.kdg4j.core.internal.EventSlot;
import io.kdg4j.core.internal.Rng;
import io.kdg4j.core.record.ByteOutput;
import io.kdg4j.core.schema.PartitionKeySpec;
import io.kdg4j.core.scenario.PendingHeap.Pending;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.function.Function;

/**
 * One walk through a scenario's events. Planning is sequential and cheap (a heap of each source's next event);
 * making a record happens only for events of this instance's share. Single-threaded.
 */
public final class ScenarioIterator implements Iterator<ScenarioEvent> {
    private static final long OWNER_SALT = 0x6f776e6572L;
    private static final long STEP_SALT = 0x73746570L;
    private static final long LATE_SALT = 0x6c617465L;
    private static final long COPY_SALT = 0x636f7079L;
    private static final long FIRST_SESSION = -1;

    private final long startMillis;
    private final long total;
    private final InstanceShare share;
    private final Rng rng = new Rng();
    private final ByteOutput out = new ByteOutput(512);
    private final PendingHeap heap = new PendingHeap();
    private final PriorityQueue<Planned> lateQueue = new PriorityQueue<>(
            (a, b) -> a.release != b.release ? Long.compare(a.release, b.release) : Long.compare(a.order, b.order));
    private final ArrayDeque<Planned> ready = new ArrayDeque<>();
    private final PopulationRun[] populations;
    private final StreamRun[] streams;
    private final Map<Population, PopulationRun> populationRuns = new IdentityHashMap<>();
    private final ScenarioTally tally;
    /** A run's iterator: its events count when the run hands them to the sink ({@link ScenarioTally#sent}). */
    private final boolean countWhenSent;
    private long position;
    private long plannedOrder;
    private ScenarioEvent next;

    ScenarioIterator(Scenario scenario, long seed, InstanceShare share, long startMillis,
            Function<EventStream, RecordEncoder> encoders, long total, ScenarioTally tally, boolean countWhenSent) {
        this.tally = tally;
        this.countWhenSent = countWhenSent;
        this.startMillis = startMillis;
        this.total = total;
        this.share = share;
        EventSlot.Arrived arrived = (population, eventMillis) -> {
            PopulationRun run = populationRun(population, false);
            return run == null ? population.size() : run.arrivedBy(eventMillis - this.startMillis);
        };
        List<PopulationRun> populationList = new ArrayList<>();
        for (Map.Entry<Population, Arrivals> entry : scenario.arrivals().entrySet()) {
            PopulationRun run = new PopulationRun(entry.getKey(), entry.getValue(), populationList.size(), seed);
            populationList.add(run);
            populationRuns.put(entry.getKey(), run);
        }
        this.populations = populationList.toArray(PopulationRun[]::new);
        List<EventStream> definitions = scenario.streams();
        this.streams = new StreamRun[definitions.size()];
        for (int s = 0; s < streams.length; s++) {
            EventStream definition = definitions.get(s);
            PopulationRun owner = definition.owner() == null ? null : populationRun(definition.owner(), true);
            streams[s] = new StreamRun(definition, populations.length + s, seed, owner, arrived,
                    tally.counters(definition.name()), encoders.apply(definition));
            if (definition instanceof EventStream.Created) {
                owner.created.add(streams[s]);
            } else if (definition instanceof EventStream.Sessions) {
                owner.sessions.add(streams[s]);
            } else {
                heap.push(new Pending(streams[s].periodicMillis(0), streams[s].priority, 0));
            }
        }
        for (PopulationRun population : populations) {
            if (!population.created.isEmpty() || !population.sessions.isEmpty()) {
                heap.push(new Pending(population.arrivals.arrivalMillis(0), population.priority, 0));
            }
        }
    }

    /** The run of a population, found by identity first (references hold the same object as a rule). */
    private PopulationRun populationRun(Population population, boolean required) {
        PopulationRun run = populationRuns.get(population);
        if (run == null) {
            for (PopulationRun candidate : populations) {
                if (candidate.population.equals(population)) {
                    run = candidate;
                    populationRuns.put(population, candidate);
                }
            }
        }
        if (run == null && required) {
            throw new IllegalStateException("population '" + population.name() + "' is not in the scenario");
        }
        return run;
    }

    @Override
    public boolean hasNext() {
        while (next == null) {
            if (position >= total || !fillReady()) {
                return false;
            }
            Planned planned = ready.poll();
            long at = position++;
            if (owned(planned, at)) {
                next = make(planned, at);
            }
        }
        return true;
    }

    @Override
    public ScenarioEvent next() {
        if (!hasNext()) {
            throw new NoSuchElementException("the scenario run has no more events");
        }
        ScenarioEvent event = next;
        next = null;
        return event;
    }

    /** What this instance delivered so far, per stream, in the scenario's order. */
    public Map<String, StreamCounts> counts() {
        return tally.counts();
    }

    /** Event time zero of the run, in epoch milliseconds. */
    long startMillis() {
        return startMillis;
    }

    /** Positions of the whole run passed so far (every instance's events, not only this one's). */
    public long position() {
        return position;
    }

    private boolean owned(Planned planned, long at) {
        if (share.count() == 1) {
            return true;
        }
        long key = planned.entity >= 0 ? planned.entity : at;
        return key % share.count() == share.instance();
    }

    // ----- planning -----

    /** Makes sure an event is ready, planning more as needed; false when the scenario has no more events. */
    private boolean fillReady() {
        while (ready.isEmpty()) {
            long nextTime = heap.isEmpty() ? Long.MAX_VALUE : heap.peek().time;
            // near the end of a bounded run, what is held back is delivered rather than planned past
            boolean ending = position + ready.size() + lateQueue.size() >= total;
            if (!lateQueue.isEmpty() && (ending || lateQueue.peek().release <= nextTime)) {
                deliver(lateQueue.poll());
            } else if (heap.isEmpty()) {
                return false;
            } else {
                plan(heap.peek());
            }
        }
        return true;
    }

    /** Plans the top of the heap, which moves on to its source's next event (or leaves). */
    private void plan(Pending pending) {
        if (pending.priority < populations.length) {
            heap.pop();   // an arrival pushes the entity's sessions: it leaves the heap while it does
            arrive(populations[pending.priority], pending);
        } else {
            StreamRun stream = streams[pending.priority - populations.length];
            if (stream.definition instanceof EventStream.Sessions) {
                step(stream, pending);
            } else {
                periodic(stream, pending);
            }
        }
    }

    private void arrive(PopulationRun population, Pending pending) {
        int entity = pending.entity;
        long time = pending.time;
        for (StreamRun created : population.created) {
            emit(created, time, entity, 0, -1, Rng.child(created.seed, entity));
        }
        for (StreamRun sessions : population.sessions) {
            rng.reset(Rng.child(Rng.child(sessions.seed, entity), FIRST_SESSION));
            long first = time + sample(sessions.gap, rng);
            Pending session = new Pending(first, sessions.priority, entity);
            session.state = sessions.machine.start;
            heap.push(session);
        }
        if (entity + 1 < population.population.size()) {
            pending.entity = entity + 1;
            pending.time = population.arrivals.arrivalMillis(entity + 1);
            heap.push(pending);
        }
    }

    private void periodic(StreamRun stream, Pending pending) {
        long index = pending.sequence;
        long time = pending.time;
        long recordSeed = Rng.child(stream.seed, index);
        int entity = -1;
        if (stream.owner != null) {
            int arrived = stream.owner.arrivedBy(time);
            if (arrived > 0) {
                rng.reset(Rng.child(recordSeed, OWNER_SALT));
                entity = stream.owner.table.pick(((EventStream.Periodic) stream.definition).ownerPick(), rng, arrived);
            }
        }
        if (stream.owner == null || entity >= 0) {
            emit(stream, time, entity, index, -1, recordSeed);
        }
        pending.sequence = index + 1;
        pending.time = stream.periodicMillis(index + 1);
        heap.topChanged();
    }

    private void step(StreamRun stream, Pending pending) {
        MachinePlan machine = stream.machine;
        int state = pending.state;
        long sequence = pending.sequence;
        long entitySeed = Rng.child(stream.seed, pending.entity);
        long recordSeed = Rng.child(entitySeed, sequence);
        emit(stream, pending.time, pending.entity, sequence, state, recordSeed);
        rng.reset(Rng.child(recordSeed, STEP_SALT));
        long dwell = sample(machine.dwell[state], rng);
        if (machine.terminal[state]) {
            pending.state = machine.start;
            pending.time += dwell + sample(stream.gap, rng);
        } else {
            pending.state = machine.next(state, rng, startMillis + pending.time);
            pending.time += dwell;
        }
        pending.sequence = sequence + 1;
        heap.topChanged();
    }

    private void emit(StreamRun stream, long time, int entity, long sequence, int state, long recordSeed) {
        Planned planned = new Planned(stream, time, entity, sequence, state, recordSeed, stream.planned++);
        Disorder disorder = stream.definition.disorder();
        if (disorder.lateShare() > 0) {
            rng.reset(Rng.child(recordSeed, LATE_SALT));
            if (rng.nextDouble() < disorder.lateShare()) {
                planned.late = true;
                planned.release = time + Math.max(1, sample(disorder.lateBy(), rng));
                planned.order = plannedOrder++;
                lateQueue.add(planned);
                return;
            }
        }
        deliver(planned);
    }

    private void deliver(Planned planned) {
        ready.add(planned);
        double copyShare = planned.stream.definition.disorder().duplicateShare();
        if (copyShare > 0) {
            rng.reset(Rng.child(planned.recordSeed, COPY_SALT));
            if (rng.nextDouble() < copyShare) {
                Planned copy = new Planned(planned.stream, planned.time, planned.entity, planned.sequence,
                        planned.state, planned.recordSeed, planned.index);
                copy.late = planned.late;
                copy.duplicate = true;
                ready.add(copy);
            }
        }
    }

    static long sample(Delay delay, Rng rng) {
        if (delay instanceof Delay.Fixed fixed) {
            return fixed.duration().toMillis();
        } else if (delay instanceof Delay.Exponential exponential) {
            return (long) (-exponential.mean().toMillis() * Math.log(rng.nextDoubleOpenAtZero()));
        }
        Delay.Uniform uniform = (Delay.Uniform) delay;
        long min = uniform.min().toMillis();
        return min + rng.nextLong(uniform.max().toMillis() - min + 1);
    }

    // ----- making records -----

    private ScenarioEvent make(Planned planned, long at) {
        StreamRun stream = planned.stream;
        String state = planned.state < 0 ? null : stream.machine.names[planned.state];
        long eventMillis = startMillis + planned.time;
        stream.slot.set(eventMillis, planned.sequence, state, stream.definition.name(),
                stream.owner == null ? null : stream.owner.population, planned.entity);
        out.reset();
        stream.encoder.encode(stream.generator.generateSeeded(planned.recordSeed, planned.index), out);
        String key = stream.keyFromOwner && planned.entity >= 0 ? stream.owner.table.key(planned.entity)
                : stream.generator.partitionKey();
        GeneratedRecord record = GeneratedRecord.wrap(at, key, out.toByteArray(), stream.definition.name());
        if (countWhenSent) {
            tally.hold(record, stream.counters, planned.late, planned.duplicate);
        } else {
            stream.counters.add(planned.late, planned.duplicate);
        }
        return new ScenarioEvent(stream.definition.name(), record, eventMillis, planned.entity, planned.sequence,
                state, planned.late, planned.duplicate, planned.late ? startMillis + planned.release : eventMillis);
    }

    /** An event planned but not yet delivered. */
    private static final class Planned {
        final StreamRun stream;
        final long time;
        final int entity;
        final long sequence;
        final int state;
        final long recordSeed;
        final long index;
        boolean late;
        boolean duplicate;
        long release;
        long order;

        Planned(StreamRun stream, long time, int entity, long sequence, int state, long recordSeed, long index) {
            this.stream = stream;
            this.time = time;
            this.entity = entity;
            this.sequence = sequence;
            this.state = state;
            this.recordSeed = recordSeed;
            this.index = index;
        }
    }

    private static final class PopulationRun {
        final Population population;
        final Arrivals arrivals;
        final int priority;
        final EntityTable table;
        final List<StreamRun> created = new ArrayList<>();
        final List<StreamRun> sessions = new ArrayList<>();

        PopulationRun(Population population, Arrivals arrivals, int priority, long seed) {
            this.population = population;
            this.arrivals = arrivals;
            this.priority = priority;
            this.table = new EntityTable(population, seed);
        }

        int arrivedBy(long millis) {
            return arrivals.arrivedBy(millis, population.size());
        }
    }

    private static final class StreamRun {
        final EventStream definition;
        final int priority;
        final long seed;
        final PopulationRun owner;
        final RecordGenerator generator;
        final EventSlot slot;
        final boolean keyFromOwner;
        final MachinePlan machine;
        final Delay gap;
        final double millisPerEvent;
        final ScenarioTally.Counters counters;
        final RecordEncoder encoder;
        long planned;

        StreamRun(EventStream definition, int priority, long runSeed, PopulationRun owner,
                EventSlot.Arrived arrived, ScenarioTally.Counters counters, RecordEncoder encoder) {
            this.definition = definition;
            this.counters = counters;
            this.encoder = encoder;
            this.priority = priority;
            this.seed = Rng.child(Rng.mix(runSeed), Rng.hash("stream:" + definition.name()));
            this.owner = owner;
            this.generator = RecordGenerator.of(definition.schema(), runSeed);
            this.slot = new EventSlot(arrived);
            generator.describeEvents(slot);
            this.keyFromOwner = owner != null && definition.schema().partitionKey() instanceof PartitionKeySpec.RandomKey;
            if (definition instanceof EventStream.Sessions sessions) {
                this.machine = new MachinePlan(sessions.machine());
                this.gap = sessions.gap();
            } else {
                this.machine = null;
                this.gap = null;
            }
            this.millisPerEvent = definition instanceof EventStream.Periodic periodic ? 1000.0 / periodic.perSecond() : 0;
        }

        long periodicMillis(long index) {
            return (long) Math.floor(index * millisPerEvent);
        }
    }

    /** A state machine by state numbers: constant weights sample from alias tables, hourly ones are summed. */
    private static final class MachinePlan {
        final String[] names;
        final int start;
        final boolean[] terminal;
        final Delay[] dwell;
        final int[][] targets;
        final Weight[][] weights;
        final AliasTable[] constant;

        MachinePlan(StateMachine machine) {
            List<String> states = machine.states();
            names = states.toArray(String[]::new);
            start = states.indexOf(machine.start());
            terminal = new boolean[names.length];
            dwell = new Delay[names.length];
            targets = new int[names.length][];
            weights = new Weight[names.length][];
            constant = new AliasTable[names.length];
            for (int s = 0; s < names.length; s++) {
                List<StateMachine.Transition> out = machine.transitionsFrom(names[s]);
                terminal[s] = out.isEmpty();
                dwell[s] = machine.dwell(names[s]);
                targets[s] = out.stream().mapToInt(t -> states.indexOf(t.to())).toArray();
                weights[s] = out.stream().map(StateMachine.Transition::weight).toArray(Weight[]::new);
                if (!terminal[s] && out.stream().allMatch(t -> t.weight() instanceof Weight.Constant)) {
                    constant[s] = new AliasTable(out.stream().mapToDouble(t -> t.weight().at(0)).toArray());
                }
            }
        }

        int next(int state, Rng rng, long epochMillis) {
            if (constant[state] != null) {
                return targets[state][constant[state].sample(rng)];
            }
            Weight[] w = weights[state];
            double sum = 0;
            for (Weight weight : w) {
                sum += weight.at(epochMillis);
            }
            double draw = rng.nextDouble() * sum;
            for (int i = 0; i < w.length; i++) {
                draw -= w[i].at(epochMillis);
                if (draw < 0) {
                    return targets[state][i];
                }
            }
            return targets[state][w.length - 1];
        }
    }
}
