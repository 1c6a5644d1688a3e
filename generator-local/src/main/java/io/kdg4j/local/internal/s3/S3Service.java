package io.kdg4j.local.internal.s3;

import io.kdg4j.local.internal.http.AwsRequest;
import io.kdg4j.local.internal.http.AwsResponse;
import io.kdg4j.local.internal.protocol.AwsException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * The S3 REST API, enough to seed buckets and read what Firehose delivered: CreateBucket, HeadBucket, DeleteBucket,
 * ListBuckets, ListObjectsV2 (prefix, delimiter, continuation, start-after, url encoding), GetObject (with ranges),
 * HeadObject, PutObject (plain or aws-chunked bodies), DeleteObject. Path-style and virtual-host-style requests.
 * Thread-safe.
 */
public final class S3Service {
    private static final String NS = "http://s3.amazonaws.com/doc/2006-03-01/";
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private final ObjectStore store;
    private final String region;

    public S3Service(ObjectStore store, String region) {
        this.store = store;
        this.region = region;
    }

    public AwsResponse handle(AwsRequest request) {
        String bucket;
        String key;
        String path = decodePath(request.path());
        String virtualBucket = virtualHostBucket(request.header("host"));
        String rest = path.startsWith("/") ? path.substring(1) : path;
        if (virtualBucket != null) {
            bucket = virtualBucket;
            key = rest;
        } else {
            int slash = rest.indexOf('/');
            bucket = slash < 0 ? rest : rest.substring(0, slash);
            key = slash < 0 ? "" : rest.substring(slash + 1);
        }
        boolean head = request.method().equals("HEAD");
        try {
            if (bucket.isEmpty()) {
                if (request.method().equals("GET")) {
                    return listBuckets();
                }
                throw new AwsException("MethodNotAllowed", 405, "The specified method is not allowed");
            }
            if (key.isEmpty()) {
                return switch (request.method()) {
                    case "PUT" -> createBucket(bucket);
                    case "HEAD" -> headBucket(bucket);
                    case "DELETE" -> deleteBucket(bucket);
                    case "GET" -> request.hasQueryParameter("location") ? location() : listObjects(bucket, request);
                    default -> throw new AwsException("MethodNotAllowed", 405, "The specified method is not allowed");
                };
            }
            return switch (request.method()) {
                case "PUT" -> putObject(bucket, key, request);
                case "GET" -> getObject(bucket, key, request);
                case "HEAD" -> headObject(bucket, key);
                case "DELETE" -> deleteObject(bucket, key);
                default -> throw new AwsException("MethodNotAllowed", 405, "The specified method is not allowed");
            };
        } catch (AwsException e) {
            return error(e, bucket, key, head);
        }
    }

    private static String virtualHostBucket(String host) {
        if (host == null) {
            return null;
        }
        String name = host.startsWith("[") ? host : host.replaceFirst(":\\d+$", "");
        int dot = name.indexOf('.');
        if (dot <= 0 || name.chars().allMatch(c -> Character.isDigit(c) || c == '.') || name.startsWith("[")) {
            return null;
        }
        String rest = name.substring(dot + 1);
        return rest.equals("localhost") || rest.matches("\\d+\\.\\d+\\.\\d+\\.\\d+") ? name.substring(0, dot) : null;
    }

