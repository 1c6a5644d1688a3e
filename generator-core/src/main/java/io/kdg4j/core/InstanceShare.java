package io.kdg4j.core;

/**
 * The share of a run that one of {@code count} processes makes: the record indexes i with
 * {@code i % count == instance}. Shares are disjoint and together cover every index, so N processes started
 * with {@code --instance 0/N ... --instance N-1/N} make exactly the records one process would.
 */
public record InstanceShare(int instance, int count) {
    public static final InstanceShare WHOLE = new InstanceShare(0, 1);

    public InstanceShare {
        if (count < 1) {
            throw new IllegalArgumentException("instance count must be at least 1 but was " + count);
        }
        if (instance < 0 || instance >= count) {
            throw new IllegalArgumentException("instance must be in [0, " + (count - 1) + "] but was " + instance);
        }
    }

    /** Parses {@code i/N}, e.g. {@code 0/4}. */
    public static InstanceShare parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("instance must look like i/N (e.g. 0/4) but was '" + text + "'");
        }
        try {
            return new InstanceShare(Integer.parseInt(text.substring(0, slash).trim()),
                    Integer.parseInt(text.substring(slash + 1).trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("instance must look like i/N (e.g. 0/4) but was '" + text + "'", e);
        }
    }

    /** The k-th index of this share (k from 0). */
    public long index(long k) {
        return instance + k * count;
    }

    /** How many of the indexes [0, total) belong to this share. */
    public long countOf(long total) {
        return total <= instance ? 0 : (total - instance - 1) / count + 1;
    }

    @Override
    public String toString() {
        return instance + "/" + count;
    }
}
