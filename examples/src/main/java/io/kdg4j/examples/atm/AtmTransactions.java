package io.kdg4j.examples.atm;

import io.kdg4j.core.GeneratedRecord;
import io.kdg4j.core.Records;
import io.kdg4j.core.preset.Presets;
import io.kdg4j.core.schema.PartitionKeySpec;
import io.kdg4j.junit.KinesisFixture;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordResponse;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/**
 * The tutorial that teaches the two calls by hand: bank ATM transactions written one by one with PutRecord under
 * partition key {@code 1} (so all go to one shard, in order), then read back with GetShardIterator (TRIM_HORIZON)
 * and GetRecords. Here the transactions come from the {@code atm} preset and the stream from the embedded emulator.
 *
 * <pre>java -cp examples/target/classes:... io.kdg4j.examples.atm.AtmTransactions</pre>
 */
public final class AtmTransactions {
    /** What one PutRecord answered. */
    public record Written(String data, String shardId, String sequenceNumber) {
    }

    private AtmTransactions() {
    }

    /** Writes {@code count} ATM transactions with single PutRecord calls, partition key 1. */
    public static List<Written> put(KinesisClient kinesis, String stream, int count, long seed) {
        Records transactions = Records.from(Presets.get("atm").schema().partitionKey(PartitionKeySpec.constant("1")))
                .seed(seed);
        List<Written> written = new ArrayList<>();
        for (GeneratedRecord transaction : transactions.stream(count).toList()) {
            PutRecordResponse answer = kinesis.putRecord(b -> b.streamName(stream)
                    .partitionKey(transaction.partitionKey()).data(SdkBytes.fromByteBuffer(transaction.data())));
            written.add(new Written(transaction.text(), answer.shardId(), answer.sequenceNumber()));
        }
        return written;
    }

    /** Reads one shard from TRIM_HORIZON with GetShardIterator and GetRecords until a read comes back empty. */
    public static List<Record> get(KinesisClient kinesis, String stream, String shardId) {
        String iterator = kinesis.getShardIterator(b -> b.streamName(stream).shardId(shardId)
                .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
        List<Record> records = new ArrayList<>();
        while (iterator != null) {
            String current = iterator;
            GetRecordsResponse page = kinesis.getRecords(b -> b.shardIterator(current).limit(100));
            records.addAll(page.records());
            iterator = page.records().isEmpty() ? null : page.nextShardIterator();
        }
        return records;
    }

    public static void main(String[] args) throws Exception {
        try (KinesisFixture fixture = KinesisFixture.embedded()) {
            KinesisClient kinesis = fixture.kinesis();
            io.kdg4j.aws.Provisioning.ensureStream(kinesis, "atm-transactions", 1, java.time.Duration.ofSeconds(30));
            List<Written> written = put(kinesis, "atm-transactions", 10, 1);
            written.forEach(w -> System.out.println("put " + w.sequenceNumber() + " " + w.data()));
            for (Record record : get(kinesis, "atm-transactions", written.get(0).shardId())) {
                System.out.println("got " + record.sequenceNumber() + " " + record.data().asUtf8String());
            }
        }
    }
}
