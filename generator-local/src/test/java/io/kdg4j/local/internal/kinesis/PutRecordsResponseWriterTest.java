package io.kdg4j.local.internal.kinesis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import io.kdg4j.local.internal.protocol.JsonProtocol;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hand-written PutRecords response, read back with Jackson, against SequenceNumbers' own text. */
class PutRecordsResponseWriterTest {
    @Test
    void successes_carryEachRecordsOwnSequenceNumber_acrossDigitCarries_andShardsInterleaved() throws Exception {
        Shard[] shardsOfStream = {shard(0), shard(1), shard(12)};
        int n = 500;
        Shard[] shards = new Shard[n];
        long[] counters = new long[n];
        String[] errors = new String[n];
        String[] messages = new String[n];
        long[] next = {7, 98, 999_999};   // counters about to carry: 9 -> 10, 99 -> 100, 999999 -> 1000000
        Random random = new Random(3);
        int failed = 0;
        for (int i = 0; i < n; i++) {
            int s = random.nextInt(3);
            shards[i] = shardsOfStream[s];
            if (i % 50 == 49) {
                errors[i] = "InternalFailure";
                messages[i] = "Internal service failure.";
                failed++;
            } else {
                // now and then a gap, as when another request's records came in between
                counters[i] = next[s] += random.nextInt(20) == 0 ? 5 : 1;
            }
        }
        for (JsonProtocol protocol : new JsonProtocol[] {JsonProtocol.CBOR, JsonProtocol.JSON}) {
            byte[] body = PutRecordsResponseWriter.write(protocol, failed, shards, counters, errors, messages, n)
                    .body();
            JsonNode response = (protocol == JsonProtocol.CBOR ? new ObjectMapper(new CBORFactory())
                    : new ObjectMapper()).readTree(body);
            assertThat(response.get("FailedRecordCount").asInt()).isEqualTo(failed);
            for (int i = 0; i < n; i++) {
                JsonNode entry = response.get("Records").get(i);
                if (errors[i] != null) {
                    assertThat(entry.get("ErrorCode").asText()).isEqualTo("InternalFailure");
                } else {
                    assertThat(entry.get("SequenceNumber").asText()).as("%s entry %d", protocol, i)
                            .isEqualTo(SequenceNumbers.of(shards[i], counters[i]));
                    assertThat(entry.get("ShardId").asText()).isEqualTo(shards[i].id());
                }
            }
        }
    }

    private static Shard shard(int index) {
        return new Shard(index, BigInteger.ZERO, BigInteger.ONE, false, new RecordArena(new SegmentPool()));
    }
}
