package io.kdg4j.formats.types;

import io.kdg4j.core.RecordSchema;
import io.kdg4j.core.schema.ArraySpec;
import io.kdg4j.core.schema.BooleanSpec;
import io.kdg4j.core.schema.ChoiceSpec;
import io.kdg4j.core.schema.ConcatSpec;
import io.kdg4j.core.schema.ConstantSpec;
import io.kdg4j.core.schema.DecimalRangeSpec;
import io.kdg4j.core.schema.DerivedSpec;
import io.kdg4j.core.schema.DoubleRangeSpec;
import io.kdg4j.core.schema.EventSpec;
import io.kdg4j.core.schema.ExponentialSpec;
import io.kdg4j.core.schema.FakerSpec;
import io.kdg4j.core.schema.FieldSpec;
import io.kdg4j.core.schema.GeoPointSpec;
import io.kdg4j.core.schema.LongRangeSpec;
import io.kdg4j.core.schema.NormalSpec;
import io.kdg4j.core.schema.NullableSpec;
import io.kdg4j.core.schema.ObjectSpec;
import io.kdg4j.core.schema.RefSpec;
import io.kdg4j.core.schema.SequenceSpec;
import io.kdg4j.core.schema.SwitchSpec;
import io.kdg4j.core.schema.TemplateSpec;
import io.kdg4j.core.schema.TimestampSpec;
import io.kdg4j.core.schema.UlidSpec;
import io.kdg4j.core.schema.UuidSpec;
import io.kdg4j.core.schema.ValueSpec;
import io.kdg4j.core.schema.ZipfSpec;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The type of each spec, read from the schema alone (no record is generated): the widest type any record can
 * have there. Numbers widen (whole numbers to decimals to doubles), a spec that can be null is nullable, and specs
 * whose values only the record knows (derived fields, Faker expressions that may return anything) are text or JSON.
 */
public final class ValueTypes {
    private ValueTypes() {
    }

    /** The type of the schema's records. */
    public static ValueType of(RecordSchema schema) {
        return of(schema.root());
    }

    public static ValueType of(ValueSpec spec) {
        if (spec instanceof ObjectSpec object) {
            List<ValueType.Field> fields = new ArrayList<>();
            for (FieldSpec field : object.fields()) {
                fields.add(new ValueType.Field(field.name(), of(field.value())));
            }
            return new ValueType.Struct(fields);
        }
        if (spec instanceof ArraySpec array) {
            return new ValueType.Array(of(array.element()));
        }
        if (spec instanceof NullableSpec nullable) {
            return nullable.nullRate() > 0 ? nullable(of(nullable.value())) : of(nullable.value());
        }
        if (spec instanceof LongRangeSpec || spec instanceof SequenceSpec) {
            return ValueType.LONG;
        }
        if (spec instanceof DoubleRangeSpec d) {
            return number(d.precision());
        }
        if (spec instanceof NormalSpec n) {
            return number(n.precision());
        }
        if (spec instanceof ExponentialSpec e) {
            return number(e.precision());
        }
        if (spec instanceof DecimalRangeSpec d) {
            int scale = Math.max(0, d.step().scale());
            return scale == 0 ? ValueType.LONG : new ValueType.Decimal(scale);
        }
        if (spec instanceof BooleanSpec) {
            return ValueType.BOOL;
        }
        if (spec instanceof UuidSpec || spec instanceof UlidSpec || spec instanceof TemplateSpec
                || spec instanceof ConcatSpec || spec instanceof FakerSpec) {
            return ValueType.TEXT;
        }
        if (spec instanceof TimestampSpec t) {
            return t.format() == TimestampSpec.TimeFormat.EPOCH_MILLIS
                    || t.format() == TimestampSpec.TimeFormat.EPOCH_SECONDS ? ValueType.LONG : ValueType.TEXT;
        }
        if (spec instanceof GeoPointSpec g) {
            if (g.text()) {
                return ValueType.TEXT;
            }
            ValueType coordinate = number(g.precision());
            return new ValueType.Struct(List.of(new ValueType.Field("lat", coordinate),
                    new ValueType.Field("lon", coordinate)));
        }
        if (spec instanceof ZipfSpec z) {
            return z.values().isEmpty() ? ValueType.LONG : union(z.values());
        }
        if (spec instanceof ChoiceSpec c) {
            return union(c.options());
        }
        if (spec instanceof SwitchSpec s) {
            List<ValueSpec> cases = new ArrayList<>(s.cases());
            if (s.otherwise() != null) {
                cases.add(s.otherwise());
            }
            return union(cases);
        }
        if (spec instanceof ConstantSpec c) {
            return constant(c.value());
        }
        if (spec instanceof DerivedSpec) {
            return nullable(ValueType.JSON);
        }
        if (spec instanceof RefSpec ref) {
            return attributeType(ref.population().attributes().root(), ref.copiedPath());
        }
        if (spec instanceof EventSpec event) {
            return switch (event.part()) {
                case TIME_ISO -> ValueType.TEXT;
                case TIME_MILLIS, SEQUENCE -> ValueType.LONG;
                case STATE, STREAM -> nullable(ValueType.TEXT);
            };
        }
        throw new IllegalArgumentException("no type for " + spec.getClass().getSimpleName());
    }

