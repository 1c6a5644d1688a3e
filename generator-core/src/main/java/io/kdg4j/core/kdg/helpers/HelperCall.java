package io.kdg4j.core.kdg.helpers;

import io.kdg4j.core.kdg.TemplateException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One helper call being compiled, as a helper sees it: its decoded arguments, read as the helper needs them, and
 * errors that point at the call in the template (line, column, token).
 */
public interface HelperCall {
    /** The helper's name as the table knows it, e.g. {@code address.city}. */
    String name();

    /** Argument i as decoded (String, BigDecimal, Boolean, List, Map), or null when absent. */
    Object argument(int i);

    int argumentCount();

    default boolean hasArguments() {
        return argumentCount() > 0;
    }

    /** True when the argument text was not JSON and is passed as text, as KDG does ({@code date.now(x)}). */
    boolean isBareText();

    /** The argument text as written between the parentheses. */
    String rawArguments();

    TemplateException error(String problem);

    TemplateException error(String problem, String suggestion);

    /** The options object (argument 0 when it is an object), or an empty map. */
    Map<String, Object> options();

    /** Positional argument i as a number, or {@code fallback} when absent. */
    BigDecimal number(int i, BigDecimal fallback, String what);

    BigDecimal toNumber(Object value, BigDecimal fallback, String what);

    /** Positional argument i as a whole number in [min, max], or {@code fallback}. */
    int integer(int i, int fallback, int min, int max, String what);

    /** Positional argument i as text (numbers and booleans as JS prints them), or {@code fallback}. */
    String string(int i, String fallback);

    boolean bool(int i, boolean fallback);

    /** Argument i as a list (a JSON array), or null when absent; an error when it is something else. */
    List<Object> list(int i, String what);
}
