package io.kdg4j.core.run;

import io.kdg4j.core.rate.Ticker;
import io.kdg4j.core.scenario.ScenarioRecords;
import java.util.function.BooleanSupplier;

/**
 * Paces a scenario run by its event time: a record is handed on when the run's clock, event time zero at the run's
 * start and moving {@code speedUp} times as fast as real time, reaches the record's due time.
 */
final class EventTimePace {
    private final double speedUp;
    private final Ticker ticker;
    private long startNanos;

    EventTimePace(double speedUp, Ticker ticker) {
        this.speedUp = speedUp;
        this.ticker = ticker;
    }

    void startAt(long nanos) {
        startNanos = nanos;
    }

    /** Waits until the record {@code records} last returned is due; false as soon as {@code cancelled} says so. */
    boolean await(ScenarioRecords records, BooleanSupplier cancelled) throws InterruptedException {
        double offsetNanos = (records.dueMillis() - records.startMillis()) * 1e6 / speedUp;
        return Waiting.until(ticker, startNanos + Math.round(offsetNanos), cancelled);
    }
}
