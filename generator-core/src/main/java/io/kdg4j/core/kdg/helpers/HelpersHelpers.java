package io.kdg4j.core.kdg.helpers;

import static io.kdg4j.core.Fields.arrayOf;
import static io.kdg4j.core.Fields.concat;
import static io.kdg4j.core.Fields.constant;
import static io.kdg4j.core.Fields.decimals;
import static io.kdg4j.core.Fields.fake;
import static io.kdg4j.core.Fields.faker;
import static io.kdg4j.core.Fields.field;
import static io.kdg4j.core.Fields.now;
import static io.kdg4j.core.Fields.object;
import static io.kdg4j.core.Fields.oneOf;

import io.kdg4j.core.schema.ValueSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import net.datafaker.Faker;

/** faker 3.1's {@code helpers} namespace (faker's utility namespace is itself called helpers). */
final class HelpersHelpers {
    private HelpersHelpers() {
    }

    private static final Pattern NOT_SLUG = Pattern.compile("[^\\w.\\-]+");

    static void register(HelperTable.Registrar table) {
        table.helper("helpers.randomize", "array", "one element of the array (default [\"a\",\"b\",\"c\"])",
                call -> RandomHelpers.elementOf(call, List.of("a", "b", "c")));
        table.helper("helpers.slugify", "text", "the text with spaces as dashes and other symbols removed",
                call -> constant(slugify(call.string(0, ""))));
        table.helper("helpers.replaceSymbolWithNumber", "text, symbol", "the text with each `#` (or symbol) a digit",
                call -> {
                    String symbol = call.string(1, "#");
                    return SymbolPatterns.digitsFor(call.string(0, ""), symbol.isEmpty() ? '#' : symbol.charAt(0));
                });
        table.helper("helpers.replaceSymbols", "text", "the text with `#` a digit and `?` a letter (faker 3.1 "
                + "leaves `*`)", call -> SymbolPatterns.symbols(call.string(0, "")));
        table.helper("helpers.shuffle", "array", "the array reordered by faker 3.1's shuffle (which reaches only "
                + "some orders), joined by commas", call -> {
                    List<Object> list = call.list(0, "the array");
                    List<String> items = new ArrayList<>();
                    for (Object element : list == null ? List.<Object>of("a", "b", "c") : list) {
                        items.add(JsText.of(element));
                    }
                    return faker(f -> String.join(",", fakerShuffle(items, f)));
                });
        table.helper("helpers.mustache", "text, data", "the text with each {{key}} replaced from data", call -> {
            String text = call.string(0, "");
            Object data = call.argument(1);
            if (data instanceof Map<?, ?> map) {
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    text = text.replace("{{" + e.getKey() + "}}", JsText.of(e.getValue()));
                }
            }
            return constant(text);
        });
        table.helper("helpers.createCard", "", "a JSON person card (KDG prints [object Object])", call -> card(true));
        table.helper("helpers.contextualCard", "", "a JSON contextual card (KDG prints [object Object])",
                call -> contextualCard());
        table.helper("helpers.userCard", "", "a JSON user card (KDG prints [object Object])", call -> card(false));
        table.helper("helpers.createTransaction", "", "a JSON transaction (KDG prints [object Object])",
                call -> object(
                        field("amount", decimals("0.00", "1000.00")),
                        field("date", now().momentPattern("YYYY-MM-DDTHH:mm:ss.SSS[Z]")),
                        field("business", fake("#{Company.name}")),
                        field("name", concat(oneOf("Checking", "Savings", "Credit Card"), " Account ",
                                SymbolPatterns.digits(4))),
                        field("type", oneOf("deposit", "withdrawal", "payment", "invoice")),
                        field("account", SymbolPatterns.digits(8))));
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

    /**
     * faker 3.1's shuffle, step for step: from the last index down, draw j in [0, i], step i down, swap items i
     * and j. It is not a fair Fisher-Yates (three items reach four of the six orders), and templates that
     * shuffle get KDG's orders and frequencies, so it is reproduced rather than replaced by Collections.shuffle.
     */
    static List<String> fakerShuffle(List<String> items, Faker f) {
        List<String> order = new ArrayList<>(items);
        for (int i = order.size() - 1; i > 0; ) {
            int j = f.random().nextInt(i + 1);
            i--;
            String x = order.get(i);
            order.set(i, order.get(j));
            order.set(j, x);
        }
        return order;
    }

    /** faker's slugify: spaces become dashes, then everything but word characters, dots and dashes goes. */
    static String slugify(String text) {
        return NOT_SLUG.matcher(text.replace(' ', '-')).replaceAll("");
    }
}
