package io.kdg4j.core.kdg.helpers;

import static io.kdg4j.core.Fields.concat;
import static io.kdg4j.core.Fields.decimals;
import static io.kdg4j.core.Fields.fake;
import static io.kdg4j.core.Fields.oneOf;

import io.kdg4j.core.schema.GeoPointSpec;
import io.kdg4j.core.schema.ValueSpec;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** faker 3.1's {@code address} namespace, and KDG's {@code nearbyGPSCoordinate}. */
final class AddressHelpers {
    private AddressHelpers() {
    }

    static void register(HelperTable.Registrar table) {
        table.helper("address.zipCode", "format", "Datafaker `Address.zipCode`; with a format, `#` become digits "
                + "and `?` letters", call -> call.hasArguments() ? SymbolPatterns.symbols(call.string(0, "#####"))
                : fake("#{Address.zipCode}"));
        table.helper("address.city", "format", "Datafaker `Address.city`; with a format 0..3, faker's pattern: "
                + "prefix first-name+suffix, prefix first-name, first-name+suffix, last-name+suffix",
                AddressHelpers::city);
        table.fakeHelper("address.cityPrefix", "address.city_prefix", "Datafaker word list `address.city_prefix`");
        table.fakeHelper("address.citySuffix", "address.city_suffix", "Datafaker word list `address.city_suffix`");
        table.fakeHelper("address.streetName", "#{Address.streetName}", "Datafaker `Address.streetName`");
        table.helper("address.streetAddress", "useFullAddress", "Datafaker `Address.streetAddress` (+ "
                + "`secondaryAddress` when true)", call -> fake(call.bool(0, false)
                ? "#{Address.streetAddress} #{Address.secondaryAddress}" : "#{Address.streetAddress}"));
        table.fakeHelper("address.streetSuffix", "address.street_suffix",
                "Datafaker word list `address.street_suffix`");
        table.helper("address.streetPrefix", "", "one of a, b, c (as faker.js 3.1)", call -> oneOf("a", "b", "c"));
        table.fakeHelper("address.secondaryAddress", "#{Address.secondaryAddress}",
                "Datafaker `Address.secondaryAddress`");
        table.helper("address.county", "", "one of faker 3.1's six English counties (Avon, Bedfordshire...)",
                call -> oneOf(Faker31Values.COUNTIES));
        table.fakeHelper("address.country", "address.country", "Datafaker word list `address.country`");
        table.fakeHelper("address.countryCode", "#{Address.countryCode}", "Datafaker `Address.countryCode`");
        table.helper("address.state", "useAbbr", "Datafaker word list `address.state` (`address.state_abbr` when "
                + "true; faker 3.1 ignores the flag)", call -> fake(call.bool(0, false) ? "address.state_abbr"
                : "address.state"));
        table.fakeHelper("address.stateAbbr", "address.state_abbr", "Datafaker word list `address.state_abbr`");
        table.helper("address.latitude", "", "decimal in [-90, 90], 4 decimals",
                call -> decimals("-90.0000", "90.0000"));
        table.helper("address.longitude", "", "decimal in [-180, 180], 4 decimals",
                call -> decimals("-180.0000", "180.0000"));
        table.helper("address.nearbyGPSCoordinate", "{\"coordinate\":[lat,lon],\"radius\":r,\"isMetric\":b}",
                "`lat,lon` uniform within the radius (km when isMetric, else miles; default 10), 4 decimals",
                AddressHelpers::nearby);
    }

    private static ValueSpec city(HelperCall call) {
        if (!call.hasArguments()) {
            return fake("#{Address.city}");
        }
        ValueSpec prefix = fake("address.city_prefix");
        ValueSpec suffix = fake("address.city_suffix");
        ValueSpec firstName = NameHelpers.firstName();
        return switch (call.integer(0, 0, 0, 3, "format")) {
            case 0 -> concat(prefix, " ", firstName, suffix);
            case 1 -> concat(prefix, " ", firstName);
            case 2 -> concat(firstName, suffix);
            default -> concat(fake("name.last_name"), suffix);
        };
    }

    private static ValueSpec nearby(HelperCall call) {
        Map<String, Object> options = call.options();
        Object coordinate = options.get("coordinate");
        if (!(coordinate instanceof List<?> point) || point.size() != 2) {
            throw call.error("needs {\"coordinate\":[latitude, longitude]} (KDG fails without it)",
                    "e.g. {{address.nearbyGPSCoordinate({\"coordinate\":[47.61,-122.33],\"radius\":5})}}");
        }
        double lat = call.toNumber(point.get(0), null, "latitude").doubleValue();
        double lon = call.toNumber(point.get(1), null, "longitude").doubleValue();
        double radius = call.toNumber(options.get("radius"), BigDecimal.TEN, "radius").doubleValue();
        boolean metric = Boolean.TRUE.equals(options.get("isMetric"));
        if (lat < -90 || lat > 90 || lon < -180 || lon > 180 || radius < 0 || radius > 1000) {
            throw call.error("coordinate must be in [-90, 90] x [-180, 180] and radius in [0, 1000] but were "
                    + lat + ", " + lon + " and " + radius);
        }
        return new GeoPointSpec(lat, lon, metric ? radius : radius * 1.609344, 4, true);
    }
}
