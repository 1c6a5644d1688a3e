package io.kdg4j.core.internal;

/**
 * Walker's alias method (Vose's construction): O(1) weighted sampling whose frequencies equal the normalised
 * weights up to floating-point precision. KDG rounds weights to hundredths and scans a cumulative list; this
 * keeps every weight as given, however small, and costs one draw and one comparison per sample.
 *
 * <p>Immutable and thread-safe.
 */
public final class AliasTable {
    private final double[] probability;
    private final int[] alias;

    public AliasTable(double[] weights) {
        int n = weights.length;
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        probability = new double[n];
        alias = new int[n];
        double[] scaled = new double[n];
        int[] small = new int[n];
        int[] large = new int[n];
        int smallCount = 0;
        int largeCount = 0;
        for (int i = 0; i < n; i++) {
            scaled[i] = weights[i] * n / total;
            if (scaled[i] < 1) {
                small[smallCount++] = i;
            } else {
                large[largeCount++] = i;
            }
        }
        while (smallCount > 0 && largeCount > 0) {
            int less = small[--smallCount];
            int more = large[--largeCount];
            probability[less] = scaled[less];
            alias[less] = more;
            scaled[more] = (scaled[more] + scaled[less]) - 1;
            if (scaled[more] < 1) {
                small[smallCount++] = more;
            } else {
                large[largeCount++] = more;
            }
        }
        while (largeCount > 0) {
            probability[large[--largeCount]] = 1;
        }
        while (smallCount > 0) {
            // Only rounding leaves an entry here; it is worth a whole column.
            probability[small[--smallCount]] = 1;
        }
    }

    public int sample(Rng rng) {
        int column = rng.nextInt(probability.length);
        return rng.nextDouble() < probability[column] ? column : alias[column];
    }

    public int size() {
        return probability.length;
    }
}
