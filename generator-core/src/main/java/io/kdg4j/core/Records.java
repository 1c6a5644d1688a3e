package io.kdg4j.core;

import io.kdg4j.core.encode.Encoders;
import io.kdg4j.core.encode.RecordEncoder;
import io.kdg4j.core.record.ByteOutput;
import java.time.Clock;
import java.util.Iterator;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Encoded records of a schema as a lazy stream: what a run, a test or a file writer consumes.
 *
 * <pre>{@code
 * Records records = Records.from(schema).seed(42);
 * records.stream().limit(1000).forEach(sink::send);          // indexes 0..999
 * records.share(InstanceShare.parse("1/4")).stream(250)...   // this process's quarter of 1,000
 * }</pre>
 *
 * <p>Immutable and thread-safe; each stream has its own generators, and parallel streams split by index, so
 * {@code stream(n).parallel()} yields exactly the records of {@code stream(n)}. Defaults: a random seed (see
 * {@link #seed()}), JSON, the system UTC clock, the whole run.
 */
public final class Records {
    private final RecordSchema schema;
    private final long seed;
    private final RecordEncoder encoder;
    private final Clock clock;
    private final InstanceShare share;

    private Records(RecordSchema schema, long seed, RecordEncoder encoder, Clock clock, InstanceShare share) {
        this.schema = Objects.requireNonNull(schema, "schema");
        this.seed = seed;
        this.encoder = Objects.requireNonNull(encoder, "encoder");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.share = Objects.requireNonNull(share, "share");
    }

    public static Records from(RecordSchema schema) {
        return new Records(schema, new SplittableRandom().nextLong(), Encoders.json(), Clock.systemUTC(),
                InstanceShare.WHOLE);
    }

    public Records seed(long seed) {
        return new Records(schema, seed, encoder, clock, share);
    }

    public Records encoder(RecordEncoder encoder) {
        return new Records(schema, seed, encoder, clock, share);
    }

    /** The clock of wall-clock timestamps; a fixed clock makes every record reproducible. */
    public Records clock(Clock clock) {
        return new Records(schema, seed, encoder, clock, share);
    }

    /** Only the indexes of this share of the run. */
    public Records share(InstanceShare share) {
        return new Records(schema, seed, encoder, clock, share);
    }

    public RecordSchema schema() {
        return schema;
    }

    public long seed() {
        return seed;
    }

    public RecordEncoder encoder() {
        return encoder;
    }

    public InstanceShare share() {
        return share;
    }

    /** Record {@code index} of the run (whatever the share). */
    public GeneratedRecord get(long index) {
        return new Maker().make(index);
    }

    /**
     * A maker of records by index for one thread: cheaper than {@link #get(long)} when one thread makes many
     * records in an order of its own (a Flink source's subtask, a partition of indexes).
     */
    public Maker maker() {
        return new Maker();
    }

    /** This share's records, unbounded (use {@code limit}). */
    public Stream<GeneratedRecord> stream() {
        return stream(Long.MAX_VALUE);
    }

    /** The first {@code count} records of this share. */
    public Stream<GeneratedRecord> stream(long count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0 but was " + count);
        }
        return StreamSupport.stream(new RecordSpliterator(0, count), false);
    }

    /** The first {@code count} records of this share, one by one. */
    public Iterator<GeneratedRecord> iterator(long count) {
        return Spliterators.iterator(new RecordSpliterator(0, count));
    }

    /** One generator, encoder buffer and the means to make a {@link GeneratedRecord}; one per thread. */
    public final class Maker {
        private final RecordGenerator generator = RecordGenerator.of(schema, seed, clock);
        private final ByteOutput out = new ByteOutput(512);

        private Maker() {
        }

        /** Record {@code index} of the run. */
        public GeneratedRecord make(long index) {
            byte[] data = data(index);
            return GeneratedRecord.wrap(index, generator.partitionKey(), data);
        }

        /** The encoded bytes of record {@code index}, in an array of their own. */
        public byte[] data(long index) {
            out.reset();
            encoder.encode(generator.generate(index), out);
            return out.toByteArray();
        }
    }

    /** Positions [from, to) of this share; splits in halves, each half with its own generator. */
    private final class RecordSpliterator implements Spliterator<GeneratedRecord> {
        private long next;
        private final long end;
        private Maker maker;

        RecordSpliterator(long from, long end) {
            this.next = from;
            this.end = end;
        }

        @Override
        public boolean tryAdvance(Consumer<? super GeneratedRecord> action) {
            if (next >= end) {
                return false;
            }
            if (maker == null) {
                maker = new Maker();
            }
            action.accept(maker.make(share.index(next++)));
            return true;
        }

        @Override
        public Spliterator<GeneratedRecord> trySplit() {
            long remaining = end - next;
            if (remaining < 2 || end == Long.MAX_VALUE) {
                return null;
            }
            long middle = next + remaining / 2;
            RecordSpliterator prefix = new RecordSpliterator(next, middle);
            next = middle;
            return prefix;
        }

        @Override
        public long estimateSize() {
            return end - next;
        }

        @Override
        public int characteristics() {
            int base = ORDERED | NONNULL | IMMUTABLE;
            return end == Long.MAX_VALUE ? base : base | SIZED | SUBSIZED;
        }
    }
}
