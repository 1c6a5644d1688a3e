package io.kdg4j.core;

import static io.kdg4j.core.Fields.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.kdg4j.core.preset.Presets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Record n depends only on (schema, seed, n) when the clock is fixed. */
class DeterminismTest {
    private static final int COUNT = 20_000;

    static RecordSchema everything() {
        return record(
                field("id", uuid()),
                field("ulid", ulid()),
                field("seq", sequence(1, 2)),
                field("n", integers(-5, 5)),
                field("d", doubles(0, 1)),
                field("dec", decimals("0.00", "9.99")),
                field("w", weighted().option("a", 1).option("b", 2)),
                field("g", normal(0, 1).precision(3)),
                field("e", exponential(2)),
                field("z", zipf(100, 1.2)),
                field("at", now()),
                field("event", eventTime(Instant.EPOCH, Duration.ofMillis(5)).jitter(Duration.ofMillis(3))
                        .outOfOrder(0.1, Duration.ofSeconds(1))),
                field("city", fake("#{Address.city}")),
                field("state", fake("address.state")),
                field("byCall", faker(f -> f.name().fullName())),
                field("tags", arrayOf(oneOf("x", "y", "z"), 0, 5)),
                field("maybe", object(field("v", booleans())).nullable(0.5)),
                field("email", template("${state}@${city}.example")));
    }

    static List<String> schemas() {
        List<String> names = new ArrayList<>(Presets.names());
        names.add("everything");
        return names;
    }

    private static RecordSchema schema(String name) {
        return name.equals("everything") ? everything() : Presets.get(name).schema();
    }

    private static Records records(String name) {
        return Records.from(schema(name)).seed(20261122L).clock(TestRecords.FIXED_CLOCK);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemas")
    void sameSeed_sameBytes_sequentialOrParallelStream(String name) {
        List<GeneratedRecord> sequential = records(name).stream(COUNT).collect(Collectors.toList());
        List<GeneratedRecord> parallel = records(name).stream(COUNT).parallel().collect(Collectors.toList());
        assertThat(parallel).isEqualTo(sequential);
        assertThat(records(name).stream(COUNT).collect(Collectors.toList())).isEqualTo(sequential);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemas")
    void fourThreads_eachWithItsOwnIndexes_makeTheSameRecordsAsOne(String name) throws Exception {
        Records records = records(name);
        List<GeneratedRecord> single = records.stream(COUNT).collect(Collectors.toList());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<GeneratedRecord>>> shares = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                InstanceShare share = new InstanceShare(i, 4);
                shares.add(pool.submit(() -> records.share(share).stream(share.countOf(COUNT))
                        .collect(Collectors.toList())));
            }
            GeneratedRecord[] merged = new GeneratedRecord[COUNT];
            for (Future<List<GeneratedRecord>> share : shares) {
                for (GeneratedRecord record : share.get()) {
                    merged[(int) record.index()] = record;
                }
            }
            assertThat(List.of(merged)).isEqualTo(single);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRecord_doesNotDependOnTheRecordsBeforeIt() {
        Records records = records("everything");
        List<GeneratedRecord> first = records.stream(100).collect(Collectors.toList());
        assertThat(records.get(73)).isEqualTo(first.get(73));
        assertThat(records.get(0)).isEqualTo(first.get(0));
    }

    @Test
    void otherSeeds_giveOtherRecords() {
        Records a = records("sakila");
        Records b = a.seed(a.seed() + 1);
        assertThat(a.stream(50).collect(Collectors.toList())).isNotEqualTo(b.stream(50).collect(Collectors.toList()));
    }

    @Test
    void addingAField_leavesTheOtherFieldsValuesAlone() {
        RecordSchema before = record(field("a", integers(0, 1_000_000)), field("b", uuid()));
        RecordSchema after = record(field("new", integers(0, 9)), field("a", integers(0, 1_000_000)),
                field("b", uuid()));
        List<Object> x = TestRecords.column(before, "a", 5, 200);
        List<Object> y = TestRecords.column(after, "a", 5, 200);
        assertThat(y).isEqualTo(x);
    }
}
