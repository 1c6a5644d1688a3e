package io.kdg4j.core.scenario;

import java.util.Arrays;

/**
 * A transition weight, constant or following the hour of the day (UTC) of the event time, like a periodic rate
 * profile: {@code Weight.hourly(...)} with 24 values makes {@code purchase} likelier in the evening.
 */
public sealed interface Weight {

    static Weight of(double weight) {
        return new Constant(weight);
    }

    /** {@code byHour[h]} during hour h (0-23, UTC) of the event time. */
    static Weight hourly(double... byHour) {
        return new Hourly(byHour);
    }

    /** The weight at an event time. */
    double at(long epochMillis);

    record Constant(double weight) implements Weight {
        public Constant {
            if (!(weight >= 0) || Double.isInfinite(weight)) {
                throw new IllegalArgumentException("weight must be a finite number >= 0 but was " + weight);
            }
        }

        @Override
        public double at(long epochMillis) {
            return weight;
        }
    }

    record Hourly(double[] byHour) implements Weight {
        public Hourly {
            if (byHour.length != 24) {
                throw new IllegalArgumentException("an hourly weight needs 24 values (hours 0-23) but has "
                        + byHour.length);
            }
            byHour = byHour.clone();
            for (int hour = 0; hour < 24; hour++) {
                if (!(byHour[hour] >= 0) || Double.isInfinite(byHour[hour])) {
                    throw new IllegalArgumentException("hourly weight for hour " + hour
                            + " must be a finite number >= 0 but was " + byHour[hour]);
                }
            }
        }

        @Override
        public double at(long epochMillis) {
            return byHour[(int) Math.floorMod(Math.floorDiv(epochMillis, 3_600_000L), 24L)];
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Hourly other && Arrays.equals(other.byHour, byHour);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(byHour);
        }

        @Override
        public String toString() {
            return "Hourly" + Arrays.toString(byHour);
        }
    }
}
