package io.kdg4j.cli;

import java.time.Duration;

/** Durations as people write them on the command line: 90 s, 5 m, 1 h 30 m. */
final class Durations {
    private Durations() {
    }

    static String describe(Duration d) {
        long seconds = d.toSeconds();
        if (seconds < 60 || d.toMillis() % 1000 != 0) {
            return d.toMillis() % 1000 == 0 ? seconds + " s" : d.toMillis() / 1000.0 + " s";
        }
        if (seconds % 3600 == 0) {
            return seconds / 3600 + " h";
        }
        if (seconds % 60 == 0) {
            return seconds / 60 + " min";
        }
        return seconds + " s";
    }
}
