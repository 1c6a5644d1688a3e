package io.kdg4j.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.StreamDescriptionSummary;
import software.amazon.awssdk.services.kinesis.model.StreamMode;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;

/** {@link LocalEmulator#createStreamIfAbsent} and {@link LocalEmulator#deleteStream}, seen through a client. */
class InProcessStreamsTest {
    @Test
    void createStreamIfAbsent_returnsOnceActive_andClientsSeeTheStream() {
        LocalConfig slow = LocalConfig.builder().creationDelay(Duration.ofMillis(300)).build();
        try (LocalEmulator local = LocalEmulator.start(slow);
             KinesisClient kinesis = Clients.kinesis(local.endpoint())) {
            assertThat(local.createStreamIfAbsent("orders", 3)).isTrue();
            // no waiting here: the call itself outlasted the 300 ms CREATING time
            StreamDescriptionSummary summary = kinesis.describeStreamSummary(b -> b.streamName("orders"))
                    .streamDescriptionSummary();
            assertThat(summary.streamStatus()).isEqualTo(StreamStatus.ACTIVE);
            assertThat(summary.openShardCount()).isEqualTo(3);
            assertThat(kinesis.putRecord(b -> b.streamName("orders").partitionKey("k")
                    .data(SdkBytes.fromUtf8String("x"))).sequenceNumber()).isNotBlank();
        }
    }

    @Test
    void createStreamIfAbsent_onAnExistingStream_keepsItAndReturnsFalse() {
        try (LocalEmulator local = LocalEmulator.start();
             KinesisClient kinesis = Clients.kinesis(local.endpoint())) {
            assertThat(local.createStreamIfAbsent("orders", 2)).isTrue();
            kinesis.putRecord(b -> b.streamName("orders").partitionKey("k").data(SdkBytes.fromUtf8String("kept")));
            assertThat(local.createStreamIfAbsent("orders", 5)).isFalse();
            assertThat(kinesis.describeStreamSummary(b -> b.streamName("orders")).streamDescriptionSummary()
                    .openShardCount()).isEqualTo(2);
        }
    }

    @Test
    void zeroShards_isOnDemand() {
        try (LocalEmulator local = LocalEmulator.start();
             KinesisClient kinesis = Clients.kinesis(local.endpoint())) {
            local.createStreamIfAbsent("flexible", 0);
            assertThat(kinesis.describeStreamSummary(b -> b.streamName("flexible")).streamDescriptionSummary()
                    .streamModeDetails().streamMode()).isEqualTo(StreamMode.ON_DEMAND);
        }
    }

    @Test
    void whatCreateStreamRefuses_isRefusedWithItsMessage() {
        try (LocalEmulator local = LocalEmulator.start()) {
            assertThatThrownBy(() -> local.createStreamIfAbsent("has space", 1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("ValidationException")
                    .hasMessageContaining("'has space' at 'streamName'")
                    .hasMessageContaining("[a-zA-Z0-9_.-]+");
            assertThatThrownBy(() -> local.createStreamIfAbsent("too-many", 100_000))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("LimitExceededException");
        }
    }

    @Test
    void deleteStream_removesItForClients_andSaysWhetherThereWasOne() {
        try (LocalEmulator local = LocalEmulator.start();
             KinesisClient kinesis = Clients.kinesis(local.endpoint())) {
            local.createStreamIfAbsent("gone", 1);
            assertThat(local.deleteStream("gone")).isTrue();
            assertThat(kinesis.listStreams().streamNames()).doesNotContain("gone");
            assertThat(local.deleteStream("gone")).isFalse();
        }
    }
}
