package io.kdg4j.core.internal;

import java.util.List;

/** Parses {@code ${field}} templates into literals and field references; {@code $$} is a dollar sign. */
final class TemplateText {
    private TemplateText() {
    }

    /**
     * Fills {@code literals} (one more than references) and {@code references}; returns null, or what is wrong
     * with the template.
     */
    static String parse(String template, List<String> literals, List<String> references) {
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c == '$' && i + 1 < template.length() && template.charAt(i + 1) == '$') {
                literal.append('$');
                i += 2;
            } else if (c == '$' && i + 1 < template.length() && template.charAt(i + 1) == '{') {
                int close = template.indexOf('}', i + 2);
                if (close < 0) {
                    return "has '${' at column " + (i + 1) + " without a closing '}'";
                }
                String reference = template.substring(i + 2, close).trim();
                if (reference.isEmpty()) {
                    return "has an empty '${}' at column " + (i + 1);
                }
                literals.add(literal.toString());
                literal.setLength(0);
                references.add(reference);
                i = close + 1;
            } else {
                literal.append(c);
                i++;
            }
        }
        literals.add(literal.toString());
        return null;
    }
}
