package io.kdg4j.flink;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.lib.NumberSequenceSource;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratingIteratorSourceReader;
import org.apache.flink.connector.datagen.source.GeneratorFunction;

/**
 * Flink's DataGeneratorSource with two differences. A source of {@link Long#MAX_VALUE} records says it is
 * unbounded: Flink's own always says bounded, which would let a job of endless records run in batch mode. And
 * without a rate, its reader is the plain generating reader: Flink's wraps every reader in a rate-limited one,
 * which hands each record back to the task's mailbox loop even when nothing limits it, and that per-record round
 * trip cost more than making a kdg4j record (see FlinkSourceBenchmark).
 */
final class RecordSource<T> extends DataGeneratorSource<T> {
    private static final long serialVersionUID = 1L;
    private final boolean unbounded;
    private final boolean unlimited;

    /** {@code rate} null for as fast as the job goes. */
    RecordSource(GeneratorFunction<Long, T> function, long count, RateLimiterStrategy rate,
                 TypeInformation<T> type) {
        super(function, count, rate != null ? rate : RateLimiterStrategy.noOp(), type);
        this.unbounded = count == Long.MAX_VALUE;
        this.unlimited = rate == null;
    }

    @Override
    public SourceReader<T, NumberSequenceSource.NumberSequenceSplit> createReader(SourceReaderContext context)
            throws Exception {
        return unlimited ? new GeneratingIteratorSourceReader<>(context, getGeneratorFunction())
                : super.createReader(context);
    }

    @Override
    public Boundedness getBoundedness() {
        return unbounded ? Boundedness.CONTINUOUS_UNBOUNDED : Boundedness.BOUNDED;
    }
}
