package io.kdg4j.local.internal.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kdg4j.local.internal.http.AwsRequest;
import io.kdg4j.local.internal.http.AwsResponse;
import io.kdg4j.local.internal.protocol.AwsException;
import io.kdg4j.local.internal.protocol.JsonProtocol;
import java.util.concurrent.atomic.AtomicLong;

/**
 * CloudWatch's PutMetricData, accepted and counted, so that a consumer with metrics on (the KCL's default) runs
 * against the emulator without errors. The SDK for Java 2.57 speaks the Smithy RPC v2 CBOR protocol to CloudWatch
 * ({@code smithy-protocol: rpc-v2-cbor}, {@code POST /service/GraniteServiceVersion20100801/operation/NAME});
 * older SDKs and other languages speak the AWS Query protocol (a form with {@code Action=PutMetricData}). Both are
 * answered. Nothing is stored but the counts.
 */
public final class CloudWatchService {
    /** The path prefix of RPC v2 requests to CloudWatch. */
    public static final String RPC_V2_PATH = "/service/GraniteServiceVersion20100801/operation/";
    private static final byte[] EMPTY_CBOR_MAP = {(byte) 0xA0};

    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong datums = new AtomicLong();

    /** True when the request is for this service (either protocol). */
    public static boolean accepts(AwsRequest request) {
        if ("rpc-v2-cbor".equals(request.header("smithy-protocol")) && request.path().startsWith(RPC_V2_PATH)) {
            return true;
        }
        String type = request.header("content-type");
        return type != null && type.startsWith("application/x-www-form-urlencoded") && request.path().equals("/")
                && request.bodyAsText().contains("Version=2010-08-01");
    }

    public AwsResponse handle(AwsRequest request) {
        if (request.path().startsWith(RPC_V2_PATH)) {
            String operation = request.path().substring(RPC_V2_PATH.length());
            if (!operation.equals("PutMetricData")) {
                return rpcError("UnknownOperationException", "The kdg4j emulator accepts CloudWatch's PutMetricData "
                        + "only, not " + operation);
            }
            ObjectNode body;
            try {
                body = JsonProtocol.CBOR.parse(request.bodyBytes());
            } catch (AwsException e) {
                return rpcError("SerializationException", e.getMessage());
            }
            requests.incrementAndGet();
            JsonNode data = body.get("MetricData");
            datums.addAndGet(data == null ? 0 : data.size());
            return AwsResponse.of(200, "application/cbor", EMPTY_CBOR_MAP).withHeader("smithy-protocol",
                    "rpc-v2-cbor");
        }
        String form = request.bodyAsText();
        if (!form.contains("Action=PutMetricData")) {
            return AwsResponse.text(400, "text/xml", "<ErrorResponse><Error><Type>Sender</Type>"
                    + "<Code>InvalidAction</Code><Message>The kdg4j emulator accepts CloudWatch's PutMetricData only"
                    + "</Message></Error></ErrorResponse>");
        }
        requests.incrementAndGet();
        datums.addAndGet(countMembers(form));
        return AwsResponse.text(200, "text/xml", "<PutMetricDataResponse "
                + "xmlns=\"http://monitoring.amazonaws.com/doc/2010-08-01/\"><ResponseMetadata><RequestId>"
                + java.util.UUID.randomUUID() + "</RequestId></ResponseMetadata></PutMetricDataResponse>");
    }

    /** The number of MetricData.member.N.MetricName fields of a Query-protocol form. */
    private static long countMembers(String form) {
        long count = 0;
        for (String pair : form.split("&")) {
            if (pair.startsWith("MetricData.member.") && pair.contains(".MetricName=")) {
                count++;
            }
        }
        return count;
    }

    private static AwsResponse rpcError(String code, String message) {
        ObjectNode body = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        body.put("__type", "com.amazonaws.cloudwatch#" + code);
        body.put("message", message);
        return AwsResponse.of(400, "application/cbor", JsonProtocol.CBOR.write(body)).withHeader("smithy-protocol",
                "rpc-v2-cbor");
    }

    /** PutMetricData requests accepted so far. */
    public long requests() {
        return requests.get();
    }

    /** Metric datums accepted so far (all requests). */
    public long datums() {
        return datums.get();
    }
}
