package io.kdg4j.cli;

import io.kdg4j.core.run.RoutingSink;
import io.kdg4j.core.scenario.StreamCounts;
import java.util.Map;
import java.util.StringJoiner;

/** A scenario run's events per stream, in words: {@code customers 1000; orders 5000 (98 late, 51 duplicates)}. */
final class ScenarioCounts {
    private ScenarioCounts() {
    }

    static String describe(Map<String, StreamCounts> counts) {
        return describe(counts, Map.of());
    }

    /** With the acked and failed records of each stream, when they were sent. */
    static String describe(Map<String, StreamCounts> counts, Map<String, RoutingSink.RouteCounts> sent) {
        StringJoiner line = new StringJoiner("; ");
        counts.forEach((stream, c) -> {
            StringJoiner details = new StringJoiner(", ");
            RoutingSink.RouteCounts outcome = sent.get(stream);
            if (outcome != null) {
                details.add(outcome.acked() + " acked");
                if (outcome.failed() > 0) {
                    details.add(outcome.failed() + " failed");
                }
            }
            if (c.late() > 0) {
                details.add(c.late() + " late");
            }
            if (c.duplicates() > 0) {
                details.add(c.duplicates() + " duplicates");
            }
            line.add(stream + " " + c.events() + (details.length() == 0 ? "" : " (" + details + ")"));
        });
        return line.toString();
    }
}
