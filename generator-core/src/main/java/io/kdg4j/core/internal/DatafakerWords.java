package io.kdg4j.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Reads a value (usually a word list) from the YAML file Datafaker keeps it in, inside Datafaker's own jar, without
 * starting a Faker. Datafaker's first lookup parses every file of the language (about 260 for English, half a
 * second in a fresh JVM, most of a cold start); this parses the one file that holds the key. Lookups follow
 * Datafaker's order: the locale with its country ({@code en-US.yml}), then its language ({@code en.yml} and
 * {@code en/<namespace>.yml}), then English. Anything else returns null, and the caller asks Datafaker.
 * Thread-safe; files are parsed once.
 */
public final class DatafakerWords {
    private static final Map<String, Object> FILES = new ConcurrentHashMap<>();
    private static final Object MISSING = new Object();

    private DatafakerWords() {
    }

    /** The value at {@code key} ({@code namespace.name...}) for {@code locale}, or null when not found here. */
    public static Object fetch(Locale locale, String key) {
        String[] path = key.split("\\.");
        if (path.length < 2 || path[0].isEmpty() || !Character.isLowerCase(path[0].charAt(0))) {
            return null;
        }
        for (String tag : chain(locale)) {
            Object value = lookup(file(tag + ".yml"), tag, path);
            if (value == null) {
                value = lookup(file(tag + "/" + path[0] + ".yml"), tag, path);
            }
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static List<String> chain(Locale locale) {
        List<String> tags = new ArrayList<>(3);
        String language = locale.getLanguage();
        if (!locale.getCountry().isEmpty()) {
            tags.add(language + "-" + locale.getCountry());
        }
        tags.add(language);
        if (!language.equals("en")) {
            tags.add("en");
        }
        return tags;
    }

    private static Object lookup(Object file, String tag, String[] path) {
        Object node = file instanceof Map<?, ?> root ? root.get(tag) : null;
        node = node instanceof Map<?, ?> top ? top.get("faker") : null;
        for (String name : path) {
            if (!(node instanceof Map<?, ?> map)) {
                return null;
            }
            node = map.get(name);
        }
        return node;
    }

    private static Object file(String name) {
        Object parsed = FILES.computeIfAbsent(name, DatafakerWords::parse);
        return parsed == MISSING ? null : parsed;
    }

    private static Object parse(String name) {
        try (InputStream in = net.datafaker.Faker.class.getResourceAsStream("/" + name)) {
            if (in == null) {
                return MISSING;
            }
            Object parsed = new Yaml(new LoaderOptions()).load(in);
            return parsed == null ? MISSING : parsed;
        } catch (IOException | RuntimeException e) {
            return MISSING;
        }
    }
}
