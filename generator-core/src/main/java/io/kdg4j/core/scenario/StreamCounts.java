package io.kdg4j.core.scenario;

/**
 * What a run delivered to one stream: events in all (copies included), how many originals came late, and how
 * many were copies. The shares are of the originals ({@code events - duplicates}), as the disorder asked.
 */
public record StreamCounts(long events, long late, long duplicates) {
    public double lateShare() {
        return events == duplicates ? 0 : (double) late / (events - duplicates);
    }

    public double duplicateShare() {
        return events == duplicates ? 0 : (double) duplicates / (events - duplicates);
    }
}
