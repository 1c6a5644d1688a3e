/**
 * An embedded emulator of Amazon Kinesis Data Streams, Amazon Data Firehose (to S3) and the S3 read path, on one
 * loopback port, speaking the AWS wire protocols (JSON 1.1 and CBOR over HTTP/1.1 and cleartext HTTP/2), so the
 * AWS SDK's own clients work against it unchanged. Start one with {@link io.kdg4j.local.LocalEmulator#start()}.
 */
package io.kdg4j.local;
