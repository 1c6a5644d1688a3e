package io.kdg4j.flink;

import io.kdg4j.core.GeneratedRecord;
import io.kdg4j.core.InstanceShare;
import io.kdg4j.core.scenario.ScenarioEvents;
import io.kdg4j.core.scenario.ScenarioIterator;
import io.kdg4j.core.scenario.file.ScenarioFile;
import io.kdg4j.formats.StreamFormats;
import java.time.Instant;
import java.util.Iterator;
import org.apache.flink.api.connector.source.lib.util.IteratorSourceSplit;

/**
 * One share of a scenario run ({@code kdg send --instance i/N}): the events of the entities {@code e % N == i}, and
 * of nothing else, so an entity's created event and everything that refers to it are made by one subtask, in order.
 * The shares of a run together make each of its events once. A split restored from a checkpoint plans the run again
 * and skips the events it had emitted, which are the same.
 */
final class ShareSplit implements IteratorSourceSplit<GeneratedRecord, ShareSplit.Events> {
    final ScenarioRecipe recipe;
    final long seed;
    final long startMillis;
    /** The first {@code total} events of the whole run ({@code Long.MAX_VALUE}: no end). */
    final long total;
    final int instance;
    final int count;
    /** Events of this share already emitted. */
    final long emitted;

    ShareSplit(ScenarioRecipe recipe, long seed, long startMillis, long total, int instance, int count,
               long emitted) {
        this.recipe = recipe;
        this.seed = seed;
        this.startMillis = startMillis;
        this.total = total;
        this.instance = instance;
        this.count = count;
        this.emitted = emitted;
    }

    @Override
    public String splitId() {
        return instance + "/" + count;
    }

    @Override
    public Events getIterator() {
        ScenarioFile file = recipe.file();
        ScenarioIterator events = ScenarioEvents.from(file.scenario()).seed(seed)
                .share(new InstanceShare(instance, count)).start(Instant.ofEpochMilli(startMillis))
                .encoders(StreamFormats.encoders(file)).iterator(total);
        for (long skipped = 0; skipped < emitted && events.hasNext(); skipped++) {
            events.next();
        }
        return new Events(events, emitted);
    }

    @Override
    public ShareSplit getUpdatedSplitForIterator(Events iterator) {
        return new ShareSplit(recipe, seed, startMillis, total, instance, count, iterator.emitted);
    }

    @Override
    public String toString() {
        return "share " + splitId() + " of " + recipe + " (" + emitted + " events emitted)";
    }

    /** A share's records, each routed to its stream, counting how many were emitted. */
    static final class Events implements Iterator<GeneratedRecord> {
        private final ScenarioIterator events;
        private long emitted;

        Events(ScenarioIterator events, long emitted) {
            this.events = events;
            this.emitted = emitted;
        }

        @Override
        public boolean hasNext() {
            return events.hasNext();
        }

        @Override
        public GeneratedRecord next() {
            GeneratedRecord record = events.next().record();
            emitted++;
            return record;
        }
    }
}
