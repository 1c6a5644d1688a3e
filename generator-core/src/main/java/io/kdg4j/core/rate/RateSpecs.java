package io.kdg4j.core.rate;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Parses rate profiles and durations as people type them on a command line. Every error names the part that is
 * wrong, the rule and the value.
 */
public final class RateSpecs {
    private static final String FORMS = "a number, constant:R, ramp:FROM..TO/DURATION, steps:R/D,R/D,...,R, "
            + "sine:mean=M,amplitude=A,period=D, diurnal:min=A,max=B[,day=D], bursts:base=B,peak=P,every=D,for=D, "
            + "periodic:mean=M,spread=S or periodic:file=GRID.csv";

    private RateSpecs() {
    }

    /** {@code 250ms}, {@code 10s}, {@code 5m}, {@code 1h}, {@code 2d} or ISO-8601 ({@code PT10S}); positive. */
    public static Duration duration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        Duration duration;
        try {
            if (t.startsWith("p")) {
                duration = Duration.parse(t.toUpperCase(Locale.ROOT));
            } else if (t.endsWith("ms")) {
                duration = Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            } else if (t.endsWith("s")) {
                duration = Duration.ofNanos(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 1e9));
            } else if (t.endsWith("m")) {
                duration = Duration.ofSeconds(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 60));
            } else if (t.endsWith("h")) {
                duration = Duration.ofSeconds(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 3600));
            } else if (t.endsWith("d")) {
                duration = Duration.ofHours(Long.parseLong(t.substring(0, t.length() - 1)) * 24);
            } else {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException("duration must look like 250ms, 10s, 5m, 1h, 2d or PT10S but was '"
                    + text + "'");
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("duration must be positive but was '" + text + "'");
        }
        return duration;
    }

    static RateProfile profile(String spec) {
        String s = spec.trim();
        int colon = s.indexOf(':');
        String kind = colon < 0 ? "constant" : s.substring(0, colon).trim().toLowerCase(Locale.ROOT);
        String body = s.substring(colon + 1).trim();
        try {
            return switch (kind) {
                case "constant" -> RateProfile.constant(number(body, "rate", spec));
                case "ramp" -> ramp(body, spec);
                case "steps" -> steps(body, spec);
                case "sine" -> {
                    Map<String, String> p = parameters(body, Set.of("mean", "amplitude", "period"), spec);
                    yield RateProfile.sine(number(p.get("mean"), "mean", spec),
                            number(p.get("amplitude"), "amplitude", spec), duration(p.get("period")));
                }
                case "diurnal" -> {
                    Map<String, String> p = parameters(body, Set.of("min", "max"), Set.of("day"), spec);
                    RateProfile day = RateProfile.diurnal(number(p.get("min"), "min", spec),
                            number(p.get("max"), "max", spec), java.time.Clock.systemUTC());
                    // day=1m: a whole day's shape every minute, for tests and demos
                    yield p.containsKey("day") ? day.compressed(Duration.ofDays(1), duration(p.get("day"))) : day;
                }
                case "bursts" -> {
                    Map<String, String> p = parameters(body, Set.of("base", "peak", "every", "for"), spec);
                    yield RateProfile.bursts(number(p.get("base"), "base", spec), number(p.get("peak"), "peak", spec),
                            duration(p.get("every")), duration(p.get("for")));
                }
                case "periodic" -> periodic(body, spec);
                default -> throw new IllegalArgumentException("unknown kind '" + kind + "'");
            };
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("rate profile '" + spec + "': " + e.getMessage() + " (forms: " + FORMS
                    + ")", e);
        }
    }

    private static RateProfile periodic(String body, String spec) {
        long seed = body.hashCode();
        if (body.startsWith("file=")) {
            java.nio.file.Path file = java.nio.file.Path.of(body.substring("file=".length()).trim());
            List<String> lines;
            try {
                lines = java.nio.file.Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList();
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException("cannot read the periodic grid " + file + ": " + e.getMessage());
            }
            return periodicGrid(lines, file.toString(), seed);
        }
        Map<String, String> p = parameters(body, Set.of("mean", "spread"), spec);
        return RateProfile.periodic(number(p.get("mean"), "mean", spec), number(p.get("spread"), "spread", spec),
                seed, java.time.Clock.systemUTC());
    }

    /**
     * KDG's periodic mode from its grid as text: 7 lines, Sunday first, of 24 {@code mean:spread} cells separated
     * by commas, one per hour (UTC); blank lines are ignored. {@code where} names the grid in messages.
     */
    public static RateProfile periodicGrid(List<String> lines, String where, long seed) {
        List<String> rows = lines.stream().filter(l -> !l.isBlank()).toList();
        String spec = "the periodic grid " + where;
        if (rows.size() != 7) {
            throw new IllegalArgumentException("the periodic grid " + where + " needs 7 lines (Sunday first) but"
                    + " had " + rows.size());
        }
        double[][] means = new double[7][24];
        double[][] spreads = new double[7][24];
        for (int day = 0; day < 7; day++) {
            String[] cells = rows.get(day).split(",");
            if (cells.length != 24) {
                throw new IllegalArgumentException("line " + (day + 1) + " of " + where + " needs 24 mean:spread"
                        + " cells but had " + cells.length);
            }
            for (int hour = 0; hour < 24; hour++) {
                String[] pair = cells[hour].trim().split(":");
                if (pair.length != 2) {
                    throw new IllegalArgumentException("line " + (day + 1) + ", cell " + (hour + 1) + " of "
                            + where + " must be mean:spread but was '" + cells[hour].trim() + "'");
                }
                means[day][hour] = number(pair[0], "mean", spec);
                spreads[day][hour] = number(pair[1], "spread", spec);
            }
        }
        return RateProfile.periodic(means, spreads, seed, java.time.Clock.systemUTC());
    }

    private static RateProfile ramp(String body, String spec) {
        int dots = body.indexOf("..");
        int slash = body.lastIndexOf('/');
        if (dots < 0 || slash < dots) {
            throw new IllegalArgumentException("a ramp looks like ramp:100..5000/60s");
        }
        return RateProfile.ramp(number(body.substring(0, dots), "ramp start", spec),
                number(body.substring(dots + 2, slash), "ramp end", spec), duration(body.substring(slash + 1)));
    }

    private static RateProfile steps(String body, String spec) {
        List<RateProfile.Step> steps = new ArrayList<>();
        String[] parts = body.split(",");
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i].trim();
            int slash = part.indexOf('/');
            boolean last = i == parts.length - 1;
            if (slash < 0 && !last) {
                throw new IllegalArgumentException("step " + (i + 1) + " ('" + part
                        + "') needs a duration, like 1000/30s; only the last step may hold for ever");
            }
            double rate = number(slash < 0 ? part : part.substring(0, slash), "step rate", spec);
            steps.add(new RateProfile.Step(rate, slash < 0 ? Duration.ofSeconds(1) : duration(part.substring(slash
                    + 1))));
        }
        return RateProfile.steps(steps);
    }

    private static Map<String, String> parameters(String body, Set<String> names, String spec) {
        return parameters(body, names, Set.of(), spec);
    }

    private static Map<String, String> parameters(String body, Set<String> names, Set<String> optional,
                                                  String spec) {
        Map<String, String> values = new HashMap<>();
        for (String part : body.split(",")) {
            int eq = part.indexOf('=');
            String name = eq < 0 ? part.trim() : part.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            if (eq < 0 || !(names.contains(name) || optional.contains(name))) {
                throw new IllegalArgumentException("'" + part.trim() + "' is not one of " + names
                        + (optional.isEmpty() ? "" : " or optional " + optional) + " as name=value");
            }
            values.put(name, part.substring(eq + 1).trim());
        }
        for (String name : names) {
            if (!values.containsKey(name)) {
                throw new IllegalArgumentException("'" + name + "' is missing");
            }
        }
        return values;
    }

    private static double number(String text, String what, String spec) {
        try {
            double value = Double.parseDouble(text.trim().replace("_", ""));
            if (!(value >= 0) || Double.isInfinite(value)) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be a number of records/s >= 0 but was '" + text.trim()
                    + "'");
        }
    }
}
