package io.kdg4j.core.kdg;

import io.kdg4j.core.internal.NearestName;
import java.util.Collection;

/** The nearest known helper name to a misspelt one. */
final class Suggestions {
    private Suggestions() {
    }

    /** "did you mean x.y?" or null when nothing is close. */
    static String nearest(String name, Collection<String> known) {
        return NearestName.of(name, known).map(best -> "did you mean " + best + "?"
                + (best.equalsIgnoreCase(name) ? " (helper names are case-sensitive)" : "")).orElse(null);
    }
}
