package io.kdg4j.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A generator sending into a stream or delivery stream, injected into a {@link RunningGenerator} field or
 * parameter of a {@link KinesisTest}. The stream (or the bucket and delivery stream) is created before the test
 * if it is missing and deleted after it if the extension created it; the generator is stopped after the test.
 * Exactly one of {@link #stream()} and {@link #deliveryStream()}, and one of {@link #template()},
 * {@link #preset()} and {@link #schema()}; or a {@link #scenario()} alone, which names its own streams.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface KinesisGenerator {
    /** A Kinesis data stream. */
    String stream() default "";

    /** A Firehose delivery stream (DirectPut, to {@link #bucket()}). */
    String deliveryStream() default "";

    /** Shards of a created stream; 0 for on-demand. */
    int shards() default 1;

    /** The delivery stream's bucket (created if missing). */
    String bucket() default "";

    /** The delivery stream's S3 prefix, with Firehose expressions such as {@code !{timestamp:yyyy/MM/}}. */
    String prefix() default "";

    /** The delivery stream's error output prefix (needed when the prefix has expressions). */
    String errorPrefix() default "";

    /** Buffering size hint in MiB (1..128). */
    int bufferMb() default 1;

    /** Buffering interval hint in seconds (0..900). */
    int bufferSeconds() default 60;

    /** A KDG template: {@code classpath:orders.kdg} or a file path. */
    String template() default "";

    /** A preset: sakila, randomuser, atm, clickstream, iot, apache-log, security. */
    String preset() default "";

    /** The name of a static method of the test class that returns a {@code RecordSchema}. */
    String schema() default "";

    /**
     * A scenario file (YAML or JSON; {@code classpath:shop.yaml} or a path) instead of a destination and records:
     * each of its streams is created where its {@code to:} says ({@link #shards()} shards; Firehose targets
     * deliver to {@link #bucket()}) and gets its events. {@link #records()} and {@link #recordsPerSecond()} count
     * the events of all streams; {@link RunningGenerator#streamCounts()} gives them per stream.
     */
    String scenario() default "";

    /** Records per second; 0 sends as fast as the endpoint takes them. */
    double recordsPerSecond() default 0;

    /** How many records; -1 for no record limit. */
    long records() default -1;

    /** How long to send ({@code 10s}, {@code 1m}, {@code PT10S}); empty for no time limit. */
    String duration() default "";

    /** The seed; empty derives a fixed seed from the test's unique id (reported when the test fails). */
    String seed() default "";

    /** {@code random}, {@code ${field}} templates, {@code field:PATH} or a constant; empty keeps the schema's. */
    String partitionKey() default "";

    /** When the generator starts. */
    StartMode startMode() default StartMode.BEFORE_TEST;
}
