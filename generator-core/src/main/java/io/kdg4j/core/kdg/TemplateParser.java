package io.kdg4j.core.kdg;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Splits a pre-processed template into literal text and helper calls {@code {{module.method(ARG)}}}, left to
 * right. Unlike KDG, which takes the first {@code {{} and the first {@code }}} anywhere, it reads each call
 * whole: arguments may hold brackets, quotes and parentheses, a {@code }}} in literal JSON stays literal, and
 * extra braces ({@code {{{x.y}}}}) stay literal around the call. Iterative, so no input can overflow the stack.
 */
final class TemplateParser {
    /** One piece of a template: literal text, or a call (name and raw argument text, null without parens). */
    record Segment(String literal, String name, String arguments, int start, int end) {
        boolean isCall() {
            return name != null;
        }
    }

    private final SourceText source;
    private final String text;
    private final List<String> warnings;

    TemplateParser(SourceText source, List<String> warnings) {
        this.source = source;
        this.text = source.text();
        this.warnings = warnings;
    }

    List<Segment> parse() {
        List<Segment> segments = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int open = text.indexOf("{{", i);
            if (open < 0) {
                literal.append(text, i, text.length());
                break;
            }
            while (open + 2 < text.length() && text.charAt(open + 2) == '{') {
                open++;
            }
            literal.append(text, i, open);
            int end = parseCall(open, segments, literal);
            if (end < 0) {
                literal.append(text, open, text.length());
                break;
            }
            i = end;
        }
        if (literal.length() > 0) {
            segments.add(new Segment(literal.toString(), null, null, text.length(), text.length()));
        }
        return segments;
    }

    /** Parses the call at {@code open}; returns the index after it, or -1 when the rest is literal text. */
    private int parseCall(int open, List<Segment> segments, StringBuilder literal) {
        int k = skipSpaces(open + 2);
        int nameStart = k;
        while (k < text.length() && isNameChar(text.charAt(k))) {
            k++;
        }
        String name = text.substring(nameStart, k);
        k = skipSpaces(k);
        String arguments = null;
        if (k < text.length() && text.charAt(k) == '(') {
            int close = closingParenthesis(k, open, name);
            if (close < 0) {
                return unterminated(open, "the argument of '" + name + "' never closes");
            }
            arguments = text.substring(k + 1, close);
            k = skipSpaces(close + 1);
        }
        if (!text.startsWith("}}", k)) {
            return unterminated(open, name.isEmpty() ? "expected a helper name such as random.number after '{{'"
                    : "expected '}}' after '" + text.substring(open, Math.min(text.length(), k)) + "'");
        }
        if (name.isEmpty()) {
            throw source.error(open, text.substring(open, k + 2), "expected a helper name such as "
                    + "random.number after '{{'", null);
        }
        if (literal.length() > 0) {
            segments.add(new Segment(literal.toString(), null, null, open, open));
            literal.setLength(0);
        }
        segments.add(new Segment(null, name, arguments, open, k + 2));
        return k + 2;
    }

    /**
     * KDG keeps everything from an unterminated {@code {{} on as text when no {@code }}} follows at all; then so
     * do we, with a warning. When one does follow, the call is malformed: an error at the call.
     */
    private int unterminated(int open, String problem) {
        String token = text.substring(open, Math.min(text.length(), open + 60));
        if (text.indexOf("}}", open) < 0) {
            warnings.add("line " + source.line(open) + ", column " + source.column(open) + ": " + problem
                    + "; no '}}' follows, so the rest of the template is kept as text, as KDG does");
            return -1;
        }
        throw source.error(open, token, problem, "check the brackets and quotes of the argument");
    }

    private int skipSpaces(int k) {
        while (k < text.length() && (text.charAt(k) == ' ' || text.charAt(k) == '\t' || text.charAt(k) == '\r')) {
            k++;
        }
        return k;
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '.';
    }

    /** The index of the ')' closing the '(' at {@code open}, minding quotes and nested brackets; -1 if none. */
    private int closingParenthesis(int open, int callStart, String name) {
        Deque<Character> expected = new ArrayDeque<>();
        expected.push(')');
        char quote = 0;
        for (int i = open + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
                continue;
            }
            if (c == '\\' && i + 1 < text.length() && (text.charAt(i + 1) == '"' || text.charAt(i + 1) == '\'')) {
                i++; // an escaped quote outside a string ({\"weights\":...}) is part of the text, not a string
                continue;
            }
            switch (c) {
                case '"', '\'' -> quote = c;
                case '(' -> expected.push(')');
                case '[' -> expected.push(']');
                case '{' -> expected.push('}');
                case ')', ']', '}' -> {
                    if (expected.peek() != c) {
                        // A stray closer: KDG's JSON.parse would fail too. Report where it is.
                        if (text.indexOf("}}", open) < 0) {
                            return -1;
                        }
                        throw source.error(i, text.substring(callStart, Math.min(text.length(), i + 1)),
                                "unbalanced brackets in the argument of '" + name + "': found '" + c + "' where '"
                                        + expected.peek() + "' was expected", "check the argument's brackets and "
                                        + "quotes");
                    }
                    expected.pop();
                    if (expected.isEmpty()) {
                        return i;
                    }
                }
                default -> {
                }
            }
        }
        return -1;
    }
}
