package io.kdg4j.core.kdg.helpers;

import static io.kdg4j.core.Fields.booleans;
import static io.kdg4j.core.Fields.concat;
import static io.kdg4j.core.Fields.decimals;
import static io.kdg4j.core.Fields.fake;
import static io.kdg4j.core.Fields.oneOf;
import static io.kdg4j.core.Fields.uuid;
import static io.kdg4j.core.Fields.weighted;

import io.kdg4j.core.schema.ChoiceSpec;
import io.kdg4j.core.schema.ValueSpec;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** faker 3.1's {@code random} namespace, with KDG's number, arrayElement and weightedArrayElement. */
final class RandomHelpers {
    private RandomHelpers() {
    }

    private static final BigDecimal ONE = BigDecimal.ONE;

    static void register(HelperTable.Registrar table) {
        table.helper("random.number", "max or {\"min\",\"max\",\"precision\"}", "a multiple of precision (1) in "
                + "[min (0), max (99999)], max inclusive; `(a,b)` means min a, max b", call -> number(call, ONE));
        table.helper("random.float", "max or {\"min\",\"max\",\"precision\"}", "as `random.number` with precision 0.01 by "
                + "default (KDG has none: issue #30)", call -> number(call, new BigDecimal("0.01")));
        table.helper("random.arrayElement", "array", "one element, uniformly (default [\"a\",\"b\",\"c\"])",
                call -> elementOf(call, List.of("a", "b", "c")));
        table.helper("random.weightedArrayElement", "{\"weights\":[...],\"data\":[...]}", "an element of data with "
                + "probability weight/sum(weights), exact (no KDG rounding)", RandomHelpers::weightedElement);
        table.helper("random.objectElement", "object, field", "a value of the object (a key when field is \"key\")",
                call -> {
                    Map<String, Object> object = call.options().isEmpty()
                            ? Map.of("foo", "bar", "too", "car") : call.options();
                    boolean keys = "key".equals(call.string(1, "value"));
                    List<Object> options = new ArrayList<>();
                    object.forEach((k, v) -> options.add(keys ? k : JsText.of(v)));
                    return oneOf(options);
                });
        table.helper("random.uuid", "", "a version-4 UUID from the seeded stream", call -> uuid());
        table.helper("random.boolean", "", "true or false", call -> booleans());
        table.helper("random.word", "", "a word or short phrase from Datafaker's commerce, color, company, currency and "
                + "lorem lists", call -> randomWord());
        table.helper("random.words", "count", "`count` (1..3) random words, space-separated", call -> {
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
        table.helper("random.image", "", "an image URL (as image.image)", call -> ImageHelpers.image());
        table.helper("random.locale", "", "one of the 35 locale names faker 3.1 ships (de, en_AU, zh_TW...)",
                call -> oneOf(Faker31Values.LOCALES));
        table.helper("random.alphaNumeric", "count", "`count` (1) characters of [a-z0-9] (faker.js 3.1 ignores count)",
                call -> fake("#{regexify '[a-z0-9]{" + call.integer(0, 1, 1, 100_000, "count") + "}'}"));
    }

    private static ValueSpec randomWord() {
        return oneOf(fake("commerce.department"), fake("commerce.product_name.adjective"),
                fake("commerce.product_name.material"), fake("commerce.product_name.product"), fake("color.name"),
                fake("#{Company.buzzword}"), fake("#{Money.currency}"), fake("hacker.noun"), fake("lorem.words"));
    }

    /** random.number and its float sibling: multiples of precision in [min, max]. */
    private static ValueSpec number(HelperCall call, BigDecimal defaultPrecision) {
        BigDecimal min = BigDecimal.ZERO;
        BigDecimal max = BigDecimal.valueOf(99_999);
        BigDecimal precision = defaultPrecision;
        Object first = call.argument(0);
        if (call.argumentCount() >= 2) {
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
            if (call.isBareText() || first instanceof String) {
                try {
                    max = new BigDecimal(JsText.of(first).trim());
                } catch (NumberFormatException e) {
                    throw call.error("takes a number or {\"min\":..,\"max\":..,\"precision\":..} but got '"
                            + call.rawArguments() + "'", "e.g. {{random.number({\"min\":1,\"max\":100})}}");
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

    static ValueSpec elementOf(HelperCall call, List<Object> fallback) {
        List<Object> list = call.list(0, "the array");
        if (list == null) {
            list = fallback;
        }
        if (list.isEmpty()) {
            throw call.error("the array is empty; give at least one element");
        }
        List<Object> texts = new ArrayList<>(list.size());
        for (Object element : list) {
            texts.add(JsText.of(element));
        }
        return oneOf(texts);
    }

    private static ValueSpec weightedElement(HelperCall call) {
        Object argument = call.argument(0);
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
                throw call.error("takes {\"weights\":[...],\"data\":[...]} but got " + call.rawArguments(),
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
                        + JsText.of(weights.get(i)));
            }
            total = total.add(weight);
            choice = choice.option(JsText.of(data.get(i)), weight.doubleValue());
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
}
