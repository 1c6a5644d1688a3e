package io.kdg4j.core.encode;

import io.kdg4j.core.schema.FieldSpec;
import io.kdg4j.core.schema.NullableSpec;
import io.kdg4j.core.schema.ObjectSpec;
import io.kdg4j.core.schema.ValueSpec;
import java.util.ArrayList;
import java.util.List;

/** The columns of a schema flattened for CSV: objects become their fields, anything else one column. */
record CsvLayout(String name, List<CsvLayout> children, int width) {

    static CsvLayout of(ValueSpec root) {
        return of("value", "", root);
    }

    private static CsvLayout of(String name, String prefix, ValueSpec spec) {
        ValueSpec inner = spec instanceof NullableSpec nullable ? nullable.value() : spec;
        if (!(inner instanceof ObjectSpec object)) {
            return new CsvLayout(name, null, 1);
        }
        List<CsvLayout> children = new ArrayList<>();
        int width = 0;
        for (FieldSpec field : object.fields()) {
            CsvLayout child = of(prefix + field.name(), prefix + field.name() + ".", field.value());
            children.add(child);
            width += child.width();
        }
        return new CsvLayout(name, children, width);
    }

    boolean isObject() {
        return children != null;
    }

    List<String> columnNames() {
        List<String> names = new ArrayList<>();
        collect(names);
        return names;
    }

    private void collect(List<String> names) {
        if (isObject()) {
            children.forEach(child -> child.collect(names));
        } else {
            names.add(name);
        }
    }
}
