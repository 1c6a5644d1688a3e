package io.kdg4j.examples.loadshape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.kdg4j.junit.Backend;
import io.kdg4j.junit.KinesisFixture;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class DiurnalLoadShapeTest {
    @Test
    void aDayOfDiurnalLoad_arrivesInOneMinute_secondBySecond_andIsPlotted() throws Exception {
        System.setProperty("java.awt.headless", "true");
        try (KinesisFixture fixture = KinesisFixture.auto()) {
            // LocalStack's Kinesis is kinesis-mock, which takes about a thousand records/s: a tenth of the load there
            double peak = fixture.backend() == Backend.EMBEDDED ? 2_000 : 200;
            DiurnalLoadShape.Shape shape = DiurnalLoadShape.run(fixture, peak, 5);
            System.out.println("asked   " + Arrays.toString(Arrays.stream(shape.asked()).mapToLong(Math::round)
                    .toArray()));
            System.out.println("arrived " + Arrays.toString(shape.arrived()));

            double asked = Arrays.stream(shape.asked()).sum();
            assertThat(asked).isCloseTo(peak * 0.55 * 60, within(1.0));
            assertThat((double) shape.summary().acked()).isCloseTo(asked, within(asked * 0.01));
            assertThat(Arrays.stream(shape.arrived()).sum()).isEqualTo(shape.summary().acked());
            // Second by second, away from the first and last second (where the run starts and stops mid-second).
            // The sink sends a part-filled batch after its 100 ms linger, so a record can arrive up to a tenth of a
            // second after it was due: each second can gain or lose that much at either end, 20% of the rate
            // (or 2% of the peak where the rate is low). Over five seconds those shifts mostly cancel: 5%.
            for (int s = 1; s < 59; s++) {
                assertThat((double) shape.arrived()[s]).as("second %d", s)
                        .isCloseTo(shape.asked()[s], within(Math.max(peak * 0.02, shape.asked()[s] * 0.20)));
            }
            for (int s = 1; s + 5 <= 59; s += 5) {
                double asked5 = Arrays.stream(shape.asked(), s, s + 5).sum();
                long arrived5 = Arrays.stream(shape.arrived(), s, s + 5).sum();
                assertThat((double) arrived5).as("seconds %d..%d", s, s + 4)
                        .isCloseTo(asked5, within(Math.max(peak * 0.03, asked5 * 0.05)));
            }
            // the shape itself: the trough at 02:00 (second 5) and the peak at 14:00 (second 35)
            assertThat((double) shape.arrived()[5]).isLessThan(peak * 0.15);
            assertThat((double) shape.arrived()[35]).isGreaterThan(peak * 0.9);

            Path png = DiurnalLoadShape.plot(shape, Path.of("target", "load-shape.png"));
            BufferedImage image = ImageIO.read(png.toFile());
            assertThat(image.getWidth()).isEqualTo(960);
            assertThat(image.getHeight()).isEqualTo(480);
        }
    }
}
