package io.kdg4j.flink;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;

/**
 * Flink's DataGeneratorSource, except that a source of {@link Long#MAX_VALUE} records says it is unbounded:
 * Flink's own always says bounded, which would let a job of endless records run in batch mode.
 */
final class RecordSource<T> extends DataGeneratorSource<T> {
    private static final long serialVersionUID = 1L;
    private final boolean unbounded;

    RecordSource(GeneratorFunction<Long, T> function, long count, RateLimiterStrategy rate,
                 TypeInformation<T> type) {
        super(function, count, rate, type);
        this.unbounded = count == Long.MAX_VALUE;
    }

    @Override
    public Boundedness getBoundedness() {
        return unbounded ? Boundedness.CONTINUOUS_UNBOUNDED : Boundedness.BOUNDED;
    }
}
