package io.kdg4j.examples.atm;

import static org.assertj.core.api.Assertions.assertThat;

import io.kdg4j.junit.KinesisTest;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.Record;

@KinesisTest
class AtmTransactionsTest {
    @Test
    void putRecordThenGetRecords_readsEveryTransactionBack_inOrder_fromOneShard(KinesisClient kinesis) {
        io.kdg4j.aws.Provisioning.ensureStream(kinesis, "atm", 3, Duration.ofSeconds(30));
        List<AtmTransactions.Written> written = AtmTransactions.put(kinesis, "atm", 60, 7);

        // partition key 1: every transaction lands on the same shard, with increasing sequence numbers
        assertThat(written).extracting(AtmTransactions.Written::shardId).containsOnly(written.get(0).shardId());
        for (int i = 1; i < written.size(); i++) {
            assertThat(new BigInteger(written.get(i).sequenceNumber()))
                    .isGreaterThan(new BigInteger(written.get(i - 1).sequenceNumber()));
        }

        List<Record> read = AtmTransactions.get(kinesis, "atm", written.get(0).shardId());
        assertThat(read).extracting(r -> r.data().asUtf8String())
                .containsExactlyElementsOf(written.stream().map(AtmTransactions.Written::data).toList());
        assertThat(read).extracting(Record::sequenceNumber)
                .containsExactlyElementsOf(written.stream().map(AtmTransactions.Written::sequenceNumber).toList());
        assertThat(read).extracting(Record::partitionKey).containsOnly("1");
        assertThat(written.get(0).data()).contains("\"trans_id\"", "\"amount\"");
    }
}
