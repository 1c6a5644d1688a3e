package io.kdg4j.core.kdg;

import io.kdg4j.core.KdgException;

/**
 * A KDG template that cannot be compiled. Says where (1-based line and column in the template as written),
 * which token, what is wrong, and, when there is one, the nearest valid helper.
 */
public class TemplateException extends KdgException {
    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;
    private final String token;
    private final String problem;
    private final String suggestion;

    public TemplateException(int line, int column, String token, String problem, String suggestion) {
        super("line " + line + ", column " + column + ": " + problem
                + (token == null || token.isEmpty() ? "" : " in " + abbreviate(token))
                + (suggestion == null ? "" : "; " + suggestion));
        this.line = line;
        this.column = column;
        this.token = token;
        this.problem = problem;
        this.suggestion = suggestion;
    }

    private static String abbreviate(String token) {
        String oneLine = token.replace("\n", "\\n").replace("\r", "\\r");
        return oneLine.length() <= 80 ? oneLine : oneLine.substring(0, 77) + "...";
    }

    /** 1-based line of the problem in the template as written. */
    public int line() {
        return line;
    }

    /** 1-based column of the problem in the template as written. */
    public int column() {
        return column;
    }

    /** The template text at fault, e.g. {@code {{Date.now()}}}. */
    public String token() {
        return token;
    }

    /** What is wrong, without position. */
    public String problem() {
        return problem;
    }

    /** A fix to try ("did you mean date.now?"), or null. */
    public String suggestion() {
        return suggestion;
    }
}
