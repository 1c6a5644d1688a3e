package io.kdg4j.core.scenario.file;

import com.fasterxml.jackson.databind.JsonNode;
import io.kdg4j.core.internal.NearestName;
import io.kdg4j.core.rate.RateSpecs;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads values out of a scenario file's tree, each read naming its path ({@code streams.orders.every}); what
 * cannot be read is noted and a stand-in returned, so one pass reports every problem of the file.
 */
final class Problems {
    private final List<String> found = new ArrayList<>();

    List<String> found() {
        return found;
    }

    int count() {
        return found.size();
    }

    void add(String path, String message) {
        found.add(path + ": " + message);
    }

    /** "unknown X 'y'" with the nearest known name, if one is close. */
    void unknown(String path, String what, String name, Collection<String> known) {
        add(path, "unknown " + what + " \"" + name + "\""
                + NearestName.of(name, known).map(n -> " (did you mean \"" + n + "\"?)")
                        .orElse(known.isEmpty() ? "" : "; known: " + String.join(", ", known)));
    }

    /** Complains about any key of {@code node} outside {@code allowed}. */
    void onlyKeys(JsonNode node, String path, Collection<String> allowed) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                unknown(join(path, name), "key", name, allowed);
            }
        }
    }

    static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    boolean isObject(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            add(path, "must be a map (key: value lines) but was " + describe(node));
            return false;
        }
        return true;
    }

    String text(JsonNode node, String path) {
        if (node == null || !node.isValueNode() || node.isNull()) {
            add(path, "must be text but was " + describe(node));
            return "";
        }
        return node.asText();
    }

    double number(JsonNode node, String path, double min, double max) {
        if (node == null || !node.isNumber()) {
            add(path, "must be a number but was " + describe(node));
            return min;
        }
        double value = node.doubleValue();
        if (!(value >= min && value <= max)) {
            String range = max == Double.MAX_VALUE ? (min == Double.MIN_VALUE ? "> 0" : ">= " + plain(min))
                    : "in [" + plain(min) + ", " + plain(max) + "]";
            add(path, "must be " + range + " but was " + node.asText());
            return min;
        }
        return value;
    }

    long whole(JsonNode node, String path, long min, long max) {
        if (node == null || !node.isIntegralNumber() && !(node.isNumber()
                && node.decimalValue().stripTrailingZeros().scale() <= 0)) {
            add(path, "must be a whole number but was " + describe(node));
            return min;
        }
        long value = node.longValue();
        if (value < min || value > max) {
            add(path, "must be in [" + min + ", " + max + "] but was " + value);
            return min;
        }
        return value;
    }

    /** {@code 250ms}, {@code 30s}, {@code 5m}, {@code 1h}, {@code 2d}, ISO-8601, or 0. */
    Duration duration(JsonNode node, String path) {
        String text = text(node, path);
        if (text.isEmpty()) {
            return Duration.ZERO;
        }
        if (text.trim().matches("0+(ms|s|m|h|d)?")) {
            return Duration.ZERO;
        }
        try {
            return RateSpecs.duration(text);
        } catch (IllegalArgumentException e) {
            add(path, e.getMessage());
            return Duration.ZERO;
        }
    }

    static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "missing";
        }
        if (node.isObject()) {
            return "a map";
        }
        if (node.isArray()) {
            return "a list";
        }
        if (node.isNull()) {
            return "empty";
        }
        return node.isTextual() ? "\"" + node.asText() + "\"" : node.asText();
    }

    private static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** The entries of a map node in file order. */
    static Iterable<Map.Entry<String, JsonNode>> entries(JsonNode node) {
        return node::fields;
    }
}
