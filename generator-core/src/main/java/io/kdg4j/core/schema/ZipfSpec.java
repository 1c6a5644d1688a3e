package io.kdg4j.core.schema;

import java.util.List;

/**
 * Zipf-distributed ranks 1..n (rank k with probability proportional to 1/k^exponent), or, when values are
 * given, the value at that rank: a few keys very hot, a long tail cold. Use it as a partition key to make one
 * Kinesis shard hot on purpose.
 */
public record ZipfSpec(long n, double exponent, List<ValueSpec> values) implements ValueSpec {
    public ZipfSpec {
        values = List.copyOf(values);
    }
}
