package io.kdg4j.core.kdg;

import static io.kdg4j.core.Fields.arrayOf;
import static io.kdg4j.core.Fields.booleans;
import static io.kdg4j.core.Fields.concat;
import static io.kdg4j.core.Fields.constant;
import static io.kdg4j.core.Fields.decimals;
import static io.kdg4j.core.Fields.fake;
import static io.kdg4j.core.Fields.faker;
import static io.kdg4j.core.Fields.field;
import static io.kdg4j.core.Fields.integers;
import static io.kdg4j.core.Fields.now;
import static io.kdg4j.core.Fields.object;
import static io.kdg4j.core.Fields.oneOf;
import static io.kdg4j.core.Fields.uuid;
import static io.kdg4j.core.Fields.weighted;

import io.kdg4j.core.schema.ChoiceSpec;
import io.kdg4j.core.schema.GeoPointSpec;
import io.kdg4j.core.schema.ValueSpec;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.datafaker.Faker;

/**
 * Every helper a KDG template can call (faker.js 3.1's namespaces plus KDG's own), with what kdg4j makes of it.
 * This is the one mapping table: docs/templates.md's table is printed from it ({@link #markdownTable()}).
 */
final class Helpers {
    /** How one helper compiles: the call's arguments in, a spec out, or a {@link TemplateException}. */
    interface Compiler {
        ValueSpec compile(Call call);
    }

    /** One row of the table: the KDG helper, its arguments, what kdg4j generates for it. */
    record Helper(String name, String arguments, String mapping, Compiler compiler) {
    }

    private static final List<String> IMAGE_CATEGORIES = List.of("abstract", "animals", "business", "cats", "city",
            "food", "nightlife", "fashion", "people", "nature", "sports", "technics", "transport");

    private static final Map<String, Helper> TABLE = new LinkedHashMap<>();
    /** Names users try from newer faker versions or by analogy, mapped to the helper they mean. */
    private static final Map<String, String> ALIASES = new LinkedHashMap<>();

    /** JavaScript's Date.toString() in UTC, as KDG prints date.past/future/recent/between. */
    static final String JS_DATE = "ddd MMM DD YYYY HH:mm:ss [GMT]ZZ [(Coordinated Universal Time)]";
    private static final Duration YEAR = Duration.ofDays(365);
    private static final BigDecimal ONE = BigDecimal.ONE;

    private Helpers() {
    }

    static Helper find(String name) {
        Helper helper = TABLE.get(name);
        if (helper == null && ALIASES.containsKey(name)) {
            helper = TABLE.get(ALIASES.get(name));
        }
        return helper;
    }

    /** Every helper name and alias, for suggestions. */
    static List<String> names() {
        List<String> names = new ArrayList<>(TABLE.keySet());
        names.addAll(ALIASES.keySet());
        return names;
    }

    static Map<String, Helper> table() {
        return Collections.unmodifiableMap(TABLE);
    }

    static Map<String, String> aliasTable() {
        return Collections.unmodifiableMap(ALIASES);
    }

    /** The table as Markdown, for docs/templates.md. */
    /** Every helper: name, arguments, what kdg4j generates; in the table's order. */
    static List<HelperDescription> descriptions() {
        List<HelperDescription> all = new ArrayList<>();
        TABLE.values().forEach(h -> all.add(new HelperDescription(h.name(), h.arguments(), h.mapping())));
        return all;
    }

    static String markdownTable() {
        StringBuilder out = new StringBuilder("| KDG helper | arguments | kdg4j generates |\n|---|---|---|\n");
        TABLE.values().forEach(h -> out.append("| `").append(h.name()).append("` | ")
                .append(h.arguments().isEmpty() ? "" : "`" + h.arguments() + "`").append(" | ")
                .append(h.mapping()).append(" |\n"));
        out.append("\nAlso accepted (newer faker names and obvious intents): ");
        List<String> pairs = new ArrayList<>();
        ALIASES.forEach((alias, target) -> pairs.add("`" + alias + "` = `" + target + "`"));
        return out.append(String.join(", ", pairs)).append(".\n").toString();
    }

    private static void helper(String name, String arguments, String mapping, Compiler compiler) {
        TABLE.put(name, new Helper(name, arguments, mapping, compiler));
    }

    /** A helper without arguments backed by a Datafaker expression or word-list key. */
    private static void fakeHelper(String name, String expression, String mapping) {
        helper(name, "", mapping, call -> fake(expression));
    }

    private static void alias(String alias, String target) {
        ALIASES.put(alias, target);
    }

    static {
        address();
        commerce();
        company();
        date();
        finance();
        hacker();
        helpers();
        image();
        internet();
        lorem();
        name();
        phone();
        random();
        system();
        aliases();
    }

    // ----- address -----

