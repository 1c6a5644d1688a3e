package io.kdg4j.core.run;

import static io.kdg4j.core.Fields.field;
import static io.kdg4j.core.Fields.integers;
import static io.kdg4j.core.Fields.now;
import static io.kdg4j.core.Fields.record;
import static io.kdg4j.core.Fields.sequence;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.kdg4j.core.GeneratedRecord;
import io.kdg4j.core.InstanceShare;
import io.kdg4j.core.RecordSchema;
import io.kdg4j.core.kdg.KdgTemplate;
import io.kdg4j.core.rate.ManualTicker;
import io.kdg4j.core.rate.RateProfile;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulatedTimeTest {
    static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
    static final Instant WEEK_LATER = Instant.parse("2026-01-08T00:00:00Z");
    static final RecordSchema EVENTS = record(field("at", now().epochMillis()), field("n", sequence(0, 1)),
            field("v", integers(1, 100)));
    static final Duration WAIT = Duration.ofMinutes(1);

    /**
     * A simulated week of a diurnal profile between 1 and 10 records/s: about 3.3 million records, each carrying
     * its simulated instant. The awaitCompletion bound is the "under a minute of wall time".
     */
    @Test
    void aSimulatedWeek_followsTheDiurnalProfileHourByHour_withMonotonicTimestamps() throws Exception {
        HourCountingSink sink = new HourCountingSink(FROM, 7 * 24);
        // the profile's clock says "now" is some other time: simulated time re-anchors it at FROM
        RateProfile diurnal = RateProfile.diurnal(1, 10, Clock.systemUTC());
        RunSummary summary = Generator.from(EVENTS).seed(7).rate(diurnal).simulatedTime(FROM, WEEK_LATER)
                .to(sink).start().awaitCompletion(WAIT);

        assertThat(summary.allAcked()).isTrue();
        assertThat(sink.outOfOrder).as("timestamps going back in send order").isZero();
        assertThat(sink.outsideSpan).as("timestamps outside the simulated week").isZero();
        double expectedTotal = 0;
        for (int hour = 0; hour < 7 * 24; hour++) {
            double expected = diurnalRecordsInHour(hour);
            expectedTotal += expected;
            assertThat((double) sink.perHour[hour]).as("records in simulated hour %d", hour)
                    .isCloseTo(expected, within(expected * 0.02));
        }
        assertThat((double) summary.generated()).isCloseTo(expectedTotal, within(expectedTotal * 0.001));
        assertThat(summary.generated()).isGreaterThan(3_000_000);
    }

    /** The profile written out by hand: 5.5 + 4.5 sin(2 pi (time of day - 08:00) / 24 h), integrated per second. */
    private static double diurnalRecordsInHour(int hour) {
        double sum = 0;
        for (int second = 0; second < 3600; second++) {
            double secondOfDay = ((hour % 24) * 3600 + second + 0.5);
            sum += 5.5 + 4.5 * Math.sin(2 * Math.PI * (secondOfDay - 8 * 3600) / 86_400);
        }
        return sum;
    }

    @Test
    void theSameSeedAndSpan_giveTheSameRecords_andInstancesShareThem() throws Exception {
        Instant to = FROM.plus(Duration.ofHours(1));
        List<GeneratedRecord> whole = run(Generator.from(EVENTS).seed(3).rate(RateProfile.parse("sine:mean=5,"
                + "amplitude=4,period=20m")).simulatedTime(FROM, to));
        List<GeneratedRecord> again = run(Generator.from(EVENTS).seed(3).rate(RateProfile.parse("sine:mean=5,"
                + "amplitude=4,period=20m")).simulatedTime(FROM, to));
        assertThat(again).containsExactlyElementsOf(whole);

        List<GeneratedRecord> shared = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            shared.addAll(run(Generator.from(EVENTS).seed(3).rate(RateProfile.parse("sine:mean=5,amplitude=4,"
                    + "period=20m")).share(new InstanceShare(i, 3)).simulatedTime(FROM, to)));
        }
        shared.sort(Comparator.comparingLong(GeneratedRecord::index));
        assertThat(shared).containsExactlyElementsOf(whole);
        assertThat(whole).hasSize(18_000);
    }

    @Test
    void aSpeedUp_takesTheSpanDividedByTheFactor_onTheRunsTicker() throws Exception {
        ManualTicker ticker = new ManualTicker();
        RunSummary summary = Generator.from(EVENTS).seed(1).rate(2).ticker(ticker)
                .simulatedTime(SimulatedTime.between(FROM, FROM.plus(Duration.ofHours(2))).speed(3600))
                .to(InMemorySink.create()).start().awaitCompletion(WAIT);
        assertThat(summary.generated()).isEqualTo(2 * 7200);
        // the last record is due at 2 h - 0.25 s simulated, so just under 2 s of the ticker
        assertThat(ticker.nanoTime() / 1e9).isCloseTo(2.0, within(0.01));
    }

    @Test
    void kdgTicks_waitBetweenTicks_andSendATicksRecordsAtOnce() throws Exception {
        ManualTicker ticker = new ManualTicker();
        InMemorySink sink = InMemorySink.create();
        Generator.from(EVENTS).seed(1).rate(10).ticker(ticker)
                .simulatedTime(SimulatedTime.between(FROM, FROM.plus(Duration.ofMinutes(1)))
                        .ticks(Duration.ofSeconds(5), Duration.ofMillis(100)))
                .to(sink).start().awaitCompletion(WAIT);
        assertThat(sink.size()).isEqualTo(600);
        // twelve ticks of 5 s: eleven waits of 100 ms between them
        assertThat(ticker.nanoTime()).isEqualTo(Duration.ofMillis(1100).toNanos());
    }

    @Test
    void kdgTemplates_renderTheSimulatedInstant_inDateNowUtcAndSimTime() throws Exception {
        InMemorySink sink = InMemorySink.create();
        Generator.from(KdgTemplate.compile("{{date.simTime(\"YYYY-MM-DD HH:mm:ss\")}}|{{date.utc}}|{{date.now(x)}}"))
                .seed(1).rate(1).simulatedTime(FROM, FROM.plusSeconds(3)).to(sink).start().awaitCompletion(WAIT);
        assertThat(sink.texts()).containsExactly(
                "2026-01-01 00:00:00|2026-01-01T00:00:00Z|" + FROM.plusMillis(500).toEpochMilli(),
                "2026-01-01 00:00:01|2026-01-01T00:00:01Z|" + FROM.plusMillis(1500).toEpochMilli(),
                "2026-01-01 00:00:02|2026-01-01T00:00:02Z|" + FROM.plusMillis(2500).toEpochMilli());
    }

    @Test
    void periodicProfiles_followTheSimulatedHourOfTheWeek() throws Exception {
        double[][] means = new double[7][24];
        means[4][13] = 20; // Thursday 13:00 UTC, and 2026-01-01 is a Thursday
        means[4][14] = 20;
        HourCountingSink sink = new HourCountingSink(FROM, 24);
        Generator.from(EVENTS).seed(1).rate(RateProfile.periodic(means, new double[7][24], 1, Clock.systemUTC()))
                .simulatedTime(FROM, FROM.plus(Duration.ofDays(1))).to(sink).start().awaitCompletion(WAIT);
        // 12:00..13:00 ramps up to 20, 13:00..14:00 holds 20, 14:00..15:00 ramps down
        assertThat(sink.perHour[12]).isCloseTo(36_000, within(10L));
        assertThat(sink.perHour[13]).isCloseTo(72_000, within(10L));
        assertThat(sink.perHour[14]).isCloseTo(36_000, within(10L));
        assertThat(sink.perHour[11] + sink.perHour[15]).isZero();
    }

    @Test
    void badSettings_areRefusedWithTheRule() {
        assertThatThrownBy(() -> Generator.from(EVENTS).simulatedTime(FROM, FROM).to(InMemorySink.create()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must end after it starts");
        assertThatThrownBy(() -> Generator.from(EVENTS).simulatedTime(FROM, WEEK_LATER).to(InMemorySink.create())
                .start()).isInstanceOf(IllegalStateException.class).hasMessageContaining("needs a rate");
        assertThatThrownBy(() -> SimulatedTime.between(FROM, WEEK_LATER).speed(0))
                .hasMessageContaining("positive factor");
    }

    private static List<GeneratedRecord> run(Generator generator) throws Exception {
        InMemorySink sink = InMemorySink.create();
        generator.to(sink).start().awaitCompletion(WAIT);
        return sink.records();
    }

    /** Counts records per simulated hour from their "at" field, and checks the order, without keeping them. */
    static final class HourCountingSink implements RecordSink {
        final long[] perHour;
        private final long fromMillis;
        long outOfOrder;
        long outsideSpan;
        private long last = Long.MIN_VALUE;

        HourCountingSink(Instant from, int hours) {
            this.perHour = new long[hours];
            this.fromMillis = from.toEpochMilli();
        }

        @Override
        public void send(GeneratedRecord record, DeliveryListener listener) {
            String json = record.text();
            int start = json.indexOf("\"at\":") + 5;
            long at = Long.parseLong(json.substring(start, json.indexOf(',', start)));
            if (at < last) {
                outOfOrder++;
            }
            last = at;
            long hour = (at - fromMillis) / 3_600_000;
            if (at < fromMillis || hour >= perHour.length) {
                outsideSpan++;
            } else {
                perHour[(int) hour]++;
            }
            listener.acked(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
