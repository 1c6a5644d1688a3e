package io.kdg4j.core.internal;

import io.kdg4j.core.record.PreparedText;
import io.kdg4j.core.record.RecordTape;

/** A point uniform over a disk on the sphere's surface (small-distance approximation, fine below ~1000 km). */
final class GeoPointNode extends Node {
    private static final double EARTH_RADIUS_KM = 6371.0088;
    private static final PreparedText LAT = PreparedText.of("lat");
    private static final PreparedText LON = PreparedText.of("lon");
    private static final PreparedText COMMA = PreparedText.of(",");

    private final double latitude;
    private final double longitude;
    private final double radiusKm;
    private final int precision;
    private final double factor;
    private final boolean text;

    GeoPointNode(double latitude, double longitude, double radiusKm, int precision, boolean text) {
        this.latitude = latitude;
        this.longitude = longitude;
        this.radiusKm = radiusKm;
        this.precision = precision;
        this.factor = Math.pow(10, precision);
        this.text = text;
    }

    @Override
    void generate(GenContext ctx, long seed) {
        Rng rng = ctx.rng;
        rng.reset(seed);
        double distance = radiusKm * Math.sqrt(rng.nextDouble());
        double bearing = 2 * Math.PI * rng.nextDouble();
        double angular = distance / EARTH_RADIUS_KM;
        double lat = Math.max(-90, Math.min(90, latitude + Math.toDegrees(angular * Math.cos(bearing))));
        double lon = longitude + Math.toDegrees(angular * Math.sin(bearing) / Math.cos(Math.toRadians(latitude)));
        lon = ((lon + 540) % 360) - 180;
        RecordTape tape = ctx.tape;
        if (text) {
            tape.startParts();
            tape.decimal(Math.round(lat * factor), precision);
            tape.text(COMMA);
            tape.decimal(Math.round(lon * factor), precision);
            tape.endParts();
        } else {
            tape.startObject();
            tape.name(LAT);
            tape.decimal(Math.round(lat * factor), precision);
            tape.name(LON);
            tape.decimal(Math.round(lon * factor), precision);
            tape.endObject();
        }
    }
}
