package io.kdg4j.formats.types;

import java.util.Set;

/**
 * Field names as Avro and Protobuf allow them ({@code [A-Za-z_][A-Za-z0-9_]*}): JSON allows any text, so
 * "event-type" becomes "event_type" and "2fa" becomes "_2fa". The records keep their own names; the schemas name
 * the original in an alias (Avro) or the JSON name (Protobuf), and encoders match on it.
 */
public final class Names {
    private Names() {
    }

    /** {@code name} made a valid identifier, different from every name in {@code taken}. */
    public static String identifier(String name, Set<String> taken) {
        StringBuilder id = new StringBuilder(name.length() + 1);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            id.append(c < 128 && (Character.isLetterOrDigit(c) || c == '_') ? c : '_');
        }
        if (id.length() == 0 || Character.isDigit(id.charAt(0))) {
            id.insert(0, '_');
        }
        String base = id.toString();
        String unique = base;
        for (int n = 2; taken.contains(unique); n++) {
            unique = base + "_" + n;
        }
        return unique;
    }
}
