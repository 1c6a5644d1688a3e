package io.kdg4j.cli.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The runs started from the page, sampled four times a second while they go on. Finished runs are kept (the page
 * lists them with their summaries) up to {@value #KEPT}, the oldest finished ones forgotten first.
 */
final class UiRuns implements AutoCloseable {
    static final int KEPT = 50;

    private final Map<Integer, UiRun> runs = new ConcurrentSkipListMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "kdg-ui-sampler");
        thread.setDaemon(true);
        return thread;
    });

    UiRuns() {
        sampler.scheduleAtFixedRate(this::sampleAll, 250, 250, TimeUnit.MILLISECONDS);
    }

    int nextId() {
        return ids.incrementAndGet();
    }

    void add(UiRun run) {
        runs.put(run.id(), run);
        List<UiRun> finished = new ArrayList<>();
        runs.values().stream().filter(UiRun::isDone).forEach(finished::add);
        for (int i = 0; i < finished.size() - KEPT; i++) {
            runs.remove(finished.get(i).id());
        }
    }

    UiRun get(int id) {
        return runs.get(id);
    }

    List<UiRun> all() {
        return List.copyOf(runs.values());
    }

    private void sampleAll() {
        for (UiRun run : runs.values()) {
            if (!run.isDone()) {
                run.sample();
            }
        }
    }

    @Override
    public void close() {
        sampler.shutdownNow();
        for (UiRun run : runs.values()) {
            run.stop();
        }
    }
}
