package io.kdg4j.examples.flink;

import static io.kdg4j.core.Fields.decimals;
import static io.kdg4j.core.Fields.field;
import static io.kdg4j.core.Fields.integers;
import static io.kdg4j.core.Fields.record;
import static io.kdg4j.core.Fields.sequence;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kdg4j.aws.AwsEndpoint;
import io.kdg4j.core.GeneratedRecord;
import io.kdg4j.core.RecordSchema;
import io.kdg4j.core.Records;
import io.kdg4j.junit.Backend;
import io.kdg4j.junit.KinesisGenerator;
import io.kdg4j.junit.KinesisTest;
import io.kdg4j.junit.RunningGenerator;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.serialization.SimpleStringSchema;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.kinesis.source.KinesisStreamsSource;
import org.apache.flink.connector.kinesis.source.config.KinesisStreamsSourceConfigConstants;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.SinkFunction;
import org.apache.flink.streaming.connectors.kinesis.FlinkKinesisConsumer;
import org.apache.flink.streaming.connectors.kinesis.config.AWSConfigConstants;
import org.apache.flink.streaming.connectors.kinesis.config.ConsumerConfigConstants;
import org.junit.jupiter.api.Test;

/**
 * A Flink 1.20 job, on a local MiniCluster, reading generated orders from the embedded backend and counting orders
 * per customer: the counts equal those of the seeded records. With Flink's long-standing Kinesis consumer, polling
 * and with enhanced fan-out (by stream name), and with its newer source (by stream ARN). No Docker, no AWS.
 */
@KinesisTest(backend = Backend.EMBEDDED)
class OrderCountsFlinkTest {
    private static final int ORDERS = 10_000;
    /** The job's latest count per customer; a static map because Flink serialises the sink into its task. */
    static final Map<String, Long> COUNTS = new ConcurrentHashMap<>();

    static RecordSchema orders() {
        return record(field("order_id", sequence()), field("customer_id", integers(1, 50)),
                field("amount", decimals("1.00", "500.00"))).partitionKeyField("customer_id");
    }

    @Test
    void theFlinkJob_countsEveryOrderPerCustomer(
            @KinesisGenerator(stream = "flink-orders", shards = 4, schema = "orders", records = ORDERS, seed = "12")
            RunningGenerator generator, AwsEndpoint aws) throws Exception {
        generator.awaitCompletion(Duration.ofSeconds(60));
        Properties consumer = consumerProperties(aws);
        consumer.setProperty(ConsumerConfigConstants.SHARD_GETRECORDS_INTERVAL_MILLIS, "200");
        runCountingJob(new FlinkKinesisConsumer<>("flink-orders", new SimpleStringSchema(), consumer));
        assertThat(COUNTS).isEqualTo(expectedCounts(12));
    }

    /**
     * The same consumer with enhanced fan-out: it registers a stream consumer and reads each shard through
     * SubscribeToShard over HTTP/2. (The newer source has no fan-out in connector 4.3.0.)
     */
    @Test
    void theFlinkJob_withEnhancedFanOut_countsEveryOrderToo(
            @KinesisGenerator(stream = "flink-efo-orders", shards = 4, schema = "orders", records = ORDERS,
                              seed = "14") RunningGenerator generator, AwsEndpoint aws,
            software.amazon.awssdk.services.kinesis.KinesisClient kinesis) throws Exception {
        generator.awaitCompletion(Duration.ofSeconds(60));
        Properties consumer = consumerProperties(aws);
        consumer.setProperty(ConsumerConfigConstants.RECORD_PUBLISHER_TYPE,
                ConsumerConfigConstants.RecordPublisherType.EFO.name());
        consumer.setProperty(ConsumerConfigConstants.EFO_CONSUMER_NAME, "order-counts");
        runCountingJob(new FlinkKinesisConsumer<>("flink-efo-orders", new SimpleStringSchema(), consumer));
        assertThat(COUNTS).isEqualTo(expectedCounts(14));
        String arn = kinesis.describeStreamSummary(b -> b.streamName("flink-efo-orders")).streamDescriptionSummary()
                .streamARN();
        assertThat(kinesis.listStreamConsumers(b -> b.streamARN(arn)).consumers())
                .extracting(c -> c.consumerName()).containsExactly("order-counts");
    }

