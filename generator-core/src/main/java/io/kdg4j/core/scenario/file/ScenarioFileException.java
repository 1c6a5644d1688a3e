package io.kdg4j.core.scenario.file;

import io.kdg4j.core.KdgException;
import java.util.List;

/** A scenario file that cannot run: every problem found, each with its path in the file. */
public final class ScenarioFileException extends KdgException {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public ScenarioFileException(String source, List<String> problems) {
        super(problems.size() == 1 ? "scenario " + source + ": " + problems.get(0)
                : "scenario " + source + ", " + problems.size() + " problems:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
