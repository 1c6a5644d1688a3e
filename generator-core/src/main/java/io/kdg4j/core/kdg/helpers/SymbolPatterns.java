package io.kdg4j.core.kdg.helpers;

import static io.kdg4j.core.Fields.fake;
import static io.kdg4j.core.Fields.faker;

import io.kdg4j.core.schema.ValueSpec;

/** faker.js's symbol patterns: {@code #} a digit, {@code ?} an upper-case letter; everything else as written. */
final class SymbolPatterns {
    private SymbolPatterns() {
    }

    /** faker 3.1's replaceSymbols: {@code #} and {@code ?} (faker 3.1 leaves {@code *} alone). */
    static ValueSpec symbols(String pattern) {
        return faker(f -> {
            StringBuilder out = new StringBuilder(pattern.length());
            for (int i = 0; i < pattern.length(); i++) {
                char c = pattern.charAt(i);
                switch (c) {
                    case '#' -> out.append((char) ('0' + f.random().nextInt(10)));
                    case '?' -> out.append((char) ('A' + f.random().nextInt(26)));
                    default -> out.append(c);
                }
            }
            return out.toString();
        });
    }

    /** faker's replaceSymbolWithNumber: each {@code symbol} a digit. */
    static ValueSpec digitsFor(String pattern, char symbol) {
        return faker(f -> {
            StringBuilder out = new StringBuilder(pattern.length());
            for (int i = 0; i < pattern.length(); i++) {
                char c = pattern.charAt(i);
                out.append(c == symbol ? (char) ('0' + f.random().nextInt(10)) : c);
            }
            return out.toString();
        });
    }

    /** {@code count} random digits. */
    static ValueSpec digits(int count) {
        return fake("#{regexify '[0-9]{" + count + "}'}");
    }
}
