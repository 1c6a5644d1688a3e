/**
 * Kinesis Data Streams and Firehose for kdg4j runs: batched, retrying sinks with exact accounting
 * ({@link io.kdg4j.aws.Sinks}), the endpoint and clients ({@link io.kdg4j.aws.AwsEndpoint}), provisioning
 * ({@link io.kdg4j.aws.Provisioning}) and readers that read a stream or an S3 landing zone back
 * ({@link io.kdg4j.aws.StreamReader}, {@link io.kdg4j.aws.LandingReader}).
 */
package io.kdg4j.aws;
