package io.kdg4j.flink;

import static io.kdg4j.core.Fields.field;
import static io.kdg4j.core.Fields.integers;
import static io.kdg4j.core.Fields.record;
import static io.kdg4j.core.Fields.sequence;
import static org.assertj.core.api.Assertions.assertThat;

import io.kdg4j.core.GeneratedRecord;
import io.kdg4j.core.RecordSchema;
import io.kdg4j.core.Records;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.kinesis.model.Record;

/**
 * A task fails in the middle of a run with checkpointing on; Flink restarts the job from its last completed
 * checkpoint. Every index lands at least once, and the only duplicates are indexes the failed attempt had passed
 * after that checkpoint (the source replays them, and they make the same records) or records the sink still
 * buffered at the checkpoint (it keeps them in the checkpoint and sends them again).
 */
class RestartTest {
    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());
    private static final int RECORDS = 20_000;
    /** The most records the sink buffers (and keeps in a checkpoint, to send again after a restore). */
    private static final int SINK_BUFFER = 1_000;
    // halfway through the first of the two subtasks' ranges: 2.5 s in at 4,000 records/s for the job, which the
    // stream's 8 shards take without throttling (so the sink's flush at each checkpoint is quick)
    private static final long FAIL_AT = 5_000;

    /**
     * Indexes each subtask of the first attempt saw, in order (until it was cancelled: with Flink's region
     * failover, a subtask that did not fail may run on to the end).
     */
    static final Map<Integer, List<Long>> SEEN = new ConcurrentHashMap<>();
    /** Per checkpoint id, how many indexes each subtask of the first attempt had seen when it was taken. */
    static final Map<Long, Map<Integer, Integer>> SEEN_AT_CHECKPOINT = new ConcurrentHashMap<>();
    static final AtomicLong LAST_COMPLETED_BEFORE_FAILURE = new AtomicLong(-1);
    static final AtomicBoolean FAILED = new AtomicBoolean();
    /** The checkpoint each restarted subtask was restored from. */
    static final Map<Integer, Long> RESTORED_FROM = new ConcurrentHashMap<>();

    static RecordSchema numbered() {
        return record(field("n", sequence()), field("customer", integers(1, 500)));
    }

    @Test
    void aTaskFailure_replaysFromTheLastCheckpoint_andEveryIndexLands() throws Exception {
        try (FlinkEmulator emulator = new FlinkEmulator()) {
            emulator.createStream("restarted", 8);
            Configuration config = new Configuration();
            config.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
            config.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 3);
            config.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(200));
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
            env.setParallelism(2);
            env.enableCheckpointing(100);
            env.fromSource(KdgSource.schema(RestartTest::numbered).seed(4).records(RECORDS).rate(4_000).build(),
                            WatermarkStrategy.noWatermarks(), "numbered")
                    .map(new FailOnce()).returns(GeneratedRecordType.INSTANCE)
                    .sinkTo(KdgSinks.kinesisBuilder("restarted", emulator.properties()).setMaxBatchSize(500)
                            .setMaxBufferedRequests(SINK_BUFFER).build());
            env.execute("restarted");

            assertThat(FAILED).as("the task failed once").isTrue();
            long notified = LAST_COMPLETED_BEFORE_FAILURE.get();
            assertThat(notified).as("a checkpoint completed before the failure").isPositive();

            Map<String, Long> indexOf = new HashMap<>();
            Records.from(numbered()).seed(4).stream(RECORDS).forEach(r -> indexOf.put(r.text(), r.index()));
            Map<Long, Integer> landed = new HashMap<>();
            for (Record record : emulator.readToEnd("restarted")) {
                Long index = indexOf.get(record.data().asUtf8String());
                assertThat(index).as("a record of the run: %s", record.data().asUtf8String()).isNotNull();
                landed.merge(index, 1, Integer::sum);
            }
            List<Long> missing = new ArrayList<>();
            for (long i = 0; i < RECORDS; i++) {
                if (!landed.containsKey(i)) {
                    missing.add(i);
                }
            }
            assertThat(missing).as("indexes that did not land").isEmpty();

            // the task hears of a completed checkpoint a moment after the coordinator completes it, so the one it was
            // restored from may be newer than the last one it heard of, never older
            long checkpoint = RESTORED_FROM.values().stream().mapToLong(Long::longValue).max().orElseThrow();
            assertThat(checkpoint).as("restored from the last checkpoint completed before the failure")
                    .isGreaterThanOrEqualTo(notified);
            assertThat(SEEN_AT_CHECKPOINT).as("a checkpoint the first attempt took").containsKey(checkpoint);
            // per subtask: what it passed before the checkpoint, and after it (the indexes the source replays)
            Set<Long> replayable = new HashSet<>();
            Map<Integer, List<Long>> beforeCheckpoint = new HashMap<>();
            Map<Integer, Integer> atCheckpoint = SEEN_AT_CHECKPOINT.get(checkpoint);
            SEEN.forEach((subtask, indexes) -> {
                int position = atCheckpoint.getOrDefault(subtask, 0);
                beforeCheckpoint.put(subtask, indexes.subList(0, position));
                replayable.addAll(indexes.subList(position, indexes.size()));
            });
            assertThat(beforeCheckpoint.values()).as("indexes passed before the checkpoint")
                    .anyMatch(l -> !l.isEmpty());
            for (List<Long> before : beforeCheckpoint.values()) {
                // sent twice before the checkpoint: only what the sink still held then, the last SINK_BUFFER at most
                int held = Math.max(0, before.size() - SINK_BUFFER);
                assertThat(before.subList(0, held)).as("the restart resumed from the checkpoint, not from the start")
                        .allMatch(index -> landed.get(index) == 1);
            }
            Set<Long> heldBySink = new HashSet<>();
            beforeCheckpoint.values().forEach(before -> heldBySink.addAll(
                    before.subList(Math.max(0, before.size() - SINK_BUFFER), before.size())));
            landed.forEach((index, times) -> {
                if (times > 1) {
                    assertThat(replayable.contains(index) || heldBySink.contains(index))
                            .as("index %d landed %d times: replayed after the checkpoint, or held by the sink at it",
                                    index, times).isTrue();
                }
            });
        }
    }

    /** Fails once, in the first attempt, at index {@value #FAIL_AT}; notes what the first attempt saw. */
    static final class FailOnce extends RichMapFunction<GeneratedRecord, GeneratedRecord>
            implements CheckpointedFunction, CheckpointListener {
        private static final long serialVersionUID = 1L;
        private transient boolean firstAttempt;
        private transient int subtask;
        private transient List<Long> seen;

        @Override
        public void initializeState(FunctionInitializationContext context) {
            context.getRestoredCheckpointId().ifPresent(id -> RESTORED_FROM.put(
                    getRuntimeContext().getTaskInfo().getIndexOfThisSubtask(), id));
        }

        @Override
        public void open(org.apache.flink.api.common.functions.OpenContext context) {
            firstAttempt = getRuntimeContext().getTaskInfo().getAttemptNumber() == 0;
            subtask = getRuntimeContext().getTaskInfo().getIndexOfThisSubtask();
            seen = SEEN.computeIfAbsent(subtask, s -> java.util.Collections.synchronizedList(new ArrayList<>()));
        }

        @Override
        public GeneratedRecord map(GeneratedRecord record) {
            if (firstAttempt) {
                seen.add(record.index());
                if (record.index() == FAIL_AT && FAILED.compareAndSet(false, true)) {
                    throw new IllegalStateException("the failure this test asks for, at index " + FAIL_AT);
                }
            }
            return record;
        }

        @Override
        public void snapshotState(FunctionSnapshotContext context) {
            if (firstAttempt) {
                SEEN_AT_CHECKPOINT.computeIfAbsent(context.getCheckpointId(), id -> new ConcurrentHashMap<>())
                        .put(subtask, seen.size());
            }
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            if (firstAttempt && !FAILED.get()) {
                LAST_COMPLETED_BEFORE_FAILURE.accumulateAndGet(checkpointId, Math::max);
            }
        }
    }
}
