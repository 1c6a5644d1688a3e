package io.kdg4j.core.preset;

import static io.kdg4j.core.Fields.arrayOf;
import static io.kdg4j.core.Fields.concat;
import static io.kdg4j.core.Fields.decimals;
import static io.kdg4j.core.Fields.derived;
import static io.kdg4j.core.Fields.doubles;
import static io.kdg4j.core.Fields.fake;
import static io.kdg4j.core.Fields.eventTime;
import static io.kdg4j.core.Fields.field;
import static io.kdg4j.core.Fields.integers;
import static io.kdg4j.core.Fields.near;
import static io.kdg4j.core.Fields.normal;
import static io.kdg4j.core.Fields.now;
import static io.kdg4j.core.Fields.object;
import static io.kdg4j.core.Fields.oneOf;
import static io.kdg4j.core.Fields.record;
import static io.kdg4j.core.Fields.switchOn;
import static io.kdg4j.core.Fields.template;
import static io.kdg4j.core.Fields.uuid;
import static io.kdg4j.core.Fields.weighted;
import static io.kdg4j.core.Fields.zipf;

import io.kdg4j.core.KdgException;
import io.kdg4j.core.RecordSchema;
import io.kdg4j.core.schema.PartitionKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import java.util.function.Supplier;

/**
 * The built-in presets, by name. Each schema is built (and its Datafaker word lists loaded) on first use.
 *
 * <ul>
 *   <li>{@code sakila}: film-streaming events, as in the KDG tutorials: timestamp, eventType (rent 0.3, buy 0.1,
 *       trailer 0.6), film_id 1..1000, distributor, platform, US state.</li>
 *   <li>{@code randomuser}: profiles like randomuser.me: gender, name agreeing with it, age, email, location
 *       with coordinates, phone, registered date.</li>
 *   <li>{@code atm}: bank ATM transactions: trans_id, trans_type, amount, account, atm, timestamp.</li>
 *   <li>{@code clickstream}: web sessions through a shop funnel: session, user, page, referrer, action.</li>
 *   <li>{@code iot}: sensor readings: device, temperature, humidity, battery, location near a point.</li>
 *   <li>{@code apache-log}: Apache combined log lines (text, not JSON).</li>
 *   <li>{@code security}: security alerts with severity, category, source IP, user and host.</li>
 * </ul>
 *
 * Thread-safe.
 */
public final class Presets {
    private static final Map<String, Definition> DEFINITIONS = new LinkedHashMap<>();

    static {
        define("sakila", "film-streaming events (timestamp, eventType, film_id, distributor, platform, state)",
                "json", Presets::sakila);
        define("randomuser", "user profiles like randomuser.me (gender, name, age, email, location, phone)",
                "json", Presets::randomUser);
        define("atm", "bank ATM transactions (trans_id, trans_type, amount, account, timestamp)", "json",
                Presets::atm);
        define("clickstream", "shop sessions through a funnel (session, user, page, referrer, action)", "json",
                Presets::clickstream);
        define("iot", "sensor readings (device, temperature, humidity, battery, location)", "json", Presets::iot);
        define("apache-log", "Apache combined log lines (text)", "text", Presets::apacheLog);
        define("security", "security alerts (severity, category, source IP, user, host)", "json",
                Presets::security);
    }

    private Presets() {
    }

    /** Preset names in a stable order. */
    public static List<String> names() {
        return List.copyOf(DEFINITIONS.keySet());
    }

    /** The preset called {@code name}; a {@link KdgException} naming the known presets otherwise. */
    public static Preset get(String name) {
        Definition definition = DEFINITIONS.get(name);
        if (definition == null) {
            throw new KdgException("unknown preset '" + name + "'; presets are " + String.join(", ", names()));
        }
        return definition.preset();
    }

    private static void define(String name, String description, String format, Supplier<RecordSchema> schema) {
        DEFINITIONS.put(name, new Definition(name, description, format, schema));
    }

    private static final class Definition {
        private final String name;
        private final String description;
        private final String format;
        private final Supplier<RecordSchema> schema;
        private volatile Preset preset;

        Definition(String name, String description, String format, Supplier<RecordSchema> schema) {
            this.name = name;
            this.description = description;
            this.format = format;
            this.schema = schema;
        }

        Preset preset() {
            Preset built = preset;
            if (built == null) {
                synchronized (this) {
                    built = preset;
                    if (built == null) {
                        built = new Preset(name, description, schema.get(), format);
                        preset = built;
                    }
                }
            }
            return built;
        }
    }

    static RecordSchema sakila() {
        return record(
                field("timestamp", now()),
                field("eventType", weighted().option("rent", 0.3).option("buy", 0.1).option("trailer", 0.6)),
                field("film_id", integers(1, 1000)),
                field("distributor", oneOf("amazon prime", "google play", "apple itunes", "vudo", "fandango now",
                        "microsoft", "youtube")),
                field("platform", oneOf("ios", "android", "xbox", "playstation", "smarttv", "other")),
                field("state", fake("address.state")));
    }

