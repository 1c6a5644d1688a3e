package io.kdg4j.core.internal;

import io.kdg4j.core.schema.TimestampSpec;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Checks a timestamp spec and picks its formatter. */
final class TimestampCompiler {
    /** ISO-8601 with milliseconds and the zone's offset ('Z' for UTC): 2026-11-22T10:27:21.123Z. */
    static final String ISO_PATTERN = "uuuu-MM-dd'T'HH:mm:ss.SSSXXX";
    private static final long MAX_EPOCH_SECONDS = Long.MAX_VALUE / 1_000_000_000L;
    private static final Duration MAX_OFFSET = Duration.ofDays(365L * 1000);

    private TimestampCompiler() {
    }

    static Node compile(TimestampSpec spec, String path, SchemaCompiler compiler) {
        TimestampNode.Output output = switch (spec.format()) {
            case EPOCH_MILLIS -> TimestampNode.Output.EPOCH_MILLIS;
            case EPOCH_SECONDS -> TimestampNode.Output.EPOCH_SECONDS;
            default -> TimestampNode.Output.TEXT;
        };
        InstantFormatter formatter;
        if (spec.format() == TimestampSpec.TimeFormat.MOMENT) {
            // A whole format of x or X is an epoch number, which encoders write as a number.
            if (spec.pattern().equals("x")) {
                output = TimestampNode.Output.EPOCH_MILLIS;
            } else if (spec.pattern().equals("X")) {
                output = TimestampNode.Output.EPOCH_SECONDS;
            }
            formatter = new MomentFormat(spec.pattern(), spec.zone());
        } else {
            String pattern = spec.format() == TimestampSpec.TimeFormat.PATTERN ? spec.pattern() : ISO_PATTERN;
            try {
                formatter = javaFormatter(pattern, spec.zone());
                if (pattern.equals(ISO_PATTERN) && spec.zone().normalized().equals(ZoneOffset.UTC)) {
                    formatter = new IsoUtcFormatter(formatter);
                }
            } catch (IllegalArgumentException | DateTimeException e) {
                return compiler.problem(path, "timestamp pattern \"" + pattern + "\" is not a valid "
                        + "DateTimeFormatter pattern: " + e.getMessage());
            }
        }
        int stateSlot = compiler.newStateSlot();
        if (spec.source() instanceof TimestampSpec.EventTime e) {
            return eventTime(e, path, compiler, output, formatter, stateSlot);
        }
        TimestampSpec.WallClock wall = (TimestampSpec.WallClock) spec.source();
        boolean ok = compiler.check(wall.minOffset().compareTo(wall.maxOffset()) <= 0, path,
                "minOffset must be <= maxOffset, but minOffset was " + wall.minOffset() + " and maxOffset was "
                        + wall.maxOffset());
        ok &= compiler.check(wall.minOffset().abs().compareTo(MAX_OFFSET) <= 0
                && wall.maxOffset().abs().compareTo(MAX_OFFSET) <= 0, path,
                "clock offsets must be within 1000 years but were " + wall.minOffset() + " and " + wall.maxOffset());
        return ok ? new TimestampNode(wall.minOffset().toMillis(), wall.maxOffset().toMillis(), output, formatter,
                stateSlot) : null;
    }

    static InstantFormatter javaFormatter(String pattern, ZoneId zone) {
        DateTimeFormatter formatter = DateTimeFormatter.ofPattern(pattern, Locale.US).withZone(zone);
        formatter.format(Instant.EPOCH);
        long tick = showsFractions(pattern) ? 1 : 1000;
        return new InstantFormatter() {
            @Override
            public String format(long epochMillis) {
                return formatter.format(Instant.ofEpochMilli(epochMillis));
            }

            @Override
            public long tickMillis() {
                return tick;
            }
        };
    }

    private static Node eventTime(TimestampSpec.EventTime e, String path, SchemaCompiler compiler,
                                  TimestampNode.Output output, InstantFormatter formatter, int stateSlot) {
        boolean ok = compiler.check(Math.abs(e.start().getEpochSecond()) < MAX_EPOCH_SECONDS, path,
                "event-time start must be within 292 years of 1970 but was " + e.start());
        ok &= compiler.check(!e.step().isNegative(), path, "event-time step must not be negative but was "
                + e.step());
        ok &= compiler.check(!e.jitter().isNegative(), path, "jitter must not be negative but was " + e.jitter());
        ok &= compiler.check(e.outOfOrderFraction() >= 0 && e.outOfOrderFraction() <= 1, path,
                "the out-of-order fraction must be in [0, 1] but was " + e.outOfOrderFraction());
        ok &= compiler.check(e.outOfOrderFraction() == 0 || e.maxLateness().compareTo(Duration.ZERO) > 0, path,
                "maxLateness must be positive when records arrive out of order but was " + e.maxLateness());
        if (!ok) {
            return null;
        }
        long startNanos = e.start().getEpochSecond() * 1_000_000_000L + e.start().getNano();
        return new TimestampNode(startNanos, e.step().toNanos(), e.jitter().toNanos(), e.outOfOrderFraction(),
                e.maxLateness().toNanos(), output, formatter, stateSlot);
    }

    /** True when the pattern prints anything finer than a second, outside quoted literals. */
    static boolean showsFractions(String pattern) {
        boolean quoted = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && (c == 'S' || c == 'n' || c == 'N' || c == 'A')) {
                return true;
            }
        }
        return false;
    }
}
