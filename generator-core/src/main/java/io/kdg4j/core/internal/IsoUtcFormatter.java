package io.kdg4j.core.internal;

import java.time.LocalDate;

/**
 * The default timestamp text, {@code 2026-11-22T10:27:21.123Z}, written by hand. DateTimeFormatter is general and
 * costs about a microsecond a call; that is fine for wall-clock fields, whose text is cached per millisecond, but
 * event-time and simulated-time fields give every record its own instant, and then formatting was the largest
 * cost of a record. Gives exactly what {@code uuuu-MM-dd'T'HH:mm:ss.SSSXXX} in UTC gives, for years 0 to 9999
 * (others go to the general formatter). Thread-safe: the cached day is an immutable holder.
 */
final class IsoUtcFormatter implements InstantFormatter {
    private static final long MILLIS_PER_DAY = 86_400_000L;
    private static final long FIRST_DAY = LocalDate.of(0, 1, 1).toEpochDay();
    private static final long LAST_DAY = LocalDate.of(9999, 12, 31).toEpochDay();

    private final InstantFormatter general;
    private volatile Day day = new Day(Long.MIN_VALUE, null);

    IsoUtcFormatter(InstantFormatter general) {
        this.general = general;
    }

    /** One day's "2026-11-22T". */
    private record Day(long epochDay, String prefix) {
    }

    @Override
    public String format(long epochMillis) {
        long epochDay = Math.floorDiv(epochMillis, MILLIS_PER_DAY);
        if (epochDay < FIRST_DAY || epochDay > LAST_DAY) {
            return general.format(epochMillis);
        }
        Day current = day;
        if (current.epochDay() != epochDay) {
            LocalDate date = LocalDate.ofEpochDay(epochDay);
            char[] prefix = new char[11];
            digits(prefix, 0, date.getYear(), 4);
            prefix[4] = '-';
            digits(prefix, 5, date.getMonthValue(), 2);
            prefix[7] = '-';
            digits(prefix, 8, date.getDayOfMonth(), 2);
            prefix[10] = 'T';
            current = new Day(epochDay, new String(prefix));
            day = current;
        }
        int millisOfDay = (int) Math.floorMod(epochMillis, MILLIS_PER_DAY);
        char[] text = new char[24];
        current.prefix().getChars(0, 11, text, 0);
        digits(text, 11, millisOfDay / 3_600_000, 2);
        text[13] = ':';
        digits(text, 14, millisOfDay / 60_000 % 60, 2);
        text[16] = ':';
        digits(text, 17, millisOfDay / 1000 % 60, 2);
        text[19] = '.';
        digits(text, 20, millisOfDay % 1000, 3);
        text[23] = 'Z';
        return new String(text);
    }

    @Override
    public long tickMillis() {
        return 1;
    }

    private static void digits(char[] out, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
