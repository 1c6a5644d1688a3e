package io.kdg4j.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IsoUtcFormatterTest {
    private static final DateTimeFormatter REFERENCE = DateTimeFormatter.ofPattern(TimestampCompiler.ISO_PATTERN,
            Locale.US).withZone(ZoneOffset.UTC);
    private final IsoUtcFormatter formatter = new IsoUtcFormatter(new InstantFormatter() {
        @Override
        public String format(long epochMillis) {
            return REFERENCE.format(Instant.ofEpochMilli(epochMillis));
        }

        @Override
        public long tickMillis() {
            return 1;
        }
    });

    @Test
    void writesWhatTheIsoPatternWrites_forInstantsFromYear0To9999_andBeyond() {
        SplittableRandom random = new SplittableRandom(7);
        long first = Instant.parse("-0100-01-01T00:00:00Z").toEpochMilli();
        long last = Instant.parse("+10100-01-01T00:00:00Z").toEpochMilli();
        for (int i = 0; i < 200_000; i++) {
            // half anywhere in the range, half in runs of nearby instants (the cached day is reused)
            long millis = i % 2 == 0 ? random.nextLong(first, last)
                    : Instant.parse("2026-03-01T00:00:00Z").toEpochMilli() + random.nextLong(-86_400_000L * 3,
                    86_400_000L * 3);
            assertThat(formatter.format(millis)).as("%d", millis).isEqualTo(REFERENCE.format(Instant.ofEpochMilli(
                    millis)));
        }
        for (String edge : new String[] {"0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999Z", "1970-01-01T00:00:00Z",
            "1969-12-31T23:59:59.999Z", "2024-02-29T12:00:00.007Z"}) {
            long millis = Instant.parse(edge).toEpochMilli();
            assertThat(formatter.format(millis)).isEqualTo(REFERENCE.format(Instant.ofEpochMilli(millis)));
        }
    }
}