    private AwsResponse listBuckets() {
        StringBuilder xml = header("ListAllMyBucketsResult");
        xml.append("<Owner><ID>kdg4j</ID><DisplayName>kdg4j</DisplayName></Owner><Buckets>");
        store.buckets().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey()).forEach(bucket ->
                xml.append("<Bucket><Name>").append(escape(bucket.getKey())).append("</Name><CreationDate>")
                        .append(ISO.format(Instant.ofEpochMilli(bucket.getValue()))).append("</CreationDate></Bucket>"));
        xml.append("</Buckets></ListAllMyBucketsResult>");
        return xml(200, xml);
    }

    private AwsResponse createBucket(String bucket) {
        if (!bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
            throw new AwsException("InvalidBucketName", 400, "The specified bucket is not valid: " + bucket);
        }
        if (!store.createBucket(bucket)) {
            throw new AwsException("BucketAlreadyOwnedByYou", 409, "Your previous request to create the named "
                    + "bucket succeeded and you already own it.");
        }
        return AwsResponse.of(200, null, new byte[0]).withHeader("Location", "/" + bucket);
    }

    private AwsResponse headBucket(String bucket) {
        if (!store.bucketExists(bucket)) {
            throw new AwsException("NoSuchBucket", 404, "The specified bucket does not exist");
        }
        return AwsResponse.of(200, null, new byte[0]).withHeader("x-amz-bucket-region", region);
    }

    private AwsResponse deleteBucket(String bucket) {
        if (!store.bucketExists(bucket)) {
            throw new AwsException("NoSuchBucket", 404, "The specified bucket does not exist");
        }
        if (!store.deleteBucket(bucket)) {
            throw new AwsException("BucketNotEmpty", 409, "The bucket you tried to delete is not empty");
        }
        return AwsResponse.of(204, null, new byte[0]);
    }

    private AwsResponse location() {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><LocationConstraint xmlns=\"")
                .append(NS).append("\">").append(region.equals("us-east-1") ? "" : region)
                .append("</LocationConstraint>");
        return xml(200, xml);
    }

    private AwsResponse listObjects(String bucket, AwsRequest request) {
        if (!store.bucketExists(bucket)) {
            throw new AwsException("NoSuchBucket", 404, "The specified bucket does not exist");
        }
        String prefix = orEmpty(request.queryParameter("prefix"));
        String delimiter = request.queryParameter("delimiter");
        boolean url = "url".equals(request.queryParameter("encoding-type"));
        int maxKeys = parseMaxKeys(request.queryParameter("max-keys"));
        String token = request.queryParameter("continuation-token");
        String startAfter = request.queryParameter("start-after");
        String after = token != null ? new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8)
                : startAfter;
        List<ObjectStore.Summary> contents = new ArrayList<>();
        Set<String> prefixes = new LinkedHashSet<>();
        String last = null;
        boolean truncated = false;
        String cursor = after;
        outer:
        while (true) {
            List<ObjectStore.Summary> page = store.list(bucket, prefix, cursor, 1000);
            if (page.isEmpty()) {
                break;
            }
            for (ObjectStore.Summary summary : page) {
                cursor = summary.key();
                if (contents.size() + prefixes.size() >= maxKeys) {
                    truncated = true;
                    break outer;
                }
                String common = commonPrefix(summary.key(), prefix, delimiter);
                if (common != null) {
                    if (prefixes.add(common)) {
                        last = summary.key();
                    }
                } else {
                    contents.add(summary);
                    last = summary.key();
                }
            }
        }
        StringBuilder xml = header("ListBucketResult");
        xml.append("<Name>").append(escape(bucket)).append("</Name>");
        xml.append("<Prefix>").append(encode(prefix, url)).append("</Prefix>");
        if (delimiter != null) {
            xml.append("<Delimiter>").append(encode(delimiter, url)).append("</Delimiter>");
        }
        xml.append("<MaxKeys>").append(maxKeys).append("</MaxKeys>");
        xml.append("<KeyCount>").append(contents.size() + prefixes.size()).append("</KeyCount>");
        xml.append("<IsTruncated>").append(truncated).append("</IsTruncated>");
        if (url) {
            xml.append("<EncodingType>url</EncodingType>");
        }
        if (token != null) {
            xml.append("<ContinuationToken>").append(escape(token)).append("</ContinuationToken>");
        }
        if (startAfter != null) {
            xml.append("<StartAfter>").append(encode(startAfter, url)).append("</StartAfter>");
        }
        if (truncated && last != null) {
            xml.append("<NextContinuationToken>").append(Base64.getEncoder().encodeToString(
                    last.getBytes(StandardCharsets.UTF_8))).append("</NextContinuationToken>");
        }
        for (ObjectStore.Summary summary : contents) {
            xml.append("<Contents><Key>").append(encode(summary.key(), url)).append("</Key><LastModified>")
                    .append(ISO.format(Instant.ofEpochMilli(summary.lastModifiedMillis()))).append("</LastModified><ETag>")
                    .append(escape(summary.etag())).append("</ETag><Size>").append(summary.size())
                    .append("</Size><StorageClass>STANDARD</StorageClass></Contents>");
        }
        for (String common : prefixes) {
            xml.append("<CommonPrefixes><Prefix>").append(encode(common, url)).append("</Prefix></CommonPrefixes>");
        }
        xml.append("</ListBucketResult>");
        return xml(200, xml);
    }

    /** When a key groups under a delimiter after the prefix, the common prefix it belongs to; else null. */
    private static String commonPrefix(String key, String prefix, String delimiter) {
        if (delimiter == null || delimiter.isEmpty()) {
            return null;
        }
        int at = key.indexOf(delimiter, prefix.length());
        return at < 0 ? null : key.substring(0, at + delimiter.length());
    }

    private static int parseMaxKeys(String text) {
        if (text == null) {
            return 1000;
        }
        try {
            int value = Integer.parseInt(text);
            if (value < 0) {
                throw new NumberFormatException();
            }
            return Math.min(value, 1000);
        } catch (NumberFormatException e) {
            throw new AwsException("InvalidArgument", 400, "max-keys must be a non-negative integer but was " + text);
        }
    }

    private AwsResponse putObject(String bucket, String key, AwsRequest request) {
        if (!store.bucketExists(bucket)) {
            throw new AwsException("NoSuchBucket", 404, "The specified bucket does not exist");
        }
        byte[] body = request.bodyBytes();
        String encoding = orEmpty(request.header("content-encoding"));
        String sha = orEmpty(request.header("x-amz-content-sha256"));
        if (encoding.contains("aws-chunked") || sha.startsWith("STREAMING-")) {
            body = AwsChunked.decode(body);
        }
        ObjectStore.StoredObject object = store.put(bucket, key, body, request.header("content-type"));
        return AwsResponse.of(200, null, new byte[0]).withHeader("ETag", object.etag());
    }

    private AwsResponse getObject(String bucket, String key, AwsRequest request) {
        ObjectStore.StoredObject object = store.get(bucket, key);
        if (object == null) {
            throw new AwsException("NoSuchKey", 404, "The specified key does not exist.");
        }
        byte[] data = object.data();
        String range = request.header("range");
        if (range != null && range.startsWith("bytes=")) {
            String[] bounds = range.substring(6).split("-", 2);
            long start = bounds[0].isEmpty() ? Math.max(0, data.length - Long.parseLong(bounds[1]))
                    : Long.parseLong(bounds[0]);
            long end = bounds[0].isEmpty() || bounds.length < 2 || bounds[1].isEmpty() ? data.length - 1
                    : Math.min(data.length - 1, Long.parseLong(bounds[1]));
            if (start >= data.length || start > end) {
                throw new AwsException("InvalidRange", 416, "The requested range is not satisfiable");
            }
            byte[] part = java.util.Arrays.copyOfRange(data, (int) start, (int) end + 1);
            return withMetadata(AwsResponse.of(206, object.contentType(), part), object)
                    .withHeader("Content-Range", "bytes " + start + "-" + end + "/" + data.length);
        }
        return withMetadata(AwsResponse.of(200, object.contentType(), data), object);
    }

    private AwsResponse headObject(String bucket, String key) {
        ObjectStore.StoredObject object = store.head(bucket, key);
        if (object == null) {
            throw new AwsException("NoSuchKey", 404, "The specified key does not exist.");
        }
        return withMetadata(AwsResponse.of(200, object.contentType(), new byte[0]), object)
                .withHeader("Content-Length", Long.toString(store.size(bucket, key)));
    }

    private static AwsResponse withMetadata(AwsResponse response, ObjectStore.StoredObject object) {
        return response.withHeader("ETag", object.etag())
                .withHeader("Last-Modified", HTTP_DATE.format(Instant.ofEpochMilli(object.lastModifiedMillis())))
                .withHeader("Accept-Ranges", "bytes");
    }

    private AwsResponse deleteObject(String bucket, String key) {
        if (!store.bucketExists(bucket)) {
            throw new AwsException("NoSuchBucket", 404, "The specified bucket does not exist");
        }
        store.delete(bucket, key);
        return AwsResponse.of(204, null, new byte[0]);
    }

    private static AwsResponse error(AwsException e, String bucket, String key, boolean head) {
        if (head) {
            return AwsResponse.of(e.status(), null, new byte[0]).withHeader("x-amz-error-code", e.code());
        }
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>")
                .append(e.code()).append("</Code><Message>").append(escape(e.getMessage())).append("</Message>");
        if (!bucket.isEmpty()) {
            xml.append("<BucketName>").append(escape(bucket)).append("</BucketName>");
        }
        if (!key.isEmpty()) {
            xml.append("<Key>").append(escape(key)).append("</Key>");
        }
        xml.append("<RequestId>").append(UUID.randomUUID()).append("</RequestId></Error>");
        return xml(e.status(), xml);
    }

    private static StringBuilder header(String root) {
        return new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><").append(root).append(" xmlns=\"")
                .append(NS).append("\">");
    }

    private static AwsResponse xml(int status, StringBuilder xml) {
        return AwsResponse.text(status, "application/xml", xml.toString());
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                        out.append("&#").append((int) c).append(';');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** With encoding-type=url, S3 percent-encodes keys (but not slashes) in listings. */
    private static String encode(String text, boolean url) {
        if (!url) {
            return escape(text);
        }
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                    || c == '.' || c == '~' || c == '/') {
                out.append((char) c);
            } else {
                out.append('%').append(String.format(Locale.ROOT, "%02X", c));
            }
        }
        return out.toString();
    }

    /** Percent-decodes a path; unlike form decoding, '+' stays '+'. */
    static String decodePath(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length()) {
                try {
                    bytes.write(Integer.parseInt(raw.substring(i + 1, i + 3), 16));
                    i += 2;
                    continue;
                } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
                    // not an escape: keep it as it is
                }
            }
            byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
            bytes.write(encoded, 0, encoded.length);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
