package io.kdg4j.flink;

import io.kdg4j.core.GeneratedRecord;
import io.kdg4j.core.scenario.file.ScenarioFile;
import java.net.URI;
import java.util.Objects;
import java.util.Properties;
import org.apache.flink.api.common.functions.FilterFunction;
import org.apache.flink.connector.firehose.sink.KinesisFirehoseSink;
import org.apache.flink.connector.firehose.sink.KinesisFirehoseSinkBuilder;
import org.apache.flink.connector.kinesis.sink.KinesisStreamsSink;
import org.apache.flink.connector.kinesis.sink.KinesisStreamsSinkBuilder;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * Flink's own Kinesis and Firehose sinks, set up for kdg4j records: each record's bytes, and its own partition key.
 * Both are at-least-once with checkpointing on. After a failure the job restarts from its last checkpoint: the
 * source replays the indexes after the checkpoint's position, which make the same records again, and the sink
 * sends again the records it held in its buffer at the checkpoint (at most its maxBufferedRequests), which it
 * keeps in the checkpoint. Those are the only duplicates.
 */
public final class KdgSinks {
    private KdgSinks() {
    }

    /** A Kinesis data stream by name; {@code aws} as from {@link #awsProperties} or the connector's own keys. */
    public static KinesisStreamsSink<GeneratedRecord> kinesis(String stream, Properties aws) {
        return kinesisBuilder(stream, aws).build();
    }

    /** The same, as a builder, to set the connector's batching and buffering before building. */
    public static KinesisStreamsSinkBuilder<GeneratedRecord> kinesisBuilder(String stream, Properties aws) {
        return KinesisStreamsSink.<GeneratedRecord>builder()
                .setStreamName(Objects.requireNonNull(stream, "stream"))
                .setKinesisClientProperties(aws)
                .setSerializationSchema(new RecordData())
                .setPartitionKeyGenerator(new RecordPartitionKey());
    }

    /** A Firehose delivery stream by name. */
    public static KinesisFirehoseSink<GeneratedRecord> firehose(String deliveryStream, Properties aws) {
        return firehoseBuilder(deliveryStream, aws).build();
    }

    /** The same, as a builder. */
    public static KinesisFirehoseSinkBuilder<GeneratedRecord> firehoseBuilder(String deliveryStream,
                                                                              Properties aws) {
        return KinesisFirehoseSink.<GeneratedRecord>builder()
                .setDeliveryStreamName(Objects.requireNonNull(deliveryStream, "deliveryStream"))
                .setFirehoseClientProperties(aws)
                .setSerializationSchema(new RecordData());
    }

    /**
     * Sends each stream of a scenario where its file says ({@code to: {kinesis|firehose: NAME}}; by default the
     * Kinesis stream of its own name), each through its own Kinesis or Firehose sink.
     */
    public static void scenario(DataStream<GeneratedRecord> events, KdgScenarioSource scenario, Properties aws) {
        ScenarioFile file = scenario.scenarioFile();
        for (String stream : scenario.streams()) {
            ScenarioFile.Target target = file.target(stream);
            DataStream<GeneratedRecord> routed = events.filter(new Route(stream)).name("stream " + stream);
            if (target.kind() == ScenarioFile.Target.Kind.KINESIS) {
                routed.sinkTo(kinesis(target.name(), aws)).name("Kinesis " + target.name());
            } else {
                routed.sinkTo(firehose(target.name(), aws)).name("Firehose " + target.name());
            }
        }
    }

    /** The records of one scenario stream. */
    private record Route(String stream) implements FilterFunction<GeneratedRecord> {
        @Override
        public boolean filter(GeneratedRecord record) {
            return stream.equals(record.route());
        }
    }

    /**
     * The connectors' client properties for AWS in {@code region} with the default credential chain (the task
     * managers' role, environment or profile).
     */
    public static Properties awsProperties(String region) {
        Properties aws = new Properties();
        aws.setProperty("aws.region", Objects.requireNonNull(region, "region"));
        aws.setProperty("aws.credentials.provider", "AUTO");
        return aws;
    }

    /**
     * The connectors' client properties for an endpoint such as the kdg4j emulator or LocalStack, which take any
     * credentials: static ones given here (the emulator's "test"), never from the machine's AWS profile.
     */
    public static Properties emulatorProperties(URI endpoint, String region, String accessKeyId,
                                                String secretAccessKey) {
        Properties aws = new Properties();
        aws.setProperty("aws.region", Objects.requireNonNull(region, "region"));
        aws.setProperty("aws.endpoint", Objects.requireNonNull(endpoint, "endpoint").toString());
        aws.setProperty("aws.credentials.provider", "BASIC");
        aws.setProperty("aws.credentials.provider.basic.accesskeyid", accessKeyId);
        aws.setProperty("aws.credentials.provider.basic.secretkey", secretAccessKey);
        return aws;
    }
}