    private static Properties consumerProperties(AwsEndpoint aws) {
        Properties consumer = new Properties();
        consumer.setProperty(AWSConfigConstants.AWS_REGION, aws.region().id());
        consumer.setProperty(AWSConfigConstants.AWS_ENDPOINT, aws.endpoint().toString());
        consumer.setProperty(AWSConfigConstants.AWS_CREDENTIALS_PROVIDER, "BASIC");
        consumer.setProperty(AWSConfigConstants.AWS_ACCESS_KEY_ID, "test");
        consumer.setProperty(AWSConfigConstants.AWS_SECRET_ACCESS_KEY, "test");
        consumer.setProperty(ConsumerConfigConstants.STREAM_INITIAL_POSITION, "TRIM_HORIZON");
        return consumer;
    }

    private static void runCountingJob(FlinkKinesisConsumer<String> source) throws Exception {
        runCountingJob(env -> env.addSource(source));
    }

    /** Counts the orders of the stream that {@code source} adds to the job, per customer, until all are counted. */
    private static void runCountingJob(Function<StreamExecutionEnvironment, DataStream<String>> source)
            throws Exception {
        COUNTS.clear();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        source.apply(env)
                .map(OrderCountsFlinkTest::customerOf).returns(Types.TUPLE(Types.STRING, Types.LONG))
                .keyBy(order -> order.f0).sum(1)
                .addSink(new LatestCount());
        JobClient job = env.executeAsync("order counts");
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> COUNTS.values().stream().mapToLong(Long::longValue)
                    .sum() >= ORDERS);
        } finally {
            job.cancel().get();
        }
    }

    /** Flink's newer Kinesis source (FLIP-27), which addresses the stream by its ARN. */
    @Test
    void theNewKinesisSource_byStreamArn_countsEveryOrderToo(
            @KinesisGenerator(stream = "flink-arn-orders", shards = 2, schema = "orders", records = ORDERS,
                              seed = "13") RunningGenerator generator, AwsEndpoint aws,
            software.amazon.awssdk.services.kinesis.KinesisClient kinesis) throws Exception {
        generator.awaitCompletion(Duration.ofSeconds(60));
        String arn = kinesis.describeStreamSummary(b -> b.streamName("flink-arn-orders")).streamDescriptionSummary()
                .streamARN();
        Configuration config = new Configuration();
        config.set(KinesisStreamsSourceConfigConstants.STREAM_INITIAL_POSITION,
                KinesisStreamsSourceConfigConstants.InitialPosition.TRIM_HORIZON);
        // the connector's AWS settings, by their keys (its AWSConfigConstants class is relocated in this jar)
        config.setString("aws.region", aws.region().id());
        config.setString("aws.endpoint", aws.endpoint().toString());
        config.setString("aws.credentials.provider", "BASIC");
        config.setString("aws.credentials.provider.basic.accesskeyid", "test");
        config.setString("aws.credentials.provider.basic.secretkey", "test");
        KinesisStreamsSource<String> source = KinesisStreamsSource.<String>builder().setStreamArn(arn)
                .setSourceConfig(config).setDeserializationSchema(new SimpleStringSchema()).build();
        runCountingJob(env -> env.fromSource(source, WatermarkStrategy.noWatermarks(), "orders by ARN",
                Types.STRING));
        assertThat(COUNTS).isEqualTo(expectedCounts(13));
    }

    private static Tuple2<String, Long> customerOf(String json) throws Exception {
        return Tuple2.of(new ObjectMapper().readTree(json).get("customer_id").asText(), 1L);
    }

    /** Keeps each customer's latest running count. */
    static final class LatestCount implements SinkFunction<Tuple2<String, Long>> {
        private static final long serialVersionUID = 1L;

        @Override
        public void invoke(Tuple2<String, Long> count, Context context) {
            COUNTS.put(count.f0, count.f1);
        }
    }

    private static Map<String, Long> expectedCounts(long seed) throws Exception {
        ObjectMapper json = new ObjectMapper();
        Map<String, Long> counts = new HashMap<>();
        for (GeneratedRecord order : (Iterable<GeneratedRecord>) Records.from(orders()).seed(seed).stream(ORDERS)
                ::iterator) {
            counts.merge(json.readTree(order.text()).get("customer_id").asText(), 1L, Long::sum);
        }
        return counts;
    }
}
