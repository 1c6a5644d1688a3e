package io.kdg4j.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class that streams: starts a backend for the run, creates the streams its {@link KinesisGenerator}s
 * declare, and injects generators, SDK clients ({@code KinesisClient}, {@code KinesisAsyncClient},
 * {@code FirehoseClient}, {@code S3Client}) and the {@link io.kdg4j.aws.AwsEndpoint}.
 *
 * <pre>{@code
 * @KinesisTest
 * class OrdersConsumerTest {
 *     @KinesisGenerator(stream = "orders", shards = 2, preset = "sakila", recordsPerSecond = 400, records = 800)
 *     RunningGenerator orders;
 *
 *     @Test
 *     void consumesEveryOrder(KinesisClient kinesis) throws Exception {
 *         orders.awaitCompletion(Duration.ofSeconds(60));
 *         ...
 *     }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(KinesisExtension.class)
public @interface KinesisTest {
    /** The backend; by default the configuration parameter {@value KinesisExtension#BACKEND}, else auto. */
    Backend backend() default Backend.CONFIGURED;
}
