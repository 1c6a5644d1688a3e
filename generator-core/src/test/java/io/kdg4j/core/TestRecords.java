package io.kdg4j.core;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Helpers for tests: records of a schema as plain Java values. */
public final class TestRecords {
    public static final Clock FIXED_CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05.678Z"), ZoneOffset.UTC);

    private TestRecords() {
    }

    /** The first {@code count} records as values (Map, List, String, Long, BigDecimal...). */
    public static List<Object> values(RecordSchema schema, long seed, int count) {
        RecordGenerator generator = RecordGenerator.of(schema, seed, FIXED_CLOCK);
        List<Object> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            values.add(generator.generate(i).toValue());
        }
        return values;
    }

    /** The value of field {@code name} in the first {@code count} records of a one-field-or-more schema. */
    @SuppressWarnings("unchecked")
    public static List<Object> column(RecordSchema schema, String name, long seed, int count) {
        List<Object> column = new ArrayList<>(count);
        for (Object record : values(schema, seed, count)) {
            column.add(((Map<String, Object>) record).get(name));
        }
        return column;
    }
}
