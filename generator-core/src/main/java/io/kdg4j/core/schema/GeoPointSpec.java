package io.kdg4j.core.schema;

/**
 * A point uniformly distributed over the disk of {@code radiusKm} around (latitude, longitude), rounded to
 * {@code precision} decimals: an object {@code {"lat":..,"lon":..}}, or with {@code asText()} the text
 * {@code lat,lon} (KDG's {@code address.nearbyGPSCoordinate}).
 */
public record GeoPointSpec(double latitude, double longitude, double radiusKm, int precision, boolean text)
        implements ValueSpec {

    public GeoPointSpec precision(int decimals) {
        return new GeoPointSpec(latitude, longitude, radiusKm, decimals, text);
    }

    /** A copy that writes the point as the text {@code lat,lon}. */
    public GeoPointSpec asText() {
        return new GeoPointSpec(latitude, longitude, radiusKm, precision, true);
    }
}
