package io.kdg4j.examples.kcl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import software.amazon.kinesis.exceptions.InvalidStateException;
import software.amazon.kinesis.exceptions.ShutdownException;
import software.amazon.kinesis.lifecycle.events.InitializationInput;
import software.amazon.kinesis.lifecycle.events.LeaseLostInput;
import software.amazon.kinesis.lifecycle.events.ProcessRecordsInput;
import software.amazon.kinesis.lifecycle.events.ShardEndedInput;
import software.amazon.kinesis.lifecycle.events.ShutdownRequestedInput;
import software.amazon.kinesis.processor.RecordProcessorCheckpointer;
import software.amazon.kinesis.processor.ShardRecordProcessor;
import software.amazon.kinesis.retrieval.KinesisClientRecord;

/**
 * A plain KCL 3 record processor, as a team would write one: it adds each order's amount to its customer's total
 * and checkpoints after every batch. Nothing in it knows about kdg4j or the emulator.
 */
public final class OrderTotalsProcessor implements ShardRecordProcessor {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final OrderTotals totals;
    private String shardId;

    public OrderTotalsProcessor(OrderTotals totals) {
        this.totals = totals;
    }

    @Override
    public void initialize(InitializationInput input) {
        shardId = input.shardId();
    }

    @Override
    public void processRecords(ProcessRecordsInput input) {
        for (KinesisClientRecord record : input.records()) {
            JsonNode order;
            try {
                byte[] data = new byte[record.data().remaining()];
                record.data().get(data);
                order = JSON.readTree(data);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            totals.add(shardId, new OrderTotals.Position(new BigInteger(record.sequenceNumber()),
                    record.subSequenceNumber()), order.get("customer_id").asText(),
                    new BigDecimal(order.get("amount").asText()));
        }
        checkpoint(input.checkpointer());
    }

    @Override
    public void leaseLost(LeaseLostInput input) {
        // another worker has the shard now; it resumes from the last checkpoint
    }

    @Override
    public void shardEnded(ShardEndedInput input) {
        checkpoint(input.checkpointer());
    }

    @Override
    public void shutdownRequested(ShutdownRequestedInput input) {
        checkpoint(input.checkpointer());
    }

    private static void checkpoint(RecordProcessorCheckpointer checkpointer) {
        try {
            checkpointer.checkpoint();
        } catch (ShutdownException | InvalidStateException e) {
            // the lease is gone or the worker is stopping: the next owner starts from the last checkpoint
        }
    }
}
