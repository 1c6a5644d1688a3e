/**
 * JUnit 5 support: {@link io.kdg4j.junit.KinesisTest} on a test class starts a backend (LocalStack, the embedded
 * emulator, or an endpoint), and {@link io.kdg4j.junit.KinesisGenerator} on a field or parameter of type
 * {@link io.kdg4j.junit.RunningGenerator} creates a stream or delivery stream and a generator sending into it. SDK
 * clients and the {@link io.kdg4j.aws.AwsEndpoint} are injected as parameters.
 */
package io.kdg4j.junit;
