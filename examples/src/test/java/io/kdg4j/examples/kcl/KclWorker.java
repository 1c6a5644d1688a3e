package io.kdg4j.examples.kcl;

import io.kdg4j.aws.AwsEndpoint;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;
import software.amazon.kinesis.common.ConfigsBuilder;
import software.amazon.kinesis.common.InitialPositionInStream;
import software.amazon.kinesis.common.InitialPositionInStreamExtended;
import software.amazon.kinesis.coordinator.Scheduler;
import software.amazon.kinesis.leases.LeaseManagementConfig;
import software.amazon.kinesis.processor.SingleStreamTracker;
import software.amazon.kinesis.retrieval.polling.PollingConfig;

/**
 * One KCL worker of the order-totals application, started on its own thread against an endpoint: the setup a
 * team's test writes around its own processor. Its clients are built from the {@link AwsEndpoint} the extension
 * injects, one line each.
 */
final class KclWorker implements AutoCloseable {
    private final KinesisAsyncClient kinesis;
    private final DynamoDbAsyncClient dynamoDb;
    private final CloudWatchAsyncClient cloudWatch;
    private final Scheduler scheduler;
    private boolean stopped;

    /** How the worker reads: GetRecords in a loop, or enhanced fan-out (SubscribeToShard), the KCL's default. */
    enum Retrieval { POLLING, FAN_OUT }

    KclWorker(AwsEndpoint aws, String stream, String application, String workerId, OrderTotals totals) {
        this(aws, stream, application, workerId, totals, Retrieval.POLLING);
    }

    KclWorker(AwsEndpoint aws, String stream, String application, String workerId, OrderTotals totals,
              Retrieval retrieval) {
        kinesis = aws.configure(KinesisAsyncClient.builder()).build();
        dynamoDb = aws.configure(DynamoDbAsyncClient.builder()).build();
        cloudWatch = aws.configure(CloudWatchAsyncClient.builder()).build();
        ConfigsBuilder configs = new ConfigsBuilder(new SingleStreamTracker(stream,
                InitialPositionInStreamExtended.newInitialPosition(InitialPositionInStream.TRIM_HORIZON)),
                application, kinesis, dynamoDb, cloudWatch, workerId, () -> new OrderTotalsProcessor(totals));
        // the KCL's defaults suit production, and a test shortens them: a worker idles 60 s after its first shard
        // sync; leases are assigned in rounds of twice the failover time (20 s); a worker refused the leader's lock
        // asks again only after 30 s; and a worker that has left counts as alive, and is given leases, for two of
        // its 30 s metrics reports
        LeaseManagementConfig leases = configs.leaseManagementConfig().shardSyncIntervalMillis(1_000)
                .failoverTimeMillis(2_000).leaseAssignmentIntervalMillis(1_000L)
                .dynamoDbLockBasedLeaderHeartbeatPeriodInMillis(1_000);
        leases.workerUtilizationAwareAssignmentConfig().workerMetricsReporterFreqInMillis(2_000);
        scheduler = new Scheduler(configs.checkpointConfig(), configs.coordinatorConfig(), leases,
                configs.lifecycleConfig(), configs.metricsConfig(), configs.processorConfig(),
                retrieval == Retrieval.POLLING ? configs.retrievalConfig().retrievalSpecificConfig(
                        new PollingConfig(stream, kinesis)) : configs.retrievalConfig());
        Thread thread = new Thread(scheduler, "kcl-" + workerId);
        thread.setDaemon(true);
        thread.start();
    }

    DynamoDbAsyncClient dynamoDb() {
        return dynamoDb;
    }

    /** Shuts the worker down gracefully (once): its processors checkpoint and its leases are released. */
    synchronized void stop() throws Exception {
        if (!stopped) {
            stopped = true;
            scheduler.startGracefulShutdown().get(30, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() throws Exception {
        try {
            stop();
        } finally {
            kinesis.close();
            dynamoDb.close();
            cloudWatch.close();
        }
    }
}
