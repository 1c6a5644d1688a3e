package io.kdg4j.core.run;

import io.kdg4j.core.rate.RateProfile;

/**
 * When each record of a simulated run is due, in seconds after the start: second by second, as many records as
 * the profile's integral says are due by the end of that second ({@link RateProfile#recordsBy}, so nothing is lost
 * to rounding however long the span), spread evenly within the second. Not thread-safe: the generating thread
 * owns it.
 */
final class SimulatedSchedule {
    private static final double STEP_SECONDS = 1;
    /** Guards floor() against an integral a hair below a whole number (10 records/s over 1 s as 9.9999999). */
    private static final double ROUNDING = 1e-6;

    private final RateProfile profile;
    private final double spanSeconds;
    private double stepStart;
    private double stepEnd;
    private long dueByStepStart;
    private long dueByStepEnd;
    private long issued;

    SimulatedSchedule(RateProfile profile, double spanSeconds) {
        if (profile == RateProfile.unlimited()) {
            throw new IllegalArgumentException("simulated time needs a rate profile (records per simulated second), "
                    + "not an unlimited rate");
        }
        this.profile = profile;
        this.spanSeconds = spanSeconds;
    }

    /** The next record's due time in seconds after the start, or -1 once the span is over. */
    double next() {
        while (issued >= dueByStepEnd) {
            if (stepEnd >= spanSeconds) {
                return -1;
            }
            stepStart = stepEnd;
            stepEnd = Math.min(stepStart + STEP_SECONDS, spanSeconds);
            dueByStepStart = dueByStepEnd;
            dueByStepEnd = Math.max(dueByStepStart, (long) Math.floor(profile.recordsBy(stepEnd) + ROUNDING));
        }
        long inStep = dueByStepEnd - dueByStepStart;
        long position = issued - dueByStepStart;
        issued++;
        return stepStart + (position + 0.5) / inStep * (stepEnd - stepStart);
    }
}