    static RecordSchema randomUser() {
        return record(
                field("gender", oneOf("male", "female")),
                field("name", object(
                        field("title", switchOn("gender").when("male", "Mr")
                                .when("female", oneOf("Ms", "Mrs", "Miss"))),
                        field("first", switchOn("gender").when("male", fake("name.male_first_name"))
                                .when("female", fake("name.female_first_name"))),
                        field("last", fake("name.last_name")))),
                field("age", integers(14, 85)),
                field("email", template("${name.first}.${name.last}@example.com").lowerCase()),
                field("location", object(
                        field("street", fake("#{Address.streetAddress}")),
                        field("city", fake("#{Address.city}")),
                        field("state", fake("address.state")),
                        field("postcode", fake("#{Address.zipCode}")),
                        field("coordinates", object(
                                field("latitude", doubles(-90, 90).precision(4)),
                                field("longitude", doubles(-180, 180).precision(4)))))),
                field("phone", fake("#{PhoneNumber.cellPhone}")),
                // registered some time in the ten years around 2016, independent of the clock
                field("registered", eventTime(Instant.parse("2016-01-01T00:00:00Z"), Duration.ZERO)
                        .jitter(Duration.ofDays(5 * 365))))
                .partitionKey(PartitionKeySpec.field("email"));
    }

    static RecordSchema atm() {
        return record(
                field("trans_id", uuid()),
                field("trans_type", weighted().option("withdrawal", 0.6).option("deposit", 0.2)
                        .option("balance_inquiry", 0.15).option("transfer", 0.05)),
                field("amount", decimals("5.00", "1000.00")),
                field("account", concat("ACC", integers(1_000_000, 9_999_999))),
                field("atm_id", concat("ATM-", integers(1, 250))),
                field("city", fake("#{Address.city}")),
                field("timestamp", now()))
                .partitionKey(PartitionKeySpec.field("account"));
    }

    static RecordSchema clickstream() {
        return record(
                field("session_id", uuid()),
                field("user_id", zipf(100_000, 1.1)),
                field("page", oneOf("/", "/search", "/category", "/product", "/cart", "/checkout",
                        "/confirmation")),
                field("referrer", weighted().option("google", 0.45).option("direct", 0.25)
                        .option("facebook", 0.12).option("email", 0.1).option("twitter", 0.08)),
                field("action", weighted().option("view", 0.6).option("add_to_cart", 0.2).option("checkout", 0.1)
                        .option("purchase", 0.05).option("abandon", 0.05)),
                field("device", weighted().option("mobile", 0.55).option("desktop", 0.38).option("tablet", 0.07)),
                field("timestamp", now()))
                .partitionKey(PartitionKeySpec.field("session_id"));
    }

    static RecordSchema iot() {
        return record(
                field("device_id", concat("sensor-", integers(1, 500))),
                field("temperature", normal(21.5, 3.0).clamp(-40, 85).precision(1)),
                field("humidity", normal(45, 12).clamp(0, 100).precision(1)),
                field("battery", integers(0, 100)),
                // within 1 km of Seattle's Pike Place Market
                field("location", near(47.6097, -122.3422, 1.0)),
                field("readings", arrayOf(normal(1.0, 0.2).precision(3), 1, 4)),
                field("timestamp", now().epochMillis()))
                .partitionKey(PartitionKeySpec.field("device_id"));
    }

    static RecordSchema apacheLog() {
        return RecordSchema.of(concat(
                fake("#{Internet.ipV4Address}"), " - ",
                oneOf("-", "-", "-", "alice", "bob", "carol"),
                " [", now().pattern("dd/MMM/yyyy:HH:mm:ss Z"), "] \"",
                weighted().option("GET", 0.8).option("POST", 0.15).option("PUT", 0.03).option("DELETE", 0.02),
                " ",
                oneOf("/", "/index.html", "/products", "/products/42", "/cart", "/api/orders", "/login",
                        "/static/app.js", "/static/style.css", "/favicon.ico"),
                " HTTP/1.1\" ",
                weighted().option(200, 0.82).option(304, 0.06).option(404, 0.06).option(301, 0.03)
                        .option(500, 0.02).option(503, 0.01),
                " ", integers(200, 51_200),
                " \"", oneOf("-", "https://www.google.com/", "https://www.bing.com/", "https://example.com/"),
                "\" \"", fake("#{Internet.userAgent}"), "\""));
    }

    static RecordSchema security() {
        return record(
                field("alert_id", uuid()),
                field("timestamp", now()),
                field("severity", weighted().option("low", 0.5).option("medium", 0.3).option("high", 0.15)
                        .option("critical", 0.05)),
                field("category", oneOf("malware", "phishing", "brute_force", "port_scan", "data_exfiltration",
                        "privilege_escalation", "suspicious_login")),
                field("source_ip", fake("#{Internet.ipV4Address}")),
                field("destination_ip", fake("#{Internet.privateIpV4Address}")),
                field("user", fake("#{Internet.username}")),
                field("host", concat("host-", integers(1, 500))),
                field("action", weighted().option("alerted", 0.5).option("blocked", 0.35)
                        .option("quarantined", 0.1).option("allowed", 0.05)),
                field("score", derived("severity", s -> switch (String.valueOf(s)) {
                    case "critical" -> 95;
                    case "high" -> 75;
                    case "medium" -> 50;
                    default -> 20;
                })))
                .partitionKey(PartitionKeySpec.field("source_ip"));
    }
}
