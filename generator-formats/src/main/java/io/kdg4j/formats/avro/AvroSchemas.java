package io.kdg4j.formats.avro;

import io.kdg4j.core.RecordSchema;
import io.kdg4j.formats.types.Names;
import io.kdg4j.formats.types.ValueType;
import io.kdg4j.formats.types.ValueTypes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.avro.JsonProperties;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * The Avro schema of a kdg4j record schema: objects are Avro records (named after their path), whole numbers
 * long, floating-point numbers double, exact decimals the decimal logical type on bytes (precision 19: every
 * unscaled long fits), text string, nullable values a union of null and the value with a null default, and values
 * only the record knows (derived fields) a string of their text (JSON for objects). A field Avro cannot name is
 * renamed and keeps its original as an alias.
 */
public final class AvroSchemas {
    /** Digits of the largest unscaled long: every decimal a kdg4j record makes fits. */
    static final int DECIMAL_PRECISION = 19;

    private AvroSchemas() {
    }

    /**
     * A given schema read from its JSON text.
     *
     * @throws IllegalArgumentException saying why it is not an Avro schema; Avro's parser fails some mistakes (a
     *         misspelt {@code "type"}) with a bare NullPointerException, which is reported the same way
     */
    public static Schema parse(String json) {
        try {
            return new Schema.Parser().parse(json);
        } catch (SchemaParseException e) {
            throw new IllegalArgumentException("not an Avro schema: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not an Avro schema: Avro's parser failed (" + e.getMessage()
                    + "); check that each \"type\" is an Avro type or one the schema defines", e);
        }
    }

    /** The schema of {@code schema}'s records, its top-level record named {@code name} in {@code namespace}. */
    public static Schema of(RecordSchema schema, String name, String namespace) {
        return of(ValueTypes.of(schema), name, namespace);
    }

    static Schema of(ValueType type, String name, String namespace) {
        if (type instanceof ValueType.Struct struct) {
            List<Schema.Field> fields = new ArrayList<>();
            Set<String> taken = new HashSet<>();
            for (ValueType.Field field : struct.fields()) {
                String id = Names.identifier(field.name(), taken);
                taken.add(id);
                Schema value = of(field.type(), name + "_" + id, namespace);
                Schema.Field avroField = value.getType() == Schema.Type.UNION
                        ? new Schema.Field(id, value, null, JsonProperties.NULL_VALUE)
                        : new Schema.Field(id, value);
                if (!id.equals(field.name())) {
                    avroField.addAlias(field.name());
                }
                fields.add(avroField);
            }
            return Schema.createRecord(name, null, namespace, false, fields);
        }
        if (type instanceof ValueType.Array array) {
            return Schema.createArray(of(array.element(), name + "_item", namespace));
        }
        if (type instanceof ValueType.Nullable nullable) {
            return Schema.createUnion(Schema.create(Schema.Type.NULL), of(nullable.value(), name, namespace));
        }
        if (type instanceof ValueType.Int64) {
            return Schema.create(Schema.Type.LONG);
        }
        if (type instanceof ValueType.Float64) {
            return Schema.create(Schema.Type.DOUBLE);
        }
        if (type instanceof ValueType.Decimal decimal) {
            return LogicalTypes.decimal(DECIMAL_PRECISION, decimal.scale())
                    .addToSchema(Schema.create(Schema.Type.BYTES));
        }
        if (type instanceof ValueType.Bool) {
            return Schema.create(Schema.Type.BOOLEAN);
        }
        if (type instanceof ValueType.Null) {
            return Schema.create(Schema.Type.NULL);
        }
        return Schema.create(Schema.Type.STRING); // text, and JSON
    }
}
