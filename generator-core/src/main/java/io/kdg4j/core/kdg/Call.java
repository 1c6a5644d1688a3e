package io.kdg4j.core.kdg;

import io.kdg4j.core.kdg.helpers.HelperCall;
import io.kdg4j.core.kdg.helpers.JsText;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** One helper call being compiled: its arguments, and errors that point at it. */
final class Call implements HelperCall {
    private final String name;
    private final Arguments arguments;
    private final SourceText source;
    private final int start;
    private final String token;

    Call(String name, Arguments arguments, SourceText source, int start, String token) {
        this.name = name;
        this.arguments = arguments;
        this.source = source;
        this.start = start;
        this.token = token;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Object argument(int i) {
        return arguments.get(i);
    }

    @Override
    public int argumentCount() {
        return arguments.size();
    }

    @Override
    public boolean isBareText() {
        return arguments.isBareText();
    }

    @Override
    public String rawArguments() {
        return arguments.raw();
    }

    @Override
    public TemplateException error(String problem) {
        return source.error(start, token, name + ": " + problem, null);
    }

    @Override
    public TemplateException error(String problem, String suggestion) {
        return source.error(start, token, name + ": " + problem, suggestion);
    }

    /** The options object (argument 0 when it is an object), or an empty map. */
    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Object> options() {
        Object first = arguments.get(0);
        return first instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    /** Positional argument i as a number, or {@code fallback} when absent. */
    @Override
    public BigDecimal number(int i, BigDecimal fallback, String what) {
        return toNumber(arguments.get(i), fallback, what);
    }

    @Override
    public BigDecimal toNumber(Object value, BigDecimal fallback, String what) {
        if (value == null) {
            return fallback;
        }
        if (value instanceof BigDecimal d) {
            return d;
        }
        if (value instanceof String s) {
            try {
                return new BigDecimal(s.trim());
            } catch (NumberFormatException e) {
                throw error(what + " must be a number but was '" + s + "'");
            }
        }
        throw error(what + " must be a number but was " + JsText.of(value));
    }

    /** Positional argument i as a whole number in [min, max], or {@code fallback}. */
    @Override
    public int integer(int i, int fallback, int min, int max, String what) {
        BigDecimal value = number(i, null, what);
        if (value == null) {
            return fallback;
        }
        if (value.stripTrailingZeros().scale() > 0 || value.compareTo(BigDecimal.valueOf(min)) < 0
                || value.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw error(what + " must be a whole number in [" + min + ", " + max + "] but was "
                    + value.toPlainString());
        }
        return value.intValueExact();
    }

    /** Positional argument i as text (numbers and booleans as JS prints them), or {@code fallback}. */
    @Override
    public String string(int i, String fallback) {
        Object value = arguments.get(i);
        return value == null ? fallback : JsText.of(value);
    }

    @Override
    public boolean bool(int i, boolean fallback) {
        Object value = arguments.get(i);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        return !(value instanceof String s && (s.isEmpty() || s.equals("false")));
    }

    /** Argument i as a list (a JSON array), or null when absent; an error when it is something else. */
    @Override
    @SuppressWarnings("unchecked")
    public List<Object> list(int i, String what) {
        Object value = arguments.get(i);
        if (value == null) {
            return null;
        }
        if (value instanceof List<?> list) {
            return (List<Object>) list;
        }
        throw error(what + " must be a JSON array such as [\"a\",\"b\"] but was " + describe(value),
                value instanceof String ? "quote the elements with double quotes" : null);
    }

    private static String describe(Object value) {
        return value instanceof String s ? "the text '" + s + "'" : JsText.of(value);
    }
}