    private static void address() {
        helper("address.zipCode", "format", "Datafaker `Address.zipCode`; with a format, `#` become digits",
                call -> call.arguments().isEmpty() ? fake("#{Address.zipCode}") : symbols(call.string(0, "#####")));
        fakeHelper("address.city", "#{Address.city}", "Datafaker `Address.city`");
        fakeHelper("address.cityPrefix", "address.city_prefix", "Datafaker word list `address.city_prefix`");
        fakeHelper("address.citySuffix", "address.city_suffix", "Datafaker word list `address.city_suffix`");
        fakeHelper("address.streetName", "#{Address.streetName}", "Datafaker `Address.streetName`");
        helper("address.streetAddress", "useFullAddress", "Datafaker `Address.streetAddress` (+ "
                + "`secondaryAddress` when true)", call -> fake(call.bool(0, false)
                ? "#{Address.streetAddress} #{Address.secondaryAddress}" : "#{Address.streetAddress}"));
        fakeHelper("address.streetSuffix", "address.street_suffix", "Datafaker word list `address.street_suffix`");
        helper("address.streetPrefix", "", "one of a, b, c (as faker.js 3.1)", call -> oneOf("a", "b", "c"));
        fakeHelper("address.secondaryAddress", "#{Address.secondaryAddress}", "Datafaker `Address.secondaryAddress`");
        helper("address.county", "", "a last name + \" County\"",
                call -> concat(fake("name.last_name"), " County"));
        fakeHelper("address.country", "address.country", "Datafaker word list `address.country`");
        fakeHelper("address.countryCode", "#{Address.countryCode}", "Datafaker `Address.countryCode`");
        helper("address.state", "useAbbr", "Datafaker word list `address.state` (`address.state_abbr` when true)",
                call -> fake(call.bool(0, false) ? "address.state_abbr" : "address.state"));
        fakeHelper("address.stateAbbr", "address.state_abbr", "Datafaker word list `address.state_abbr`");
        helper("address.latitude", "", "decimal in [-90, 90], 4 decimals",
                call -> decimals("-90.0000", "90.0000"));
        helper("address.longitude", "", "decimal in [-180, 180], 4 decimals",
                call -> decimals("-180.0000", "180.0000"));
        helper("address.nearbyGPSCoordinate", "{\"coordinate\":[lat,lon],\"radius\":r,\"isMetric\":b}",
                "`lat,lon` uniform within the radius (km when isMetric, else miles; default 10), 4 decimals",
                Helpers::nearby);
    }

