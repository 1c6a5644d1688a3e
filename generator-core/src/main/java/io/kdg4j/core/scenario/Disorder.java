package io.kdg4j.core.scenario;

import java.time.Duration;
import java.util.Objects;

/**
 * Disorder on purpose: a share of a stream's events delivered late (held back by a delay, event time kept, so
 * a consumer's watermarks meet them) and a share delivered twice (the copy right after the original, as an
 * at-least-once producer's retry does). Both decisions are seeded per event.
 */
public record Disorder(double lateShare, Delay lateBy, double duplicateShare) {
    public static final Disorder NONE = new Disorder(0, Delay.fixed(Duration.ZERO), 0);

    public Disorder {
        requireShare(lateShare, "late share");
        requireShare(duplicateShare, "duplicate share");
        Objects.requireNonNull(lateBy, "lateBy");
    }

    private static void requireShare(double share, String name) {
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1] but was " + share);
        }
    }

    public Disorder late(double share, Delay by) {
        return new Disorder(share, by, duplicateShare);
    }

    public Disorder duplicates(double share) {
        return new Disorder(lateShare, lateBy, share);
    }
}
