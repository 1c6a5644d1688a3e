package io.kdg4j.core.internal;

import io.kdg4j.core.record.PreparedText;
import io.kdg4j.core.schema.FakerSpec;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.datafaker.Faker;

/**
 * Checks a Datafaker field by evaluating it once, and turns plain word-list keys into a {@link DictionaryNode}.
 */
final class FakerCompiler {
    private static final Pattern SINGLE_KEY = Pattern.compile("#\\{([A-Za-z_][A-Za-z0-9_]*\\.[A-Za-z0-9_.]+)}");
    private static final int PROBES = 64;
    private static final Map<Locale, Faker> PROBE_FAKERS = new ConcurrentHashMap<>();

    private FakerCompiler() {
    }

    static Node compile(FakerSpec spec, String path, int localeSlot, Locale locale, SchemaCompiler compiler) {
        if ((spec.expression() == null) == (spec.function() == null)) {
            return compiler.problem(path, "a Datafaker field needs exactly one of an expression or a function");
        }
        String expression = spec.expression();
        if (expression != null) {
            if (expression.isBlank()) {
                return compiler.problem(path, "the Datafaker expression must not be blank");
            }
            expression = expression.contains("#{") ? expression : "#{" + expression.trim() + "}";
        }
        PreparedText[] known = expression == null ? null : plainWordList(locale, expression);
        if (known != null) {
            return new DictionaryNode(known);
        }
        Rng rng = new Rng();
        Faker probe;
        synchronized (PROBE_FAKERS) {
            probe = PROBE_FAKERS.computeIfAbsent(locale, l -> new Faker(l, new RngRandom(new Rng())));
            try {
                Object sample = evaluate(probe, spec, expression, rng, 1);
                if (sample == null && spec.function() == null) {
                    return compiler.problem(path, "Datafaker resolves '" + expression + "' to nothing");
                }
            } catch (RuntimeException e) {
                String what = expression != null ? "cannot resolve '" + expression + "'" : "the function failed";
                return compiler.problem(path, "Datafaker " + what + ": " + e.getMessage());
            }
            if (expression != null) {
                PreparedText[] words = wordList(probe, expression, spec, rng);
                if (words != null) {
                    return new DictionaryNode(words);
                }
            }
        }
        return new FakerNode(expression, spec.function(), localeSlot, path);
    }

    /**
     * The word list of {@code #{key}} read from Datafaker's YAML without starting Datafaker (see
     * {@link DatafakerWords}), when it is a list of plain words: then Datafaker's answer is a uniform pick from it.
     * Null otherwise, and the field is checked by evaluating it.
     */
    private static PreparedText[] plainWordList(Locale locale, String expression) {
        Matcher matcher = SINGLE_KEY.matcher(expression);
        if (!matcher.matches()) {
            return null;
        }
        return prepared(DatafakerWords.fetch(locale, matcher.group(1)));
    }

    private static PreparedText[] prepared(Object fetched) {
        if (!(fetched instanceof List<?> list) || list.isEmpty()) {
            return null;
        }
        PreparedText[] prepared = new PreparedText[list.size()];
        for (int i = 0; i < prepared.length; i++) {
            if (!(list.get(i) instanceof String word) || word.indexOf('#') >= 0 || word.indexOf('{') >= 0
                    || word.indexOf('?') >= 0) {
                return null;
            }
            prepared[i] = PreparedText.of(word);
        }
        return prepared;
    }

    private static Object evaluate(Faker faker, FakerSpec spec, String expression, Rng rng, long seed) {
        ((RngRandom) faker.random().getRandomInternal()).setSeed(seed);
        return spec.function() != null ? spec.function().apply(faker) : faker.expression(expression);
    }

    /**
     * The key's plain word list when {@code #{key}} is nothing but a uniform pick from it: the list holds no
     * expressions or placeholders, and every probe of the expression returns one of its words.
     */
    private static PreparedText[] wordList(Faker faker, String expression, FakerSpec spec, Rng rng) {
        Matcher matcher = SINGLE_KEY.matcher(expression);
        if (!matcher.matches()) {
            return null;
        }
        Object fetched;
        try {
            fetched = faker.fakeValuesService().fetchObject(matcher.group(1), faker.getContext());
        } catch (RuntimeException e) {
            return null;
        }
        PreparedText[] prepared = prepared(fetched);
        if (prepared == null) {
            return null;
        }
        Set<String> words = new HashSet<>();
        for (Object word : (List<?>) fetched) {
            words.add((String) word);
        }
        for (int probe = 0; probe < PROBES; probe++) {
            Object sample = evaluate(faker, spec, expression, rng, 1000 + probe);
            if (!(sample instanceof String s) || !words.contains(s)) {
                return null;
            }
        }
        return prepared;
    }
}
