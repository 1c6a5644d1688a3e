package io.kdg4j.core.internal;

import io.kdg4j.core.record.RecordTape;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import net.datafaker.Faker;

/**
 * Everything one generator mutates while it makes a record: the tape, the random stream, per-node caches and
 * the positions of fields that derived fields read. One per generator; never shared between threads.
 */
public final class GenContext {
    final RecordTape tape;
    final Rng rng = new Rng();
    final Clock clock;
    final int[] positions;
    final Object[] state;
    final StringBuilder text = new StringBuilder(64);
    long index;
    /** The run's seed (entity tables derive theirs from it), this record's seed, and a count of records made. */
    long runSeed;
    long recordSeed;
    long generation;
    /** The scenario event the record describes, or null outside a scenario. */
    EventSlot event;

    private final List<Locale> locales;
    private final Faker[] fakers;
    private RngRandom random;

    GenContext(RecordTape tape, Clock clock, int slotCount, int stateCount, List<Locale> locales) {
        this.tape = tape;
        this.clock = clock;
        this.positions = new int[slotCount];
        this.state = new Object[stateCount];
        this.locales = locales;
        this.fakers = new Faker[locales.size()];
    }

    /** Called once by the generator that owns this context. */
    public void runSeed(long seed) {
        this.runSeed = seed;
    }

    /** Makes the following records describe scenario events (set before each record). */
    public void event(EventSlot slot) {
        this.event = slot;
    }

    /** This generator's Faker for a locale, drawing from {@link #rng}; made on first use (it is costly). */
    Faker faker(int localeSlot) {
        Faker faker = fakers[localeSlot];
        if (faker == null) {
            if (random == null) {
                random = new RngRandom(rng);
            }
            faker = new Faker(locales.get(localeSlot), random);
            fakers[localeSlot] = faker;
        }
        return faker;
    }
}
