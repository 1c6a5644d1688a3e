package io.kdg4j.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

class SmokeTest {
    @Test
    void syncAndAsyncClients_createPutAndRead() throws Exception {
        try (LocalEmulator local = LocalEmulator.start();
             KinesisClient kinesis = Clients.kinesis(local.endpoint());
             KinesisAsyncClient async = Clients.kinesisAsync(local.endpoint())) {
            kinesis.createStream(b -> b.streamName("s").shardCount(2));
            KinesisEmulatorTest.awaitActive(kinesis, "s");
            PutRecordsResponse put = async.putRecords(b -> b.streamName("s").records(
                    PutRecordsRequestEntry.builder().partitionKey("a").data(SdkBytes.fromUtf8String("one")).build(),
                    PutRecordsRequestEntry.builder().partitionKey("b").data(SdkBytes.fromUtf8String("two")).build()))
                    .get();
            assertThat(put.failedRecordCount()).isZero();
            String shard = put.records().get(0).shardId();
            String iterator = async.getShardIterator(b -> b.streamName("s").shardId(shard)
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).get().shardIterator();
            GetRecordsResponse records = async.getRecords(b -> b.shardIterator(iterator)).get();
            assertThat(records.records()).isNotEmpty();
            assertThat(records.records().get(0).approximateArrivalTimestamp()).isNotNull();
            List<String> all = kinesis.listShards(b -> b.streamName("s")).shards().stream()
                    .map(s -> s.shardId()).toList();
            assertThat(all).hasSize(2);
        }
    }
}
