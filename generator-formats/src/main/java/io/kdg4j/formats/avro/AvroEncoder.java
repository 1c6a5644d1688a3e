package io.kdg4j.formats.avro;

import io.kdg4j.core.RecordSchema;
import io.kdg4j.core.encode.RecordEncoder;
import io.kdg4j.core.record.ByteOutput;
import io.kdg4j.core.record.RecordTape;
import io.kdg4j.formats.ByteOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;

/**
 * Records as Avro binary (one datum each, no container file, as a Kinesis record carries it), written straight
 * from the record's tape against an Avro schema: derived from the record schema ({@link #derived}) or given
 * ({@link #of}), matching fields by name (or alias). A value the schema cannot hold fails with the field's path,
 * the schema's type and the value, rather than writing something else. Thread-safe.
 */
public final class AvroEncoder implements RecordEncoder {
    private static final EncoderFactory FACTORY = EncoderFactory.get();
    private static final ThreadLocal<State> STATE = ThreadLocal.withInitial(State::new);

    private final Schema schema;

    private AvroEncoder(Schema schema) {
        this.schema = Objects.requireNonNull(schema, "schema");
    }

    /** Records of {@code schema} with the Avro schema derived from it (see {@link AvroSchemas}). */
    public static AvroEncoder derived(RecordSchema schema, String name, String namespace) {
        return new AvroEncoder(AvroSchemas.of(schema, name, namespace));
    }

    /** Records written against a given Avro schema, such as one registered for the stream. */
    public static AvroEncoder of(Schema schema) {
        return new AvroEncoder(schema);
    }

    public Schema schema() {
        return schema;
    }

