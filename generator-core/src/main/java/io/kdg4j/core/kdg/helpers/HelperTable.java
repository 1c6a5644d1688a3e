package io.kdg4j.core.kdg.helpers;

import static io.kdg4j.core.Fields.fake;

import io.kdg4j.core.kdg.HelperDescription;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every helper a KDG template can call (faker.js 3.1's fourteen namespaces plus KDG's own additions), one class per
 * namespace so each can be read beside faker 3.1's list. docs/templates.md's table is printed from here.
 */
public final class HelperTable {
    private static final Map<String, Helper> TABLE = new LinkedHashMap<>();
    /** Names users try from newer faker versions or by analogy, mapped to the helper they mean. */
    private static final Map<String, String> ALIASES = new LinkedHashMap<>();

    static {
        Registrar registrar = new Registrar();
        AddressHelpers.register(registrar);
        CommerceHelpers.register(registrar);
        CompanyHelpers.register(registrar);
        DateHelpers.register(registrar);
        FinanceHelpers.register(registrar);
        HackerHelpers.register(registrar);
        HelpersHelpers.register(registrar);
        ImageHelpers.register(registrar);
        InternetHelpers.register(registrar);
        LoremHelpers.register(registrar);
        NameHelpers.register(registrar);
        PhoneHelpers.register(registrar);
        RandomHelpers.register(registrar);
        SystemHelpers.register(registrar);
        Aliases.register(registrar);
    }

    private HelperTable() {
    }

    /** The helper of that name or alias, or null. */
    public static Helper find(String name) {
        Helper helper = TABLE.get(name);
        if (helper == null && ALIASES.containsKey(name)) {
            helper = TABLE.get(ALIASES.get(name));
        }
        return helper;
    }

    /** Every helper name and alias, for suggestions. */
    public static List<String> names() {
        List<String> names = new ArrayList<>(TABLE.keySet());
        names.addAll(ALIASES.keySet());
        return names;
    }

    public static Map<String, Helper> helpers() {
        return Collections.unmodifiableMap(TABLE);
    }

    public static Map<String, String> aliases() {
        return Collections.unmodifiableMap(ALIASES);
    }

    /** Every helper: name, arguments, what kdg4j generates; in the table's order. */
    public static List<HelperDescription> descriptions() {
        List<HelperDescription> all = new ArrayList<>();
        TABLE.values().forEach(h -> all.add(new HelperDescription(h.name(), h.arguments(), h.mapping())));
        return all;
    }

    /** The table as Markdown, for docs/templates.md. */
    public static String markdownTable() {
        StringBuilder out = new StringBuilder("| KDG helper | arguments | kdg4j generates |\n|---|---|---|\n");
        TABLE.values().forEach(h -> out.append("| `").append(h.name()).append("` | ")
                .append(h.arguments().isEmpty() ? "" : "`" + h.arguments() + "`").append(" | ")
                .append(h.mapping()).append(" |\n"));
        out.append("\nAlso accepted (newer faker names and obvious intents): ");
        List<String> pairs = new ArrayList<>();
        ALIASES.forEach((alias, target) -> pairs.add("`" + alias + "` = `" + target + "`"));
        return out.append(String.join(", ", pairs)).append(".\n").toString();
    }

    /** What a namespace class adds its helpers through. */
    static final class Registrar {
        void helper(String name, String arguments, String mapping, Helper.Compiler compiler) {
            TABLE.put(name, new Helper(name, arguments, mapping, compiler));
        }

        /** A helper without arguments backed by a Datafaker expression or word-list key. */
        void fakeHelper(String name, String expression, String mapping) {
            helper(name, "", mapping, call -> fake(expression));
        }

        void alias(String alias, String target) {
            ALIASES.put(alias, target);
        }
    }
}
