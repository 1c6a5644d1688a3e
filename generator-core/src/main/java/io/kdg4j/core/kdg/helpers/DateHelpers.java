package io.kdg4j.core.kdg.helpers;

import static io.kdg4j.core.Fields.now;
import static io.kdg4j.core.Fields.oneOf;

import io.kdg4j.core.schema.ValueSpec;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** faker 3.1's {@code date} namespace, and KDG's now, utc and simTime. */
final class DateHelpers {
    private DateHelpers() {
    }

    /** JavaScript's Date.toString() in UTC, as KDG prints date.past/future/recent/between. */
    static final String JS_DATE = "ddd MMM DD YYYY HH:mm:ss [GMT]ZZ [(Coordinated Universal Time)]";
    private static final Duration YEAR = Duration.ofDays(365);
    private static final BigDecimal ONE = BigDecimal.ONE;

    static void register(HelperTable.Registrar table) {
        table.helper("date.past", "years, refDate", "a time in the `years` (1) before now or refDate, printed like "
                + "JavaScript's Date", call -> relative(call, -1));
        table.helper("date.future", "years, refDate", "a time in the `years` (1) after now or refDate, printed like "
                + "JavaScript's Date", call -> relative(call, 1));
        table.helper("date.between", "from, to", "a time uniform in [from, to] (ISO dates or epoch millis), printed "
                + "like JavaScript's Date; both arguments work, unlike KDG", DateHelpers::between);
        table.helper("date.recent", "days", "a time in the `days` (1) before now, printed like JavaScript's Date",
                call -> now().shifted(Duration.ofMillis(-Math.round(call.number(0, ONE, "days").doubleValue()
                        * 86_400_000d)), Duration.ZERO).momentPattern(JS_DATE));
        table.helper("date.month", "{\"abbr\":bool}", "an English month name (abbreviated when abbr)",
                call -> Boolean.TRUE.equals(call.options().get("abbr"))
                        ? oneOf("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
                        : oneOf("January", "February", "March", "April", "May", "June", "July", "August",
                        "September", "October", "November", "December"));
        table.helper("date.weekday", "{\"abbr\":bool}", "an English weekday name (abbreviated when abbr)",
                call -> Boolean.TRUE.equals(call.options().get("abbr"))
                        ? oneOf("Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat")
                        : oneOf("Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"));
        table.helper("date.now", "format", "the generator clock in UTC (the simulated instant under `--sim-time`), "
                + "moment.js format (default `YYYY-MM-DDTHH:mm:ssZ`; `x`/`X` are epoch ms/s)",
                call -> moment(call, "YYYY-MM-DDTHH:mm:ssZ"));
        table.helper("date.utc", "format", "the generator clock in UTC, moment.js format (default "
                + "`YYYY-MM-DDTHH:mm:ss[Z]`)", call -> moment(call, "YYYY-MM-DDTHH:mm:ss[Z]"));
        table.helper("date.simTime", "format", "the record's simulated instant under `--sim-time` "
                + "(`Generator.simulatedTime`), else the generator clock, as `date.now` (KDG fails outside its "
                + "periodic mode)", call -> moment(call, "YYYY-MM-DDTHH:mm:ssZ"));
    }

    private static ValueSpec moment(HelperCall call, String defaultFormat) {
        Object format = call.argument(0);
        if (format != null && !(format instanceof String) && !(format instanceof BigDecimal)) {
            throw call.error("the format must be a moment.js format string such as \"YYYY-MM-DD HH:mm:ss\" but was "
                    + JsText.of(format));
        }
        return now().momentPattern(format == null ? defaultFormat : JsText.of(format));
    }

    private static ValueSpec relative(HelperCall call, int direction) {
        BigDecimal years = call.number(0, ONE, "years");
        if (years.signum() < 0 || years.compareTo(BigDecimal.valueOf(1000)) > 0) {
            throw call.error("years must be in [0, 1000] but was " + years.toPlainString());
        }
        Duration span = Duration.ofMillis(Math.round(years.doubleValue() * YEAR.toMillis()));
        Object refDate = call.argument(1);
        if (refDate != null) {
            Instant ref = instant(call, refDate, "refDate");
            return direction < 0 ? io.kdg4j.core.Fields.between(ref.minus(span), ref).momentPattern(JS_DATE)
                    : io.kdg4j.core.Fields.between(ref, ref.plus(span)).momentPattern(JS_DATE);
        }
        return (direction < 0 ? now().shifted(span.negated(), Duration.ZERO) : now().shifted(Duration.ZERO, span))
                .momentPattern(JS_DATE);
    }

    private static ValueSpec between(HelperCall call) {
        if (call.argumentCount() < 2) {
            throw call.error("needs two dates, e.g. date.between(\"2020-01-01\",\"2020-12-31\")");
        }
        Instant from = instant(call, call.argument(0), "from");
        Instant to = instant(call, call.argument(1), "to");
        if (from.isAfter(to)) {
            throw call.error("from must not be after to, but from was " + from + " and to was " + to);
        }
        return io.kdg4j.core.Fields.between(from, to).momentPattern(JS_DATE);
    }

    private static Instant instant(HelperCall call, Object value, String what) {
        if (value instanceof BigDecimal millis) {
            return Instant.ofEpochMilli(millis.longValue());
        }
        String text = String.valueOf(value).trim();
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            // try the next form
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            // try the next form
        }
        try {
            return LocalDateTime.parse(text.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            // try the next form
        }
        try {
            return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw call.error(what + " must be a date such as \"2020-01-31\", \"2020-01-31T12:00:00Z\" or epoch "
                    + "milliseconds but was '" + text + "'");
        }
    }
}
