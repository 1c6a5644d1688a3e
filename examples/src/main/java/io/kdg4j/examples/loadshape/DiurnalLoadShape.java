package io.kdg4j.examples.loadshape;

import io.kdg4j.aws.StreamReader;
import io.kdg4j.core.preset.Presets;
import io.kdg4j.core.rate.RateProfile;
import io.kdg4j.core.run.Generator;
import io.kdg4j.core.run.RunSummary;
import io.kdg4j.junit.Backend;
import io.kdg4j.junit.KinesisFixture;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import software.amazon.awssdk.services.kinesis.model.Record;

/**
 * A KDG-style periodic load, seen: a day of diurnal traffic (200 records/s at 02:00 up to 2,000 at 14:00) played
 * in one minute into a stream, the records that arrived counted per second from their ApproximateArrivalTimestamp,
 * and both curves drawn to a PNG so a person can check the shape. Where KDG's periodic mode needs a browser tab
 * open for a week, this takes a minute.
 */
public final class DiurnalLoadShape {
    public static final String STREAM = "load-shape";
    public static final Duration LENGTH = Duration.ofMinutes(1);

    private DiurnalLoadShape() {
    }

    /** What was asked and what arrived, per second of the run. */
    public record Shape(double[] asked, long[] arrived, RunSummary summary) {
    }

    /** The day from {@code peak / 10} to {@code peak} records/s, starting at midnight UTC, in {@link #LENGTH}. */
    public static RateProfile profile(double peak) {
        Clock midnight = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        return RateProfile.diurnal(peak / 10, peak, midnight).compressed(Duration.ofDays(1), LENGTH);
    }

    /**
     * Runs {@link #profile} into a 2-shard stream for {@link #LENGTH} and counts what arrived in each second. A peak
     * of 2,000 records/s suits the embedded emulator; LocalStack's Kinesis (kinesis-mock) takes far less.
     */
    public static Shape run(KinesisFixture fixture, double peak, long seed) throws Exception {
        RateProfile profile = profile(peak);
        RunSummary summary = fixture.stream(STREAM, 2, Generator.from(Presets.get("iot").schema()).seed(seed)
                .rate(profile).limit(LENGTH)).awaitCompletion(LENGTH.plusMinutes(1));
        List<Record> records = StreamReader.readAll(fixture.kinesis(), STREAM, summary.acked(),
                Duration.ofSeconds(30));
        int seconds = (int) LENGTH.toSeconds();
        long first = records.stream().mapToLong(r -> r.approximateArrivalTimestamp().toEpochMilli()).min()
                .orElse(0);
        long[] arrived = new long[seconds];
        for (Record record : records) {
            int second = (int) ((record.approximateArrivalTimestamp().toEpochMilli() - first) / 1000);
            arrived[Math.min(second, seconds - 1)]++;
        }
        double[] asked = new double[seconds];
        for (int s = 0; s < seconds; s++) {
            asked[s] = profile.recordsBy(s + 1) - profile.recordsBy(s);
        }
        return new Shape(asked, arrived, summary);
    }

    /** Draws both curves, records per second against the second of the run, as a 960 x 480 PNG. */
    public static Path plot(Shape shape, Path png) throws IOException {
        XYSeries asked = new XYSeries("asked: a diurnal day in a minute");
        XYSeries arrived = new XYSeries("arrived in the stream (ApproximateArrivalTimestamp)");
        for (int s = 0; s < shape.asked().length; s++) {
            asked.add(s, shape.asked()[s]);
            arrived.add(s, shape.arrived()[s]);
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(asked);
        data.addSeries(arrived);
        JFreeChart chart = ChartFactory.createXYLineChart("kdg4j: a day of diurnal load in one minute",
                "second of the run (one second = 24 minutes of the day)", "records per second", data,
                PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setSeriesPaint(0, new Color(0x1f77b4));
        renderer.setSeriesStroke(0, new BasicStroke(3f));
        renderer.setSeriesPaint(1, new Color(0xd62728));
        renderer.setSeriesStroke(1, new BasicStroke(1.5f));
        plot.setRenderer(renderer);
        Files.createDirectories(png.toAbsolutePath().getParent());
        ChartUtils.saveChartAsPNG(png.toFile(), chart, 960, 480);
        return png;
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        try (KinesisFixture fixture = KinesisFixture.auto()) {
            Shape shape = run(fixture, fixture.backend() == Backend.EMBEDDED ? 2_000 : 200, 1);
            System.out.println(shape.summary().describe());
            System.out.println("chart: " + plot(shape, Path.of("target", "load-shape.png")).toAbsolutePath());
        }
    }
}