    @Override
    public void encode(RecordTape record, ByteOutput out) {
        State state = STATE.get();
        state.stream.target(out);
        state.encoder = FACTORY.directBinaryEncoder(state.stream, state.encoder);
        try {
            write(schema, record, 0, state.encoder, "$");
            state.encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String name() {
        return "avro";
    }

    private static void write(Schema schema, RecordTape tape, int at, BinaryEncoder out, String path)
            throws IOException {
        int code = tape.code(at);
        switch (schema.getType()) {
            case RECORD -> {
                expect(code == RecordTape.OBJECT_START, schema, tape, at, path);
                for (Schema.Field field : schema.getFields()) {
                    int value = fieldValue(tape, at, field);
                    String fieldPath = path + "." + field.name();
                    if (value >= 0) {
                        write(field.schema(), tape, value, out, fieldPath);
                    } else if (nullBranch(field.schema()) >= 0) {
                        out.writeIndex(nullBranch(field.schema()));
                        out.writeNull();
                    } else {
                        throw new IllegalArgumentException(fieldPath + ": the record has no field '" + field.name()
                                + "', which the Avro schema requires (type " + field.schema() + ")");
                    }
                }
            }
            case UNION -> {
                int branch = branchFor(schema.getTypes(), code);
                expect(branch >= 0, schema, tape, at, path);
                out.writeIndex(branch);
                write(schema.getTypes().get(branch), tape, at, out, path);
            }
            case NULL -> {
                expect(code == RecordTape.NULL, schema, tape, at, path);
                out.writeNull();
            }
            case BOOLEAN -> {
                expect(code == RecordTape.BOOLEAN, schema, tape, at, path);
                out.writeBoolean(tape.booleanAt(at));
            }
            case LONG, INT -> {
                expect(code == RecordTape.LONG, schema, tape, at, path);
                if (schema.getType() == Schema.Type.INT) {
                    long value = tape.longAt(at);
                    expect(value == (int) value, schema, tape, at, path);
                    out.writeInt((int) value);
                } else {
                    out.writeLong(tape.longAt(at));
                }
            }
            case DOUBLE, FLOAT -> {
                expect(isNumber(code), schema, tape, at, path);
                double value = code == RecordTape.DOUBLE ? tape.doubleAt(at) : code == RecordTape.LONG
                        ? tape.longAt(at) : BigDecimal.valueOf(tape.longAt(at), tape.scaleAt(at)).doubleValue();
                if (schema.getType() == Schema.Type.FLOAT) {
                    out.writeFloat((float) value);
                } else {
                    out.writeDouble(value);
                }
            }
            case BYTES -> {
                LogicalType logical = schema.getLogicalType();
                expect(logical instanceof LogicalTypes.Decimal && (code == RecordTape.LONG
                        || code == RecordTape.DECIMAL), schema, tape, at, path);
                int scale = ((LogicalTypes.Decimal) logical).getScale();
                BigDecimal value = code == RecordTape.LONG ? BigDecimal.valueOf(tape.longAt(at))
                        : BigDecimal.valueOf(tape.longAt(at), tape.scaleAt(at));
                out.writeBytes(value.setScale(scale, RoundingMode.UNNECESSARY).unscaledValue().toByteArray());
            }
            case STRING -> {
                expect(code != RecordTape.NULL, schema, tape, at, path);
                out.writeString(tape.textAt(at));
            }
            case ENUM -> {
                int symbol = code == RecordTape.NULL ? -1 : schema.getEnumSymbols().indexOf(tape.textAt(at));
                expect(symbol >= 0, schema, tape, at, path);
                out.writeEnum(symbol);
            }
            case ARRAY -> {
                expect(code == RecordTape.ARRAY_START, schema, tape, at, path);
                int count = 0;
                for (int i = at + 1; tape.code(i) != RecordTape.ARRAY_END; i = tape.skip(i)) {
                    count++;
                }
                out.writeArrayStart();
                out.setItemCount(count);
                int item = 0;
                for (int i = at + 1; tape.code(i) != RecordTape.ARRAY_END; i = tape.skip(i)) {
                    out.startItem();
                    write(schema.getElementType(), tape, i, out, path + "[" + item++ + "]");
                }
                out.writeArrayEnd();
            }
            case MAP -> {
                expect(code == RecordTape.OBJECT_START, schema, tape, at, path);
                int count = 0;
                for (int i = at + 1; tape.code(i) == RecordTape.NAME; i = tape.skip(i + 1)) {
                    count++;
                }
                out.writeMapStart();
                out.setItemCount(count);
                for (int i = at + 1; tape.code(i) == RecordTape.NAME; i = tape.skip(i + 1)) {
                    out.startItem();
                    out.writeString(tape.stringAt(i));
                    write(schema.getValueType(), tape, i + 1, out, path + "." + tape.stringAt(i));
                }
                out.writeMapEnd();
            }
            default -> throw new IllegalArgumentException(path + ": kdg4j does not write Avro type "
                    + schema.getType() + " (the schema's " + schema + ")");
        }
    }

    /** Where the value of {@code field} starts in the object at {@code object}, or -1. */
    private static int fieldValue(RecordTape tape, int object, Schema.Field field) {
        for (int i = object + 1; tape.code(i) == RecordTape.NAME; i = tape.skip(i + 1)) {
            String name = tape.stringAt(i);
            if (name.equals(field.name()) || field.aliases().contains(name)) {
                return i + 1;
            }
        }
        return -1;
    }

    private static int nullBranch(Schema schema) {
        if (schema.getType() != Schema.Type.UNION) {
            return -1;
        }
        List<Schema> types = schema.getTypes();
        for (int i = 0; i < types.size(); i++) {
            if (types.get(i).getType() == Schema.Type.NULL) {
                return i;
            }
        }
        return -1;
    }

    /** The first branch that can hold a value of tape code {@code code}, or -1. */
    private static int branchFor(List<Schema> branches, int code) {
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < branches.size(); i++) {
                Schema.Type type = branches.get(i).getType();
                boolean exact = switch (type) {
                    case NULL -> code == RecordTape.NULL;
                    case BOOLEAN -> code == RecordTape.BOOLEAN;
                    case LONG, INT -> code == RecordTape.LONG;
                    case DOUBLE, FLOAT -> code == RecordTape.DOUBLE;
                    case BYTES -> code == RecordTape.DECIMAL;
                    case STRING, ENUM -> code == RecordTape.STRING || code == RecordTape.TEXT
                            || code == RecordTape.PARTS_START;
                    case RECORD, MAP -> code == RecordTape.OBJECT_START;
                    case ARRAY -> code == RecordTape.ARRAY_START;
                    default -> false;
                };
                // a second pass takes the widening branches: numbers into double or decimal, anything into string
                boolean widened = pass == 1 && switch (type) {
                    case DOUBLE, FLOAT -> isNumber(code);
                    case BYTES -> code == RecordTape.LONG && branches.get(i).getLogicalType() != null;
                    case STRING -> code != RecordTape.NULL;
                    default -> false;
                };
                if (exact || widened) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static boolean isNumber(int code) {
        return code == RecordTape.LONG || code == RecordTape.DOUBLE || code == RecordTape.DECIMAL;
    }

    private static void expect(boolean ok, Schema schema, RecordTape tape, int at, String path) {
        if (!ok) {
            throw new IllegalArgumentException(path + ": the Avro schema says " + describe(schema) + " but the "
                    + "record has " + tape.token(at).name().toLowerCase(java.util.Locale.ROOT) + " "
                    + (tape.code(at) == RecordTape.OBJECT_START || tape.code(at) == RecordTape.ARRAY_START
                    ? "" : "'" + tape.textAt(at) + "'"));
        }
    }

    private static String describe(Schema schema) {
        return schema.getType() == Schema.Type.UNION || schema.getLogicalType() != null ? schema.toString()
                : schema.getType().getName();
    }

    /** One thread's reusable encoder and the stream it writes into. */
    private static final class State {
        final ByteOutputStream stream = new ByteOutputStream();
        BinaryEncoder encoder;
    }
}
