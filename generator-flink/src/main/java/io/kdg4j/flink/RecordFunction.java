package io.kdg4j.flink;

import io.kdg4j.core.GeneratedRecord;
import io.kdg4j.core.RecordSchema;
import io.kdg4j.core.Records;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.connector.datagen.source.GeneratorFunction;

/**
 * Record n of the run for index n, as Flink's DataGeneratorSource hands each subtask its indexes: a pure
 * function of (recipe, seed, n), so any parallelism, and any restart, makes the same record for the same index.
 */
final class RecordFunction implements GeneratorFunction<Long, GeneratedRecord> {
    private static final long serialVersionUID = 1L;

    private final RecordRecipe recipe;
    private final long seed;
    /** Epoch milliseconds of a fixed clock for wall-clock fields, or null for the system clock. */
    private final Long fixedClockMillis;
    private transient Records.Maker maker;

    RecordFunction(RecordRecipe recipe, long seed, Instant fixedClock) {
        this.recipe = recipe;
        this.seed = seed;
        this.fixedClockMillis = fixedClock == null ? null : fixedClock.toEpochMilli();
    }

    @Override
    public void open(SourceReaderContext context) {
        RecordSchema schema = recipe.compile();
        Clock clock = fixedClockMillis == null ? Clock.systemUTC()
                : Clock.fixed(Instant.ofEpochMilli(fixedClockMillis), ZoneOffset.UTC);
        maker = Records.from(schema).seed(seed).encoder(recipe.encoder(schema)).clock(clock).maker();
    }

    @Override
    public GeneratedRecord map(Long index) {
        return maker.make(index);
    }

    /** Record n's bytes only. */
    byte[] data(long index) {
        return maker.data(index);
    }
}
