package io.kdg4j.flink;

import static org.assertj.core.api.Assertions.assertThat;

import io.kdg4j.core.GeneratedRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Shares of a scenario run: together every event once, and a share restored from a checkpoint goes on exactly. */
class ShareSplitTest {
    private static final String SCENARIO = """
            start: 2026-03-01T00:00:00Z
            populations:
              customer:
                size: 300
                key: customer_id
                arrivals: { initial: 30, every: 1s }
                fields:
                  customer_id: { concat: ["C-", { sequence: {} }] }
            streams:
              customers:
                created: customer
                fields:
                  customer_id: { ref: customer }
              orders:
                every: 50
                by: customer
                late: { share: 0.1, by: 5s }
                fields:
                  customer_id: { ref: customer }
                  amount: { integers: [1, 500] }
            """;
    private static final ScenarioRecipe RECIPE = ScenarioRecipe.of(SCENARIO, "shop.yaml");
    private static final long START = 1_772_323_200_000L;

    @Test
    void theSharesTogether_makeEachEventOfTheWholeRunOnce() {
        Map<String, Integer> whole = texts(drain(new ShareSplit(RECIPE, 9, START, 5_000, 0, 1, 0).getIterator(),
                Long.MAX_VALUE));
        Map<String, Integer> shared = new HashMap<>();
        for (int share = 0; share < 3; share++) {
            texts(drain(new ShareSplit(RECIPE, 9, START, 5_000, share, 3, 0).getIterator(), Long.MAX_VALUE))
                    .forEach((text, n) -> shared.merge(text, n, Integer::sum));
        }
        assertThat(whole.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(5_000);
        assertThat(shared).isEqualTo(whole);
    }

    @Test
    void aShareRestoredFromItsCheckpoint_goesOnWithTheSameEvents() throws Exception {
        ShareSplit split = new ShareSplit(RECIPE, 9, START, 5_000, 1, 3, 0);
        List<GeneratedRecord> uninterrupted = drain(split.getIterator(), Long.MAX_VALUE);

        ShareSplit.Events events = split.getIterator();
        List<GeneratedRecord> before = drain(events, 700);
        ShareSplit checkpointed = split.getUpdatedSplitForIterator(events);
        byte[] bytes = ShareSplitSerializer.INSTANCE.serialize(checkpointed);
        ShareSplit restored = ShareSplitSerializer.INSTANCE.deserialize(ShareSplitSerializer.INSTANCE.getVersion(),
                bytes);
        assertThat(restored.emitted).isEqualTo(700);
        assertThat(restored.splitId()).isEqualTo("1/3");
        List<GeneratedRecord> after = drain(restored.getIterator(), Long.MAX_VALUE);

        List<GeneratedRecord> resumed = new ArrayList<>(before);
        resumed.addAll(after);
        assertThat(resumed).hasSameSizeAs(uninterrupted);
        for (int i = 0; i < resumed.size(); i++) {
            assertThat(resumed.get(i).text()).isEqualTo(uninterrupted.get(i).text());
            assertThat(resumed.get(i).route()).isEqualTo(uninterrupted.get(i).route());
        }
        assertThat(ShareSplitSerializer.Remaining.INSTANCE.deserialize(1,
                ShareSplitSerializer.Remaining.INSTANCE.serialize(List.of(checkpointed, split))))
                .extracting(s -> s.splitId() + "@" + s.emitted).containsExactly("1/3@700", "1/3@0");
    }

    private static List<GeneratedRecord> drain(ShareSplit.Events events, long most) {
        List<GeneratedRecord> records = new ArrayList<>();
        while (records.size() < most && events.hasNext()) {
            records.add(events.next());
        }
        return records;
    }

    private static Map<String, Integer> texts(List<GeneratedRecord> records) {
        Map<String, Integer> counts = new HashMap<>();
        records.forEach(r -> counts.merge(r.route() + "\t" + r.text(), 1, Integer::sum));
        return counts;
    }
}