    /** The type of an entity attribute: the spec at a dotted path of the population's attributes. */
    private static ValueType attributeType(ValueSpec attributes, String path) {
        ValueSpec current = attributes;
        boolean canBeNull = false;
        for (String name : path.split("\\.")) {
            if (current instanceof NullableSpec n) {
                canBeNull |= n.nullRate() > 0;
                current = n.value();
            }
            ObjectSpec object = (ObjectSpec) current;
            current = object.fields().stream().filter(f -> f.name().equals(name)).map(FieldSpec::value)
                    .findFirst().orElseThrow();
        }
        ValueType type = of(current);
        return canBeNull ? nullable(type) : type;
    }

    private static ValueType number(int precision) {
        return precision < 0 ? ValueType.DOUBLE : precision == 0 ? ValueType.LONG : new ValueType.Decimal(precision);
    }

    private static ValueType constant(Object value) {
        if (value == null) {
            return ValueType.NULL;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
                || value instanceof BigInteger) {
            return ValueType.LONG;
        }
        if (value instanceof BigDecimal d) {
            BigDecimal stripped = d.stripTrailingZeros();
            return stripped.scale() <= 0 ? ValueType.LONG : new ValueType.Decimal(stripped.scale());
        }
        if (value instanceof Number) {
            return ValueType.DOUBLE;
        }
        if (value instanceof Boolean) {
            return ValueType.BOOL;
        }
        return ValueType.TEXT;
    }

    private static ValueType union(List<ValueSpec> specs) {
        ValueType merged = null;
        for (ValueSpec spec : specs) {
            ValueType type = of(spec);
            merged = merged == null ? type : merge(merged, type);
        }
        return merged == null ? ValueType.NULL : merged;
    }

    /** The narrowest type that holds the values of both. */
    static ValueType merge(ValueType a, ValueType b) {
        if (a.equals(b)) {
            return a;
        }
        if (a instanceof ValueType.Null) {
            return nullable(b);
        }
        if (b instanceof ValueType.Null) {
            return nullable(a);
        }
        if (a instanceof ValueType.Nullable n) {
            return nullable(merge(n.value(), b));
        }
        if (b instanceof ValueType.Nullable n) {
            return nullable(merge(a, n.value()));
        }
        if (isNumber(a) && isNumber(b)) {
            if (a instanceof ValueType.Float64 || b instanceof ValueType.Float64) {
                return ValueType.DOUBLE;
            }
            return new ValueType.Decimal(Math.max(scale(a), scale(b)));
        }
        if (a instanceof ValueType.Struct || b instanceof ValueType.Struct || a instanceof ValueType.Array
                || b instanceof ValueType.Array || a instanceof ValueType.Json || b instanceof ValueType.Json) {
            return ValueType.JSON;
        }
        return ValueType.TEXT;
    }

    private static ValueType nullable(ValueType type) {
        return type instanceof ValueType.Nullable || type instanceof ValueType.Null ? type
                : new ValueType.Nullable(type);
    }

    private static boolean isNumber(ValueType type) {
        return type instanceof ValueType.Int64 || type instanceof ValueType.Decimal
                || type instanceof ValueType.Float64;
    }

    private static int scale(ValueType type) {
        return type instanceof ValueType.Decimal d ? d.scale() : 0;
    }
}
