package io.kdg4j.core.kdg;

import java.util.Objects;

/**
 * One helper a KDG template may call, as the helper table describes it.
 *
 * @param name the helper, such as {@code random.number}
 * @param arguments the arguments it takes, or empty
 * @param generates what kdg4j generates for it
 */
public record HelperDescription(String name, String arguments, String generates) {
    public HelperDescription {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(arguments, "arguments");
        Objects.requireNonNull(generates, "generates");
    }
}
