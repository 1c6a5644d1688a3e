package io.kdg4j.local.internal;

import io.kdg4j.local.internal.cloudwatch.CloudWatchService;
import io.kdg4j.local.internal.dynamodb.DynamoDbService;
import io.kdg4j.local.internal.http.AwsRequest;
import io.kdg4j.local.internal.http.AwsResponse;
import io.kdg4j.local.internal.http.HttpServer;
import io.kdg4j.local.internal.kinesis.KinesisService;
import io.kdg4j.local.internal.protocol.AwsException;
import io.kdg4j.local.internal.protocol.JsonProtocol;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Sends each request to its service, LocalStack-style: by {@code X-Amz-Target} for Kinesis, Firehose and
 * DynamoDB, by the Smithy protocol header (or the Query form) for CloudWatch, and everything else to S3. Applies the injected faults (to the put operations) and latency (to everything).
 */
public final class Router implements HttpServer.Dispatcher {
    private static final System.Logger LOG = System.getLogger(Router.class.getName());
    private static final String FIREHOSE_PREFIX = "Firehose_20150804.";
    private static final Set<String> FAULTY = Set.of("PutRecord", "PutRecords", "PutRecordBatch");
    private static final String PUT_RECORDS = KinesisService.TARGET_PREFIX + "PutRecords";
    private static final String SUBSCRIBE_TO_SHARD = KinesisService.TARGET_PREFIX + "SubscribeToShard";

    private final KinesisService kinesis;
    private final BiFunction<String, AwsRequest, AwsResponse> firehose;
    private final Function<AwsRequest, AwsResponse> s3;
    private final DynamoDbService dynamoDb;
    private final CloudWatchService cloudWatch;
    private final FaultInjector faults;
    private final long latencyMillis;

    public Router(KinesisService kinesis, BiFunction<String, AwsRequest, AwsResponse> firehose,
                  Function<AwsRequest, AwsResponse> s3, DynamoDbService dynamoDb, CloudWatchService cloudWatch,
                  FaultInjector faults, long latencyMillis) {
        this.kinesis = kinesis;
        this.firehose = firehose;
        this.s3 = s3;
        this.dynamoDb = dynamoDb;
        this.cloudWatch = cloudWatch;
        this.faults = faults;
        this.latencyMillis = latencyMillis;
    }

    @Override
    public HttpServer.BodyPlace bodyFor(Map<String, String> headers, int length) {
        if (PUT_RECORDS.equals(headers.get("x-amz-target"))
                && JsonProtocol.CBOR.contentType().equals(headers.get("content-type"))) {
            return kinesis.putRecordsBody(length);
        }
        return HttpServer.Dispatcher.super.bodyFor(headers, length);
    }

    @Override
    public void release(AwsRequest request) {
        kinesis.release(request);
    }

    @Override
    public void dispatch(AwsRequest request, HttpServer.Responder responder) {
        if (SUBSCRIBE_TO_SHARD.equals(request.header("x-amz-target"))) {
            kinesis.subscribeToShard(request, responder);
            return;
        }
        AwsResponse response = route(request);
        if (latencyMillis > 0) {
            responder.respondLater(response, latencyMillis);
        } else {
            responder.respond(response);
        }
    }

    private AwsResponse route(AwsRequest request) {
        String target = request.header("x-amz-target");
        try {
            if (target != null && target.startsWith(KinesisService.TARGET_PREFIX)) {
                String operation = target.substring(KinesisService.TARGET_PREFIX.length());
                return withFaults(operation, request, "ServiceUnavailable",
                        () -> kinesis.handle(operation, request));
            }
            if (target != null && target.startsWith(FIREHOSE_PREFIX)) {
                String operation = target.substring(FIREHOSE_PREFIX.length());
                return withFaults(operation, request, "ServiceUnavailableException",
                        () -> firehose.apply(operation, request));
            }
            if (target != null && target.startsWith(DynamoDbService.TARGET_PREFIX)) {
                return dynamoDb.handle(target.substring(DynamoDbService.TARGET_PREFIX.length()), request);
            }
            if (target != null) {
                return JsonProtocol.of(request).error(new AwsException("UnknownOperationException", 400,
                        "Unknown target " + target + "; the kdg4j emulator serves Kinesis_20131202, "
                                + "Firehose_20150804 and DynamoDB_20120810"));
            }
            if (CloudWatchService.accepts(request)) {
                return cloudWatch.handle(request);
            }
            return s3.apply(request);
        } catch (AwsException e) {
            return JsonProtocol.of(request).error(e);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "kdg4j emulator: " + target + " failed", e);
            return JsonProtocol.of(request).error(new AwsException("InternalFailure", 500,
                    "The kdg4j emulator failed: " + e));
        }
    }

    private AwsResponse withFaults(String operation, AwsRequest request, String unavailableCode,
                                   java.util.function.Supplier<AwsResponse> serve) {
        if (!FAULTY.contains(operation)) {
            return serve.get();
        }
        switch (faults.request()) {
            case SERVER_ERROR_500:
                return JsonProtocol.of(request).error(new AwsException("InternalFailure", 500,
                        "Internal service failure (injected by the kdg4j emulator)."));
            case SERVER_ERROR_503:
                return JsonProtocol.of(request).error(new AwsException(unavailableCode, 503,
                        "Service unavailable (injected by the kdg4j emulator)."));
            case DROP_AFTER_SERVING:
                serve.get();
                return AwsResponse.DROP;
            default:
                return serve.get();
        }
    }

    /** The 413 answer for bodies over the request limit. */
    public static AwsResponse tooLarge(String message) {
        AwsResponse json = JsonProtocol.JSON.error(new AwsException("SerializationException", 413, message));
        return new AwsResponse(413, json.headers(), json.body());
    }
}
