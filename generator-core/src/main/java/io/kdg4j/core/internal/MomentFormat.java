package io.kdg4j.core.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.IsoFields;
import java.time.temporal.WeekFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * moment.js format strings (the ones KDG's {@code date.now} and {@code date.utc} take), in English, parsed once
 * into parts. Tokens are matched the way moment 2.x matches them: the first alternative that fits at each
 * position, so unknown letters stay literal ({@code "iso"} is 'i', seconds, 'o'), {@code [...]} is literal
 * text and {@code \\x} escapes one character. Written here because java.time patterns differ in too many
 * letters (am/pm case, ordinals, week years, x and X) for a translation table to be exact.
 */
final class MomentFormat implements InstantFormatter {
    private static final WeekFields LOCALE_WEEK = WeekFields.of(java.time.DayOfWeek.SUNDAY, 1);

    /** Localized shortcuts of moment's English locale, expanded before tokenizing. */
    private static final String[][] LOCALIZED = {
        {"LTS", "h:mm:ss A"}, {"LT", "h:mm A"}, {"LLLL", "dddd, MMMM D, YYYY h:mm A"},
        {"LLL", "MMMM D, YYYY h:mm A"}, {"LL", "MMMM D, YYYY"}, {"L", "MM/DD/YYYY"},
        {"llll", "ddd, MMM D, YYYY h:mm A"}, {"lll", "MMM D, YYYY h:mm A"}, {"ll", "MMM D, YYYY"},
        {"l", "M/D/YYYY"},
    };

    /** Tokens in moment's order of alternatives; the first that matches at a position wins. */
    private static final String[] TOKENS = {
        "Hmmss", "hmmss", "Hmm", "hmm", "Mo", "MMMM", "MMM", "MM", "M", "Do", "DDDo", "DDDD", "DDD", "DD", "D",
        "dddd", "ddd", "dd", "do", "d", "wo", "ww", "w", "Wo", "WW", "W", "Qo", "Q", "YYYYYY", "YYYYY", "YYYY",
        "YY", "ggggg", "gggg", "gg", "GGGGG", "GGGG", "GG", "e", "E", "a", "A", "hh", "h", "HH", "H", "kk", "k",
        "mm", "m", "ss", "s", "SSSSSSSSS", "SSSSSSSS", "SSSSSSS", "SSSSSS", "SSSSS", "SSSS", "SSS", "SS", "S",
        "x", "X", "zz", "z", "ZZ", "Z",
    };

    private final String source;
    private final ZoneId zone;
    private final List<String> parts;
    /** For each part: true when it is a token, false when literal text. */
    private final boolean[] tokens;
    private final boolean fractions;

    MomentFormat(String format, ZoneId zone) {
        this.source = format;
        this.zone = zone;
        List<String> found = new ArrayList<>();
        List<Boolean> isToken = new ArrayList<>();
        String expanded = expandLocalized(format);
        boolean showsFractions = false;
        int i = 0;
        while (i < expanded.length()) {
            char c = expanded.charAt(i);
            if (c == '[') {
                int close = expanded.indexOf(']', i + 1);
                int nextOpen = expanded.indexOf('[', i + 1);
                if (close > 0 && (nextOpen < 0 || close < nextOpen)) {
                    found.add(expanded.substring(i + 1, close));
                    isToken.add(false);
                    i = close + 1;
                    continue;
                }
            }
            if (c == '\\' && i + 1 < expanded.length()) {
                found.add(String.valueOf(expanded.charAt(i + 1)));
                isToken.add(false);
                i += 2;
                continue;
            }
            String token = tokenAt(expanded, i);
            if (token != null) {
                found.add(token);
                isToken.add(true);
                showsFractions |= token.charAt(0) == 'S' || token.equals("x");
                i += token.length();
            } else {
                found.add(String.valueOf(c));
                isToken.add(false);
                i++;
            }
        }
        this.parts = List.copyOf(found);
        this.tokens = new boolean[found.size()];
        for (int k = 0; k < tokens.length; k++) {
            tokens[k] = isToken.get(k);
        }
        this.fractions = showsFractions;
    }

    private static String expandLocalized(String format) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        outer:
        while (i < format.length()) {
            char c = format.charAt(i);
            if (c == '[') {
                int close = format.indexOf(']', i + 1);
                if (close > 0) {
                    out.append(format, i, close + 1);
                    i = close + 1;
                    continue;
                }
            }
            if (c == '\\' && i + 1 < format.length()) {
                out.append(format, i, i + 2);
                i += 2;
                continue;
            }
            for (String[] shortcut : LOCALIZED) {
                if (format.startsWith(shortcut[0], i)) {
                    out.append(shortcut[1]);
                    i += shortcut[0].length();
                    continue outer;
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    private static String tokenAt(String format, int i) {
        for (String token : TOKENS) {
            if (format.startsWith(token, i)) {
                return token;
            }
        }
        return null;
    }

    @Override
    public long tickMillis() {
        return fractions ? 1 : 1000;
    }

    @Override
    public String format(long epochMillis) {
        ZonedDateTime t = Instant.ofEpochMilli(epochMillis).atZone(zone);
        StringBuilder out = new StringBuilder(32);
        for (int i = 0; i < tokens.length; i++) {
            if (tokens[i]) {
                append(parts.get(i), t, epochMillis, out);
            } else {
                out.append(parts.get(i));
            }
        }
        return out.toString();
    }

    private static void append(String token, ZonedDateTime t, long epochMillis, StringBuilder out) {
        switch (token) {
            case "M" -> out.append(t.getMonthValue());
            case "Mo" -> ordinal(t.getMonthValue(), out);
            case "MM" -> pad(t.getMonthValue(), 2, out);
            case "MMM" -> out.append(t.getMonth().getDisplayName(TextStyle.SHORT, Locale.US));
            case "MMMM" -> out.append(t.getMonth().getDisplayName(TextStyle.FULL, Locale.US));
            case "Q" -> out.append(t.get(IsoFields.QUARTER_OF_YEAR));
            case "Qo" -> ordinal(t.get(IsoFields.QUARTER_OF_YEAR), out);
            case "D" -> out.append(t.getDayOfMonth());
            case "Do" -> ordinal(t.getDayOfMonth(), out);
            case "DD" -> pad(t.getDayOfMonth(), 2, out);
            case "DDD" -> out.append(t.getDayOfYear());
            case "DDDo" -> ordinal(t.getDayOfYear(), out);
            case "DDDD" -> pad(t.getDayOfYear(), 3, out);
            case "d", "e" -> out.append(t.getDayOfWeek().getValue() % 7);
            case "do" -> ordinal(t.getDayOfWeek().getValue() % 7, out);
            case "dd" -> out.append(t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.US), 0, 2);
            case "ddd" -> out.append(t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.US));
            case "dddd" -> out.append(t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.US));
            case "E" -> out.append(t.getDayOfWeek().getValue());
            case "w" -> out.append(t.get(LOCALE_WEEK.weekOfWeekBasedYear()));
            case "wo" -> ordinal(t.get(LOCALE_WEEK.weekOfWeekBasedYear()), out);
            case "ww" -> pad(t.get(LOCALE_WEEK.weekOfWeekBasedYear()), 2, out);
            case "W" -> out.append(t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case "Wo" -> ordinal(t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), out);
            case "WW" -> pad(t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), 2, out);
            case "YY" -> pad(Math.floorMod(t.getYear(), 100), 2, out);
            case "YYYY" -> pad(t.getYear(), 4, out);
            case "YYYYY" -> pad(t.getYear(), 5, out);
            case "YYYYYY" -> out.append(t.getYear() < 0 ? '-' : '+').append(padded(Math.abs(t.getYear()), 6));
            case "gg" -> pad(Math.floorMod(t.get(LOCALE_WEEK.weekBasedYear()), 100), 2, out);
            case "gggg" -> pad(t.get(LOCALE_WEEK.weekBasedYear()), 4, out);
            case "ggggg" -> pad(t.get(LOCALE_WEEK.weekBasedYear()), 5, out);
            case "GG" -> pad(Math.floorMod(t.get(IsoFields.WEEK_BASED_YEAR), 100), 2, out);
            case "GGGG" -> pad(t.get(IsoFields.WEEK_BASED_YEAR), 4, out);
            case "GGGGG" -> pad(t.get(IsoFields.WEEK_BASED_YEAR), 5, out);
            case "a" -> out.append(t.getHour() < 12 ? "am" : "pm");
            case "A" -> out.append(t.getHour() < 12 ? "AM" : "PM");
            case "H" -> out.append(t.getHour());
            case "HH" -> pad(t.getHour(), 2, out);
            case "h" -> out.append(hour12(t));
            case "hh" -> pad(hour12(t), 2, out);
            case "k" -> out.append(t.getHour() == 0 ? 24 : t.getHour());
            case "kk" -> pad(t.getHour() == 0 ? 24 : t.getHour(), 2, out);
            case "Hmm" -> pad(t.getHour(), 1, out).append(padded(t.getMinute(), 2));
            case "Hmmss" -> pad(t.getHour(), 1, out).append(padded(t.getMinute(), 2))
                    .append(padded(t.getSecond(), 2));
            case "hmm" -> out.append(hour12(t)).append(padded(t.getMinute(), 2));
            case "hmmss" -> out.append(hour12(t)).append(padded(t.getMinute(), 2)).append(padded(t.getSecond(), 2));
            case "m" -> out.append(t.getMinute());
            case "mm" -> pad(t.getMinute(), 2, out);
            case "s" -> out.append(t.getSecond());
            case "ss" -> pad(t.getSecond(), 2, out);
            case "x" -> out.append(epochMillis);
            case "X" -> out.append(Math.floorDiv(epochMillis, 1000));
            case "z", "zz" -> out.append(t.getOffset().getTotalSeconds() == 0 ? "UTC"
                    : t.getZone().getDisplayName(TextStyle.SHORT, Locale.US));
            case "Z" -> offset(t, true, out);
            case "ZZ" -> offset(t, false, out);
            default -> fraction(token.length(), t.get(ChronoField.MILLI_OF_SECOND), out);
        }
    }

    private static int hour12(ZonedDateTime t) {
        int h = t.getHour() % 12;
        return h == 0 ? 12 : h;
    }

    /** moment keeps milliseconds: S is tenths, SS hundredths, SSS+ millis padded with zeros. */
    private static void fraction(int digits, int millis, StringBuilder out) {
        String ms = padded(millis, 3);
        if (digits <= 3) {
            out.append(ms, 0, digits);
        } else {
            out.append(ms).append("0".repeat(digits - 3));
        }
    }

    private static void offset(ZonedDateTime t, boolean colon, StringBuilder out) {
        int seconds = t.getOffset().getTotalSeconds();
        out.append(seconds < 0 ? '-' : '+');
        int minutes = Math.abs(seconds) / 60;
        pad(minutes / 60, 2, out);
        if (colon) {
            out.append(':');
        }
        pad(minutes % 60, 2, out);
    }

    private static void ordinal(int n, StringBuilder out) {
        int lastTwo = n % 100;
        String suffix = lastTwo >= 11 && lastTwo <= 13 ? "th"
                : switch (n % 10) {
                    case 1 -> "st";
                    case 2 -> "nd";
                    case 3 -> "rd";
                    default -> "th";
                };
        out.append(n).append(suffix);
    }

    private static StringBuilder pad(int value, int width, StringBuilder out) {
        return out.append(padded(value, width));
    }

    private static String padded(int value, int width) {
        String digits = Integer.toString(Math.abs(value));
        String sign = value < 0 ? "-" : "";
        return digits.length() >= width ? sign + digits : sign + "0".repeat(width - digits.length()) + digits;
    }

    @Override
    public String toString() {
        return "moment format \"" + source + "\"";
    }
}