    private static ValueSpec nearby(Call call) {
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

    // ----- commerce -----

    private static void commerce() {
        fakeHelper("commerce.color", "color.name", "Datafaker word list `color.name`");
        fakeHelper("commerce.department", "commerce.department", "Datafaker word list `commerce.department`");
        fakeHelper("commerce.productName", "#{Commerce.productName}", "Datafaker `Commerce.productName`");
        helper("commerce.price", "min, max, dec, symbol", "symbol + a whole number in [min, max] (1..1000) "
                + "printed with dec (2) zero decimals, as faker.js does (`614.00`)", Helpers::price);
        fakeHelper("commerce.productAdjective", "commerce.product_name.adjective",
                "Datafaker word list `commerce.product_name.adjective`");
        fakeHelper("commerce.productMaterial", "commerce.product_name.material",
                "Datafaker word list `commerce.product_name.material`");
        fakeHelper("commerce.product", "commerce.product_name.product",
                "Datafaker word list `commerce.product_name.product`");
    }

    /** faker.js 3.1 price: a whole number, then toFixed(dec). */
    private static ValueSpec price(Call call) {
        BigDecimal min = call.number(0, ONE, "min");
        BigDecimal max = call.number(1, BigDecimal.valueOf(1000), "max");
        int dec = call.integer(2, 2, 0, 10, "dec");
        String symbol = call.string(3, "");
        if (min.compareTo(max) > 0) {
            throw call.error("min must be <= max, but min was " + min.toPlainString() + " and max was "
                    + max.toPlainString());
        }
        ValueSpec whole = decimals(min, max).step("1");
        return concat(symbol, whole, dec == 0 ? "" : "." + "0".repeat(dec));
    }

    /** faker.js amount: positional (min, max, dec, symbol), as text. */
    private static ValueSpec amount(Call call, BigDecimal defaultMin, BigDecimal defaultMax) {
        BigDecimal min = call.number(0, defaultMin, "min");
        BigDecimal max = call.number(1, defaultMax, "max");
        int dec = call.integer(2, 2, 0, 10, "dec");
        String symbol = call.string(3, "");
        if (min.compareTo(max) > 0) {
            throw call.error("min must be <= max, but min was " + min.toPlainString() + " and max was "
                    + max.toPlainString());
        }
        ValueSpec value = decimals(min, max).scale(dec);
        return symbol.isEmpty() ? value : concat(symbol, value);
    }

    // ----- company -----

    private static void company() {
        helper("company.suffixes", "", "Datafaker's company suffixes, joined by commas",
                call -> constant(String.join(",", wordList("company.suffix", 0).stream().map(String::valueOf).toList())));
        fakeHelper("company.companyName", "#{Company.name}", "Datafaker `Company.name`");
        fakeHelper("company.companySuffix", "company.suffix", "Datafaker word list `company.suffix`");
        fakeHelper("company.catchPhrase", "#{Company.catchPhrase}", "Datafaker `Company.catchPhrase`");
        fakeHelper("company.bs", "#{Company.bs}", "Datafaker `Company.bs`");
        helper("company.catchPhraseAdjective", "", "Datafaker `company.buzzwords` (adjectives)",
                call -> oneOf(wordList("company.buzzwords", 1)));
        helper("company.catchPhraseDescriptor", "", "Datafaker `company.buzzwords` (descriptors)",
                call -> oneOf(wordList("company.buzzwords", 2)));
        helper("company.catchPhraseNoun", "", "Datafaker `company.buzzwords` (nouns)",
                call -> oneOf(wordList("company.buzzwords", 3)));
        helper("company.bsBuzz", "", "Datafaker `company.bs` (verbs)", call -> oneOf(wordList("company.bs", 1)));
        helper("company.bsAdjective", "", "Datafaker `company.bs` (adjectives)",
                call -> oneOf(wordList("company.bs", 2)));
        helper("company.bsNoun", "", "Datafaker `company.bs` (nouns)", call -> oneOf(wordList("company.bs", 3)));
    }

    /** A Datafaker word list (part {@code part} of a list of lists when part > 0), read once. */
    @SuppressWarnings("unchecked")
    private static List<Object> wordList(String key, int part) {
        Object list = io.kdg4j.core.internal.DatafakerWords.fetch(java.util.Locale.US, key);
        if (list == null) {
            Faker faker = new Faker(java.util.Locale.US, new Random(0));
            list = faker.fakeValuesService().fetchObject(key, faker.getContext());
        }
        List<Object> words = (List<Object>) list;
        return part > 0 ? (List<Object>) words.get(part - 1) : words;
    }

    // ----- date -----

    private static void date() {
        helper("date.past", "years, refDate", "a time in the `years` (1) before now or refDate, printed like "
                + "JavaScript's Date", call -> relative(call, -1));
        helper("date.future", "years, refDate", "a time in the `years` (1) after now or refDate, printed like "
                + "JavaScript's Date", call -> relative(call, 1));
        helper("date.between", "from, to", "a time uniform in [from, to] (ISO dates or epoch millis), printed "
                + "like JavaScript's Date; both arguments work, unlike KDG", Helpers::between);
        helper("date.recent", "days", "a time in the `days` (1) before now, printed like JavaScript's Date",
                call -> now().shifted(Duration.ofMillis(-Math.round(call.number(0, ONE, "days").doubleValue()
                        * 86_400_000d)), Duration.ZERO).momentPattern(JS_DATE));
        helper("date.month", "{\"abbr\":bool}", "an English month name (abbreviated when abbr)",
                call -> Boolean.TRUE.equals(call.options().get("abbr"))
                        ? oneOf("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
                        : oneOf("January", "February", "March", "April", "May", "June", "July", "August",
                        "September", "October", "November", "December"));
        helper("date.weekday", "{\"abbr\":bool}", "an English weekday name (abbreviated when abbr)",
                call -> Boolean.TRUE.equals(call.options().get("abbr"))
                        ? oneOf("Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat")
                        : oneOf("Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"));
        helper("date.now", "format", "the generator clock in UTC, moment.js format (default "
                + "`YYYY-MM-DDTHH:mm:ssZ`; `x`/`X` are epoch ms/s)",
                call -> moment(call, "YYYY-MM-DDTHH:mm:ssZ"));
        helper("date.utc", "format", "the generator clock in UTC, moment.js format (default "
                + "`YYYY-MM-DDTHH:mm:ss[Z]`)", call -> moment(call, "YYYY-MM-DDTHH:mm:ss[Z]"));
        helper("date.simTime", "format", "as `date.now` (KDG fails outside its periodic mode; kdg4j's rate "
                + "profiles keep the real clock)", call -> moment(call, "YYYY-MM-DDTHH:mm:ssZ"));
    }

    private static ValueSpec moment(Call call, String defaultFormat) {
        Object format = call.arguments().get(0);
        if (format != null && !(format instanceof String) && !(format instanceof BigDecimal)) {
            throw call.error("the format must be a moment.js format string such as \"YYYY-MM-DD HH:mm:ss\" but was "
                    + Render.js(format));
        }
        return now().momentPattern(format == null ? defaultFormat : Render.js(format));
    }

    private static ValueSpec relative(Call call, int direction) {
        BigDecimal years = call.number(0, ONE, "years");
        if (years.signum() < 0 || years.compareTo(BigDecimal.valueOf(1000)) > 0) {
            throw call.error("years must be in [0, 1000] but was " + years.toPlainString());
        }
        Duration span = Duration.ofMillis(Math.round(years.doubleValue() * YEAR.toMillis()));
        Object refDate = call.arguments().get(1);
        if (refDate != null) {
            Instant ref = instant(call, refDate, "refDate");
            return direction < 0 ? io.kdg4j.core.Fields.between(ref.minus(span), ref).momentPattern(JS_DATE)
                    : io.kdg4j.core.Fields.between(ref, ref.plus(span)).momentPattern(JS_DATE);
        }
        return (direction < 0 ? now().shifted(span.negated(), Duration.ZERO) : now().shifted(Duration.ZERO, span))
                .momentPattern(JS_DATE);
    }

    private static ValueSpec between(Call call) {
        if (call.arguments().size() < 2) {
            throw call.error("needs two dates, e.g. date.between(\"2020-01-01\",\"2020-12-31\")");
        }
        Instant from = instant(call, call.arguments().get(0), "from");
        Instant to = instant(call, call.arguments().get(1), "to");
        if (from.isAfter(to)) {
            throw call.error("from must not be after to, but from was " + from + " and to was " + to);
        }
        return io.kdg4j.core.Fields.between(from, to).momentPattern(JS_DATE);
    }

    private static Instant instant(Call call, Object value, String what) {
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

    // ----- finance -----

    private static void finance() {
        helper("finance.account", "length", "`length` (8) random digits", call -> digits(call.integer(0, 8, 1, 64,
                "length")));
        helper("finance.accountName", "", "an account type + \" Account\"", call -> concat(oneOf("Checking",
                "Savings", "Money Market", "Investment", "Home Loan", "Credit Card", "Auto Loan", "Personal Loan"),
                " Account"));
        helper("finance.mask", "length, parens, ellipsis", "`length` (4) digits, in `(...` `)` by default",
                call -> {
                    int length = call.integer(0, 4, 1, 64, "length");
                    boolean parens = call.bool(1, true);
                    boolean ellipsis = call.bool(2, true);
                    return concat((parens ? "(" : "") + (ellipsis ? "..." : ""), digits(length), parens ? ")" : "");
                });
        helper("finance.amount", "min, max, dec, symbol", "symbol + decimal in [min, max] (0..1000) with dec "
                + "decimals (2)", call -> amount(call, BigDecimal.ZERO, BigDecimal.valueOf(1000)));
        helper("finance.transactionType", "", "one of deposit, withdrawal, payment, invoice",
                call -> oneOf("deposit", "withdrawal", "payment", "invoice"));
        fakeHelper("finance.currencyCode", "#{Money.currencyCode}", "Datafaker `Money.currencyCode`");
        fakeHelper("finance.currencyName", "#{Money.currency}", "Datafaker `Money.currency`");
        helper("finance.currencySymbol", "", "a common currency sign ($, €, £, ¥, ₹...)",
                call -> oneOf("$", "€", "£", "¥", "₹", "₩", "₽", "₺", "₴", "₦", "฿", "₫", "₱", "₪", "₡", "kr", "zł"));
        fakeHelper("finance.bitcoinAddress", "#{regexify '[13][a-km-zA-HJ-NP-Z1-9]{25,32}'}",
                "a base58 text of 26 to 33 characters starting with 1 or 3");
    }

    // ----- hacker -----

    private static void hacker() {
        fakeHelper("hacker.abbreviation", "hacker.abbreviation", "Datafaker word list `hacker.abbreviation`");
        fakeHelper("hacker.adjective", "hacker.adjective", "Datafaker word list `hacker.adjective`");
        fakeHelper("hacker.noun", "hacker.noun", "Datafaker word list `hacker.noun`");
        fakeHelper("hacker.verb", "hacker.verb", "Datafaker word list `hacker.verb`");
        fakeHelper("hacker.ingverb", "hacker.ingverb", "Datafaker word list `hacker.ingverb`");
        helper("hacker.phrase", "", "a sentence made of Datafaker hacker words", call -> oneOf(
                fake("Try to #{Hacker.verb} the #{Hacker.abbreviation} #{Hacker.noun}, maybe it will "
                        + "#{Hacker.verb} the #{Hacker.adjective} #{Hacker.noun}!"),
                fake("The #{Hacker.abbreviation} #{Hacker.noun} is down, #{Hacker.verb} the #{Hacker.adjective} "
                        + "#{Hacker.noun} so we can #{Hacker.verb} the #{Hacker.abbreviation} #{Hacker.noun}!"),
                fake("#{Hacker.ingverb} the #{Hacker.noun} won't do anything, we need to #{Hacker.verb} the "
                        + "#{Hacker.adjective} #{Hacker.abbreviation} #{Hacker.noun}!")));
    }

    // ----- helpers -----

    private static void helpers() {
        helper("helpers.randomize", "array", "one element of the array (default [\"a\",\"b\",\"c\"])",
                call -> elementOf(call, List.of("a", "b", "c")));
        helper("helpers.slugify", "text", "the text with spaces as dashes and other symbols removed",
                call -> constant(call.string(0, "").replace(' ', '-').replaceAll("[^\\w.\\-]+", "")));
        helper("helpers.replaceSymbolWithNumber", "text, symbol", "the text with each `#` (or symbol) a digit",
                call -> {
                    String symbol = call.string(1, "#");
                    return symbolsWith(call.string(0, ""), symbol.isEmpty() ? '#' : symbol.charAt(0));
                });
        helper("helpers.replaceSymbols", "text", "the text with `#` a digit, `?` a letter, `*` either",
                call -> symbols(call.string(0, "")));
        helper("helpers.shuffle", "array", "the array in random order, joined by commas", call -> {
            List<Object> list = call.list(0, "the array");
            List<String> items = new ArrayList<>();
            for (Object element : list == null ? List.<Object>of("a", "b", "c") : list) {
                items.add(Render.js(element));
            }
            return faker(f -> {
                List<String> copy = new ArrayList<>(items);
                Collections.shuffle(copy, new RandomView(f));
                return String.join(",", copy);
            });
        });
        helper("helpers.mustache", "text, data", "the text with each {{key}} replaced from data", call -> {
            String text = call.string(0, "");
            Object data = call.arguments().get(1);
            if (data instanceof Map<?, ?> map) {
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    text = text.replace("{{" + e.getKey() + "}}", Render.js(e.getValue()));
                }
            }
            return constant(text);
        });
        helper("helpers.createCard", "", "a JSON person card (KDG prints [object Object])", call -> card(true));
        helper("helpers.contextualCard", "", "a JSON contextual card (KDG prints [object Object])",
                call -> contextualCard());
        helper("helpers.userCard", "", "a JSON user card (KDG prints [object Object])", call -> card(false));
        helper("helpers.createTransaction", "", "a JSON transaction (KDG prints [object Object])",
                call -> object(
                        field("amount", decimals("0.00", "1000.00")),
                        field("date", now().momentPattern("YYYY-MM-DDTHH:mm:ss.SSS[Z]")),
                        field("business", fake("#{Company.name}")),
                        field("name", concat(oneOf("Checking", "Savings", "Credit Card"), " Account ",
                                digits(4))),
                        field("type", oneOf("deposit", "withdrawal", "payment", "invoice")),
                        field("account", digits(8))));
    }

    private static ValueSpec card(boolean full) {
        List<io.kdg4j.core.schema.FieldSpec> fields = new ArrayList<>(List.of(
                field("name", fake("#{Name.fullName}")),
                field("username", fake("#{Internet.username}")),
                field("email", fake("#{Internet.emailAddress}")),
                field("address", object(
                        field("street", fake("#{Address.streetName}")),
                        field("suite", fake("#{Address.secondaryAddress}")),
                        field("city", fake("#{Address.city}")),
                        field("zipcode", fake("#{Address.zipCode}")),
                        field("geo", object(field("lat", decimals("-90.0000", "90.0000")),
                                field("lng", decimals("-180.0000", "180.0000")))))),
                field("phone", fake("#{PhoneNumber.phoneNumber}")),
                field("website", fake("#{Internet.domainName}")),
                field("company", object(
                        field("name", fake("#{Company.name}")),
                        field("catchPhrase", fake("#{Company.catchPhrase}")),
                        field("bs", fake("#{Company.bs}"))))));
        if (full) {
            fields.add(field("posts", arrayOf(object(
                    field("words", fake("#{Lorem.word} #{Lorem.word} #{Lorem.word}")),
                    field("sentence", fake("#{Lorem.sentence}")),
                    field("sentences", fake("#{Lorem.sentence} #{Lorem.sentence}")),
                    field("paragraph", fake("#{Lorem.paragraph}"))), 3)));
        }
        return new io.kdg4j.core.schema.ObjectSpec(fields);
    }

    private static ValueSpec contextualCard() {
        return object(
                field("name", fake("name.first_name")),
                field("username", fake("#{Internet.username}")),
                field("avatar", fake("#{Avatar.image}")),
                field("email", fake("#{Internet.emailAddress}")),
                field("dob", now().shifted(Duration.ofDays(-365 * 60), Duration.ofDays(-365 * 18))
                        .momentPattern("YYYY-MM-DD")),
                field("phone", fake("#{PhoneNumber.phoneNumber}")),
                field("address", object(
                        field("street", fake("#{Address.streetName}")),
                        field("city", fake("#{Address.city}")),
                        field("zipcode", fake("#{Address.zipCode}")))),
                field("website", fake("#{Internet.domainName}")),
                field("company", object(field("name", fake("#{Company.name}")))));
    }

    // ----- image -----

    private static void image() {
        helper("image.image", "", "an image URL (640x480) of a random category",
                call -> concat("http://lorempixel.com/640/480/", oneOf(IMAGE_CATEGORIES)));
        fakeHelper("image.avatar", "#{Avatar.image}", "Datafaker `Avatar.image` (a URL)");
        helper("image.imageUrl", "width, height, category", "`http://lorempixel.com/W/H[/category]` (640x480)",
                call -> {
                    int width = call.integer(0, 640, 1, 10_000, "width");
                    int height = call.integer(1, 480, 1, 10_000, "height");
                    String category = call.string(2, null);
                    return constant("http://lorempixel.com/" + width + "/" + height
                            + (category == null ? "" : "/" + category));
                });
        for (String category : IMAGE_CATEGORIES) {
            helper("image." + category, "width, height", "`http://lorempixel.com/W/H/" + category + "`",
                    call -> constant("http://lorempixel.com/" + call.integer(0, 640, 1, 10_000, "width") + "/"
                            + call.integer(1, 480, 1, 10_000, "height") + "/" + category));
        }
        helper("image.dataUri", "width, height", "an SVG data URI of that size", call -> {
            int width = call.integer(0, 640, 1, 10_000, "width");
            int height = call.integer(1, 480, 1, 10_000, "height");
            return constant("data:image/svg+xml;charset=UTF-8,%3Csvg%20xmlns%3D%22http%3A%2F%2Fwww.w3.org%2F2000"
                    + "%2Fsvg%22%20version%3D%221.1%22%20width%3D%22" + width + "%22%20height%3D%22" + height
                    + "%22%3E%3Crect%20width%3D%22100%25%22%20height%3D%22100%25%22%20fill%3D%22grey%22%2F%3E"
                    + "%3C%2Fsvg%3E");
        });
    }

    // ----- internet -----

    private static void internet() {
        fakeHelper("internet.avatar", "#{Avatar.image}", "Datafaker `Avatar.image` (a URL)");
        helper("internet.email", "firstName, lastName, provider", "Datafaker `Internet.emailAddress`; with names, "
                + "first.last@provider", call -> {
                    if (call.arguments().isEmpty()) {
                        return fake("#{Internet.emailAddress}");
                    }
                    String first = call.string(0, "user");
                    String last = call.string(1, null);
                    String provider = call.string(2, null);
                    return concat((first + (last == null ? "" : "." + last)).toLowerCase(java.util.Locale.ROOT)
                            .replace(' ', '.') + "@", provider == null
                            ? oneOf("gmail.com", "yahoo.com", "hotmail.com") : constant(provider));
                });
        fakeHelper("internet.exampleEmail", "#{Internet.safeEmailAddress}", "Datafaker `Internet.safeEmailAddress`");
        helper("internet.session", "", "a whole number in [1007199254740991, 9007199254740990] (KDG's session "
                + "id, without its stray fractions)", call -> integers(1007199254740991L, 9007199254740990L));
        fakeHelper("internet.userName", "#{Internet.username}", "Datafaker `Internet.username`");
        helper("internet.protocol", "", "http or https", call -> oneOf("http", "https"));
        fakeHelper("internet.url", "#{Internet.url}", "Datafaker `Internet.url`");
        fakeHelper("internet.domainName", "#{Internet.domainName}", "Datafaker `Internet.domainName`");
        fakeHelper("internet.domainSuffix", "internet.domain_suffix", "Datafaker word list `internet.domain_suffix`");
        fakeHelper("internet.domainWord", "#{Internet.domainWord}", "Datafaker `Internet.domainWord`");
        helper("internet.ip", "", "an IPv4 address, four numbers in [0, 255]", call -> concat(
                integers(0, 255), ".", integers(0, 255), ".", integers(0, 255), ".", integers(0, 255)));
        fakeHelper("internet.userAgent", "#{Internet.userAgent}", "Datafaker `Internet.userAgent`");
        helper("internet.color", "baseRed255, baseGreen255, baseBlue255", "`#rrggbb`, mixed with the base color "
                + "when given", call -> {
                    int red = call.integer(0, 0, 0, 255, "baseRed255");
                    int green = call.integer(1, 0, 0, 255, "baseGreen255");
                    int blue = call.integer(2, 0, 0, 255, "baseBlue255");
                    return faker(f -> String.format("#%02x%02x%02x", (f.random().nextInt(256) + red) / 2,
                            (f.random().nextInt(256) + green) / 2, (f.random().nextInt(256) + blue) / 2));
                });
        fakeHelper("internet.mac", "#{Internet.macAddress}", "Datafaker `Internet.macAddress`");
        helper("internet.password", "length", "Datafaker `Internet.password` of `length` (15) characters",
                call -> {
                    int length = call.integer(0, 15, 1, 1024, "length");
                    return faker(f -> f.internet().password(length, length + 1));
                });
    }

    // ----- lorem -----

    private static void lorem() {
        fakeHelper("lorem.word", "lorem.words", "Datafaker word list `lorem.words`");
        helper("lorem.words", "count", "`count` (3) Datafaker lorem words, space-separated", call -> {
            int count = call.integer(0, 3, 0, 10_000, "count");
            return faker(f -> String.join(" ", f.lorem().words(count)));
        });
        helper("lorem.sentence", "wordCount", "a Datafaker lorem sentence (of wordCount words)", call -> {
            int words = call.integer(0, 0, 0, 10_000, "wordCount");
            return words == 0 ? fake("#{Lorem.sentence}") : faker(f -> f.lorem().sentence(words));
        });
        helper("lorem.sentences", "count", "`count` (3) lorem sentences, space-separated", call -> {
            int count = call.integer(0, 3, 0, 10_000, "count");
            return faker(f -> String.join(" ", f.lorem().sentences(count)));
        });
        helper("lorem.paragraph", "sentenceCount", "a lorem paragraph of about `sentenceCount` (3) sentences",
                call -> {
                    int count = call.integer(0, 3, 0, 10_000, "sentenceCount");
                    return faker(f -> f.lorem().paragraph(count));
                });
        helper("lorem.paragraphs", "count", "`count` (3) lorem paragraphs joined by \"\\n \\r\" as faker.js does",
                call -> {
                    int count = call.integer(0, 3, 0, 1_000, "count");
                    return faker(f -> String.join("\n \r", f.lorem().paragraphs(count)));
                });
        helper("lorem.text", "", "a lorem paragraph", call -> fake("#{Lorem.paragraph}"));
        helper("lorem.lines", "count", "`count` (1..5) lorem sentences joined by \\n", call -> {
            int count = call.integer(0, 0, 0, 10_000, "count");
            return faker(f -> String.join("\n", f.lorem().sentences(count > 0 ? count : 1 + f.random().nextInt(5))));
        });
    }

    // ----- name -----

    private static void name() {
        helper("name.firstName", "gender", "Datafaker word lists `name.male_first_name` / `female_first_name` "
                + "(0 = male, 1 = female, none = either)", call -> {
                    Object gender = call.arguments().get(0);
                    if (gender == null) {
                        return oneOf(fake("name.male_first_name"), fake("name.female_first_name"));
                    }
                    return fake(Render.js(gender).equals("1") ? "name.female_first_name" : "name.male_first_name");
                });
        fakeHelper("name.lastName", "name.last_name", "Datafaker word list `name.last_name`");
        fakeHelper("name.findName", "#{Name.fullName}", "Datafaker `Name.fullName`");
        fakeHelper("name.jobTitle", "#{Job.title}", "Datafaker `Job.title`");
        fakeHelper("name.prefix", "name.prefix", "Datafaker word list `name.prefix`");
        fakeHelper("name.suffix", "name.suffix", "Datafaker word list `name.suffix`");
        fakeHelper("name.title", "#{Job.title}", "Datafaker `Job.title`");
        fakeHelper("name.jobDescriptor", "#{Job.seniority}", "Datafaker `Job.seniority`");
        fakeHelper("name.jobArea", "#{Job.field}", "Datafaker `Job.field`");
        fakeHelper("name.jobType", "#{Job.position}", "Datafaker `Job.position`");
    }

    // ----- phone -----

    private static void phone() {
        helper("phone.phoneNumber", "format", "Datafaker `PhoneNumber.phoneNumber`; with a format, `#` become "
                + "digits", call -> call.arguments().isEmpty() ? fake("#{PhoneNumber.phoneNumber}")
                : symbols(call.string(0, "###-###-####")));
        fakeHelper("phone.phoneNumberFormat", "#{PhoneNumber.phoneNumber}", "Datafaker `PhoneNumber.phoneNumber`");
        helper("phone.phoneFormats", "", "a phone format such as ###-###-####",
                call -> oneOf("###-###-####", "(###) ###-####", "1-###-###-####", "###.###.####",
                        "###-###-#### x###"));
    }

    // ----- random -----

    private static void random() {
        helper("random.number", "max or {\"min\",\"max\",\"precision\"}", "a multiple of precision (1) in "
                + "[min (0), max (99999)], max inclusive; `(a,b)` means min a, max b", call -> number(call, ONE));
        helper("random.float", "max or {\"min\",\"max\",\"precision\"}", "as `random.number` with precision 0.01 by "
                + "default (KDG has none: issue #30)", call -> number(call, new BigDecimal("0.01")));
        helper("random.arrayElement", "array", "one element, uniformly (default [\"a\",\"b\",\"c\"])",
                call -> elementOf(call, List.of("a", "b", "c")));
        helper("random.weightedArrayElement", "{\"weights\":[...],\"data\":[...]}", "an element of data with "
                + "probability weight/sum(weights), exact (no KDG rounding)", Helpers::weightedElement);
        helper("random.objectElement", "object, field", "a value of the object (a key when field is \"key\")",
                call -> {
                    Map<String, Object> object = call.options().isEmpty()
                            ? Map.of("foo", "bar", "too", "car") : call.options();
                    boolean keys = "key".equals(call.string(1, "value"));
                    List<Object> options = new ArrayList<>();
                    object.forEach((k, v) -> options.add(keys ? k : Render.js(v)));
                    return oneOf(options);
                });
        helper("random.uuid", "", "a version-4 UUID from the seeded stream", call -> uuid());
        helper("random.boolean", "", "true or false", call -> booleans());
        helper("random.word", "", "a word or short phrase from Datafaker's commerce, color, company, currency and "
                + "lorem lists", call -> randomWord());
        helper("random.words", "count", "`count` (1..3) random words, space-separated", call -> {
            int count = call.integer(0, 0, 0, 1000, "count");
            ValueSpec word = randomWord();
            if (count > 0) {
                List<Object> parts = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    parts.add(i == 0 ? word : concat(" ", word));
                }
                return concat(parts.toArray());
            }
            return oneOf(word, concat(word, " ", word), concat(word, " ", word, " ", word));
        });
        helper("random.image", "", "an image URL (as image.image)",
                call -> concat("http://lorempixel.com/640/480/", oneOf(IMAGE_CATEGORIES)));
        helper("random.locale", "", "en (KDG has no other)", call -> constant("en"));
        helper("random.alphaNumeric", "count", "`count` (1) characters of [a-z0-9] (faker.js 3.1 ignores count)",
                call -> fake("#{regexify '[a-z0-9]{" + call.integer(0, 1, 1, 100_000, "count") + "}'}"));
    }

    private static ValueSpec randomWord() {
        return oneOf(fake("commerce.department"), fake("commerce.product_name.adjective"),
                fake("commerce.product_name.material"), fake("commerce.product_name.product"), fake("color.name"),
                fake("#{Company.buzzword}"), fake("#{Money.currency}"), fake("hacker.noun"), fake("lorem.words"));
    }

    /** random.number and its float sibling: multiples of precision in [min, max]. */
    private static ValueSpec number(Call call, BigDecimal defaultPrecision) {
        BigDecimal min = BigDecimal.ZERO;
        BigDecimal max = BigDecimal.valueOf(99_999);
        BigDecimal precision = defaultPrecision;
        Arguments args = call.arguments();
        Object first = args.get(0);
        if (args.size() >= 2) {
            min = call.number(0, min, "min");
            max = call.number(1, max, "max");
            precision = call.number(2, precision, "precision");
        } else if (first instanceof Map<?, ?>) {
            Map<String, Object> options = call.options();
            for (String key : options.keySet()) {
                if (!key.equals("min") && !key.equals("max") && !key.equals("precision")) {
                    throw call.error("unknown option '" + key + "'; the options are min, max and precision");
                }
            }
            min = call.toNumber(options.get("min"), min, "min");
            max = call.toNumber(options.get("max"), max, "max");
            precision = call.toNumber(options.get("precision"), precision, "precision");
        } else if (first != null) {
            if (args.isBareText() || first instanceof String) {
                try {
                    max = new BigDecimal(Render.js(first).trim());
                } catch (NumberFormatException e) {
                    throw call.error("takes a number or {\"min\":..,\"max\":..,\"precision\":..} but got '"
                            + args.raw() + "'", "e.g. {{random.number({\"min\":1,\"max\":100})}}");
                }
            } else {
                max = call.number(0, max, "max");
            }
        }
        if (precision.signum() <= 0) {
            throw call.error("precision must be positive but was " + precision.toPlainString());
        }
        if (min.compareTo(max) > 0) {
            throw call.error("min must be <= max, but min was " + min.toPlainString() + " and max was "
                    + max.toPlainString());
        }
        return decimals(min, max).step(precision.toPlainString());
    }

    private static ValueSpec elementOf(Call call, List<Object> fallback) {
        List<Object> list = call.list(0, "the array");
        if (list == null) {
            list = fallback;
        }
        if (list.isEmpty()) {
            throw call.error("the array is empty; give at least one element");
        }
        List<Object> texts = new ArrayList<>(list.size());
        for (Object element : list) {
            texts.add(Render.js(element));
        }
        return oneOf(texts);
    }

    private static ValueSpec weightedElement(Call call) {
        Object argument = call.arguments().get(0);
        List<Object> data;
        List<Object> weights;
        if (argument == null) {
            data = List.of("dog", "cat");
            weights = List.of(BigDecimal.valueOf(0.5), BigDecimal.valueOf(0.5));
        } else if (argument instanceof List<?> pairs) {
            // newer faker: [{"weight":3,"value":"a"}, ...]
            data = new ArrayList<>();
            weights = new ArrayList<>();
            for (Object pair : pairs) {
                if (!(pair instanceof Map<?, ?> map) || !map.containsKey("weight") || !map.containsKey("value")) {
                    throw call.error("takes {\"weights\":[...],\"data\":[...]} or [{\"weight\":w,\"value\":v},...]");
                }
                weights.add(map.get("weight"));
                data.add(map.get("value"));
            }
        } else {
            Map<String, Object> options = call.options();
            if (!(options.get("weights") instanceof List<?>) || !(options.get("data") instanceof List<?>)) {
                throw call.error("takes {\"weights\":[...],\"data\":[...]} but got " + call.arguments().raw(),
                        "e.g. {{random.weightedArrayElement({\"weights\":[0.7,0.3],\"data\":[\"a\",\"b\"]})}}");
            }
            weights = castList(options.get("weights"));
            data = castList(options.get("data"));
        }
        if (weights.size() != data.size() || data.isEmpty()) {
            throw call.error("weights and data must be non-empty and as long as each other, but weights has "
                    + weights.size() + " entries and data has " + data.size());
        }
        ChoiceSpec choice = weighted();
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < data.size(); i++) {
            BigDecimal weight = call.toNumber(weights.get(i), null, "weight " + (i + 1));
            if (weight == null || weight.signum() < 0) {
                throw call.error("weight " + (i + 1) + " must be a non-negative number but was "
                        + Render.js(weights.get(i)));
            }
            total = total.add(weight);
            choice = choice.option(Render.js(data.get(i)), weight.doubleValue());
        }
        if (total.signum() == 0) {
            throw call.error("the weights must not all be zero");
        }
        return choice;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> castList(Object value) {
        return (List<Object>) value;
    }

    // ----- system -----

    private static void system() {
        helper("system.fileName", "", "lorem words joined by _ with a Datafaker file extension",
                call -> concat(fake("lorem.words"), "_", fake("lorem.words"), ".", fake("#{File.extension}")));
        helper("system.commonFileName", "ext", "a lorem word with the extension `ext` (or a common one)",
                call -> concat(fake("lorem.words"), ".", call.arguments().isEmpty() ? commonExtension()
                        : constant(call.string(0, "txt"))));
        fakeHelper("system.mimeType", "#{File.mimeType}", "Datafaker `File.mimeType`");
        helper("system.commonFileType", "", "video, audio, image, text or application",
                call -> oneOf("video", "audio", "image", "text", "application"));
        helper("system.commonFileExt", "", "a common extension (pdf, mpeg, wav, png, jpeg, gif, mp4, json, html)",
                call -> commonExtension());
        helper("system.fileType", "", "a MIME top-level type", call -> oneOf("application", "audio", "font",
                "image", "message", "model", "multipart", "text", "video"));
        fakeHelper("system.fileExt", "#{File.extension}", "Datafaker `File.extension`");
        helper("system.directoryPath", "", "/word/word", call -> concat("/", fake("lorem.words"), "/",
                fake("lorem.words")));
        helper("system.filePath", "", "/ + Datafaker `File.fileName`", call -> concat("/", fake("#{File.fileName}")));
        helper("system.semver", "", "major.minor.patch, each in [0, 9]",
                call -> concat(integers(0, 9), ".", integers(0, 9), ".", integers(0, 9)));
    }

    private static ValueSpec commonExtension() {
        return oneOf("pdf", "mpeg", "wav", "png", "jpeg", "gif", "mp4", "json", "html");
    }

    // ----- shared -----

    private static ValueSpec digits(int count) {
        return fake("#{regexify '[0-9]{" + count + "}'}");
    }

    /** faker.js replaceSymbols: # a digit, ? an upper-case letter, * either. */
    private static ValueSpec symbols(String pattern) {
        return faker(f -> {
            StringBuilder out = new StringBuilder(pattern.length());
            for (int i = 0; i < pattern.length(); i++) {
                char c = pattern.charAt(i);
                switch (c) {
                    case '#' -> out.append((char) ('0' + f.random().nextInt(10)));
                    case '?' -> out.append((char) ('A' + f.random().nextInt(26)));
                    case '*' -> out.append(f.random().nextBoolean() ? (char) ('0' + f.random().nextInt(10))
                            : (char) ('A' + f.random().nextInt(26)));
                    default -> out.append(c);
                }
            }
            return out.toString();
        });
    }

    private static ValueSpec symbolsWith(String pattern, char symbol) {
        return faker(f -> {
            StringBuilder out = new StringBuilder(pattern.length());
            for (int i = 0; i < pattern.length(); i++) {
                char c = pattern.charAt(i);
                out.append(c == symbol ? (char) ('0' + f.random().nextInt(10)) : c);
            }
            return out.toString();
        });
    }

    /** java.util.Random over a Faker's seeded stream, for Collections.shuffle. */
    private static final class RandomView extends Random {
        private static final long serialVersionUID = 1L;
        private final transient Faker faker;

        RandomView(Faker faker) {
            this.faker = faker;
        }

        @Override
        protected int next(int bits) {
            return (int) (faker.random().nextLong() >>> (64 - bits));
        }
    }

    // ----- aliases -----

    private static void aliases() {
        alias("current.timestamp", "date.now");
        alias("random.number.float", "random.float");
        alias("datatype.number", "random.number");
        alias("datatype.float", "random.float");
        alias("datatype.uuid", "random.uuid");
        alias("datatype.boolean", "random.boolean");
        alias("number.int", "random.number");
        alias("number.float", "random.float");
        alias("string.uuid", "random.uuid");
        alias("string.alphanumeric", "random.alphaNumeric");
        alias("helpers.arrayElement", "random.arrayElement");
        alias("helpers.weightedArrayElement", "random.weightedArrayElement");
        alias("person.firstName", "name.firstName");
        alias("person.lastName", "name.lastName");
        alias("person.fullName", "name.findName");
        alias("person.jobTitle", "name.jobTitle");
        alias("person.prefix", "name.prefix");
        alias("person.suffix", "name.suffix");
        alias("location.city", "address.city");
        alias("location.state", "address.state");
        alias("location.country", "address.country");
        alias("location.countryCode", "address.countryCode");
        alias("location.zipCode", "address.zipCode");
        alias("location.streetAddress", "address.streetAddress");
        alias("location.latitude", "address.latitude");
        alias("location.longitude", "address.longitude");
        alias("internet.ipv4", "internet.ip");
        alias("internet.username", "internet.userName");
        alias("date.anytime", "date.past");
    }
}
