package io.kdg4j.local.internal.kinesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import io.kdg4j.local.internal.protocol.AwsException;
import io.kdg4j.local.internal.protocol.JsonProtocol;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hand-written CBOR reading of PutRecords bodies, against bodies Jackson writes and against broken ones. */
class PutRecordsBodyTest {
    private static byte[] body(int records, boolean extras) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = new CBORFactory().createGenerator(out)) {
            g.writeStartObject();
            if (extras) {
                g.writeNumberField("Unknown", 3.5);
                g.writeObjectFieldStart("Nested");
                g.writeArrayFieldStart("list");
                g.writeBoolean(true);
                g.writeNull();
                g.writeNumber(-70_000L);
                g.writeEndArray();
                g.writeEndObject();
                g.writeNullField("StreamARN");
            }
            g.writeStringField("StreamName", "orders");
            g.writeArrayFieldStart("Records");
            for (int i = 0; i < records; i++) {
                g.writeStartObject();
                g.writeBinaryField("Data", ("record-" + i).getBytes());
                g.writeStringField("PartitionKey", "ключ-" + i);
                if (i % 2 == 0) {
                    g.writeStringField("ExplicitHashKey", String.valueOf(i));
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        return out.toByteArray();
    }

    @Test
    void readsWhatJacksonWrites_skippingUnknownFields() throws IOException {
        for (boolean extras : new boolean[] {false, true}) {
            PutRecordsBody parsed = PutRecordsBody.parse(JsonProtocol.CBOR, body(40, extras));
            assertThat(parsed.streamName).isEqualTo("orders");
            assertThat(parsed.streamArn).isNull();
            assertThat(parsed.count).isEqualTo(40);
            for (int i = 0; i < 40; i++) {
                assertThat(new String(parsed.data(i))).isEqualTo("record-" + i);
                assertThat(parsed.key(i)).isEqualTo("ключ-" + i);
                assertThat(parsed.explicitHashKeys[i]).isEqualTo(i % 2 == 0 ? String.valueOf(i) : null);
            }
        }
    }

    /** A PutRecords body as KinesisAsyncClient 2.41 sent it (two records: "hello" under key-1, 150 zeros under k2). */
    private static final String SDK_BODY = "bf675265636f7264739fbf64446174614568656c6c6f6c506172746974696f6e4b6579656b"
            + "65792d31ffbf6444617461589600" + "00".repeat(149) + "6c506172746974696f6e4b6579626b32ffff6a53747265616d4e"
            + "616d656173ff";

    @Test
    void readsTheSdksOwnBytes_theShapeTheFastPathTakes() {
        byte[] body = java.util.HexFormat.of().parseHex(SDK_BODY);
        PutRecordsBody parsed = PutRecordsBody.parse(JsonProtocol.CBOR, body);
        assertThat(parsed.streamName).isEqualTo("s");
        assertThat(parsed.count).isEqualTo(2);
        assertThat(parsed.key(0)).isEqualTo("key-1");
        assertThat(new String(parsed.data(0))).isEqualTo("hello");
        assertThat(parsed.key(1)).isEqualTo("k2");
        assertThat(parsed.data(1)).hasSize(150).containsOnly(0);
        // the records are read in place, not copied
        assertThat(parsed.dataSource[1]).isSameAs(body);
        assertThat(parsed.keySource[0]).isSameAs(body);
    }

    @Test
    void everyTruncation_andRandomCorruption_isASerializationError() throws IOException {
        byte[] whole = body(5, true);
        byte[] sdk = java.util.HexFormat.of().parseHex(SDK_BODY);
        for (int length = 0; length < sdk.length; length++) {
            byte[] cut = java.util.Arrays.copyOf(sdk, length);
            assertThatThrownBy(() -> PutRecordsBody.parse(JsonProtocol.CBOR, cut)).isInstanceOf(AwsException.class);
        }
        for (int length = 0; length < whole.length; length++) {
            byte[] cut = java.util.Arrays.copyOf(whole, length);
            assertThatThrownBy(() -> PutRecordsBody.parse(JsonProtocol.CBOR, cut))
                    .isInstanceOf(AwsException.class).hasMessageContaining("");
        }
        Random random = new Random(5);
        for (int i = 0; i < 5_000; i++) {
            byte[] broken = whole.clone();
            broken[random.nextInt(broken.length)] = (byte) random.nextInt(256);
            try {
                PutRecordsBody.parse(JsonProtocol.CBOR, broken);
            } catch (AwsException expected) {
                assertThat(expected.code()).isEqualTo("SerializationException");
            }
        }
    }

    @Test
    void deepNesting_isRefused_withoutExhaustingTheStack() {
        byte[] body = new byte[200_000];
        body[0] = (byte) 0xa1;
        body[1] = 0x61;
        body[2] = 'X';
        java.util.Arrays.fill(body, 3, body.length, (byte) 0x81);
        assertThatThrownBy(() -> PutRecordsBody.parse(JsonProtocol.CBOR, body)).isInstanceOf(AwsException.class)
                .hasMessageContaining("nested more than 64 deep");
    }

    @Test
    void hugeDeclaredLengths_failWithoutAllocating() {
        // a map whose first key claims 2^62 bytes
        byte[] body = {(byte) 0xa1, 0x7b, 0x40, 0, 0, 0, 0, 0, 0, 0};
        assertThatThrownBy(() -> PutRecordsBody.parse(JsonProtocol.CBOR, body)).isInstanceOf(AwsException.class)
                .hasMessageContaining("ends in the middle");
    }
}
