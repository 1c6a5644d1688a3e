package io.kdg4j.examples.landing;

import io.kdg4j.aws.DeliveryStreamSpec;
import io.kdg4j.core.kdg.KdgTemplate;
import io.kdg4j.core.run.Generator;
import io.kdg4j.core.run.RunSummary;
import io.kdg4j.junit.KinesisFixture;
import io.kdg4j.junit.RunningGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The film-streaming tutorial (KDG -> Firehose -> S3): film events from a KDG template, written in the tutorial's
 * style and kept in {@code film-events.kdg}, sent to a delivery stream that lands them under
 * {@code streaming/!{timestamp:yyyy/MM/}} in the bucket {@code landing-zone}, one JSON object per line — no
 * transforming Lambda, since the sink adds the newline.
 */
public final class FilmEventsToLandingZone {
    public static final String BUCKET = "landing-zone";
    public static final String PREFIX = "streaming/!{timestamp:yyyy/MM/}";

    private FilmEventsToLandingZone() {
    }

    /** The template as a person would paste it into the KDG. */
    public static KdgTemplate template() throws IOException {
        try (InputStream in = FilmEventsToLandingZone.class.getResourceAsStream("/film-events.kdg")) {
            return KdgTemplate.compile(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** The delivery stream of the tutorial: 1 MiB or {@code bufferSeconds}, the timestamp prefix. */
    public static DeliveryStreamSpec deliveryStream(int bufferSeconds) {
        return DeliveryStreamSpec.of("film-events", BUCKET)
                .withPrefix(PREFIX, "errors/!{firehose:error-output-type}/!{timestamp:yyyy/MM/}")
                .withBuffering(1, bufferSeconds);
    }

    /** Sends {@code events} film events through the fixture's Firehose. */
    public static RunSummary send(KinesisFixture fixture, int events, long seed, int bufferSeconds) throws Exception {
        RunningGenerator generator = fixture.deliveryStream(deliveryStream(bufferSeconds),
                Generator.from(template()).seed(seed).rate(2_000).limit(events));
        return generator.awaitCompletion(Duration.ofMinutes(2));
    }

    public static void main(String[] args) throws Exception {
        try (KinesisFixture fixture = KinesisFixture.embedded()) {
            System.out.println(send(fixture, 2_000, 1, 60).describe());
        }
    }
}
