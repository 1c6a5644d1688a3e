package io.kdg4j.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The S3 read path (and enough of the write path to seed buckets) with the SDK's own S3 client. */
class S3EmulatorTest {
    private static LocalEmulator local;
    private static S3Client s3;

    @BeforeAll
    static void start() {
        local = LocalEmulator.start();
        s3 = Clients.s3(local.endpoint());
        s3.createBucket(b -> b.bucket("seeded"));
        for (String key : List.of("a/1.json", "a/2.json", "a/b/3.json", "c/4.json", "top.txt", "with space+plus.txt",
                "ünï/cødé.txt")) {
            s3.putObject(b -> b.bucket("seeded").key(key).contentType("application/json"),
                    RequestBody.fromString("content of " + key));
        }
    }

    @AfterAll
    static void stop() {
        s3.close();
        local.close();
    }

    @Test
    void bucketsAreCreatedListedAndChecked() {
        s3.createBucket(b -> b.bucket("fresh-bucket"));
        assertThat(s3.listBuckets().buckets()).extracting(b -> b.name()).contains("fresh-bucket", "seeded");
        s3.headBucket(b -> b.bucket("fresh-bucket"));
        assertThatThrownBy(() -> s3.headBucket(b -> b.bucket("no-such-bucket"))).isInstanceOf(S3Exception.class)
                .satisfies(e -> assertThat(((S3Exception) e).statusCode()).isEqualTo(404));
        assertThatThrownBy(() -> s3.createBucket(b -> b.bucket("fresh-bucket")))
                .isInstanceOf(BucketAlreadyOwnedByYouException.class);
    }

    @Test
    void objectsRoundTrip_withMetadata_andRanges() {
        assertThat(s3.getObjectAsBytes(b -> b.bucket("seeded").key("a/1.json")).asUtf8String())
                .isEqualTo("content of a/1.json");
        var head = s3.headObject(b -> b.bucket("seeded").key("a/1.json"));
        assertThat(head.contentLength()).isEqualTo(19L);
        assertThat(head.eTag()).matches("\"[0-9a-f]{32}\"");
        assertThat(head.contentType()).isEqualTo("application/json");
        assertThat(s3.getObjectAsBytes(b -> b.bucket("seeded").key("a/1.json").range("bytes=0-6")).asUtf8String())
                .isEqualTo("content");
        assertThat(s3.getObjectAsBytes(b -> b.bucket("seeded").key("with space+plus.txt")).asUtf8String())
                .isEqualTo("content of with space+plus.txt");
        assertThat(s3.getObjectAsBytes(b -> b.bucket("seeded").key("ünï/cødé.txt")).asUtf8String())
                .endsWith("cødé.txt");
    }

    @Test
    void listObjectsV2_byPrefixAndDelimiter() {
        ListObjectsV2Response all = s3.listObjectsV2(b -> b.bucket("seeded"));
        assertThat(all.contents()).extracting(S3Object::key).containsExactly("a/1.json", "a/2.json", "a/b/3.json",
                "c/4.json", "top.txt", "with space+plus.txt", "ünï/cødé.txt");
        ListObjectsV2Response underA = s3.listObjectsV2(b -> b.bucket("seeded").prefix("a/").delimiter("/"));
        assertThat(underA.contents()).extracting(S3Object::key).containsExactly("a/1.json", "a/2.json");
        assertThat(underA.commonPrefixes()).extracting(CommonPrefix::prefix).containsExactly("a/b/");
        ListObjectsV2Response top = s3.listObjectsV2(b -> b.bucket("seeded").delimiter("/"));
        assertThat(top.commonPrefixes()).extracting(CommonPrefix::prefix).containsExactly("a/", "c/", "ünï/");
        assertThat(top.contents()).extracting(S3Object::key).containsExactly("top.txt", "with space+plus.txt");
    }

    @Test
    void listObjectsV2_pagesWithContinuationTokens() {
        ListObjectsV2Response first = s3.listObjectsV2(b -> b.bucket("seeded").maxKeys(3));
        assertThat(first.isTruncated()).isTrue();
        assertThat(first.contents()).hasSize(3);
        ListObjectsV2Response second = s3.listObjectsV2(b -> b.bucket("seeded").maxKeys(3)
                .continuationToken(first.nextContinuationToken()));
        assertThat(second.contents()).extracting(S3Object::key).containsExactly("c/4.json", "top.txt",
                "with space+plus.txt");
        assertThat(s3.listObjectsV2Paginator(b -> b.bucket("seeded").maxKeys(2)).contents()).hasSize(7);
    }

    @Test
    void missingThings_areNoSuchBucketAndNoSuchKey() {
        assertThatThrownBy(() -> s3.getObjectAsBytes(b -> b.bucket("seeded").key("missing")))
                .isInstanceOf(NoSuchKeyException.class);
        assertThatThrownBy(() -> s3.listObjectsV2(b -> b.bucket("missing-bucket")))
                .isInstanceOf(NoSuchBucketException.class);
    }

    @Test
    void deleteObject_removesIt() {
        s3.putObject(b -> b.bucket("seeded").key("temp/x"), RequestBody.fromString("x"));
        s3.deleteObject(b -> b.bucket("seeded").key("temp/x"));
        assertThatThrownBy(() -> s3.headObject(b -> b.bucket("seeded").key("temp/x")))
                .isInstanceOf(NoSuchKeyException.class);
    }
}
