package io.kdg4j.formats.protobuf;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import io.kdg4j.core.RecordSchema;
import io.kdg4j.core.encode.RecordEncoder;
import io.kdg4j.core.record.ByteOutput;
import io.kdg4j.core.record.RecordTape;
import io.kdg4j.formats.ByteOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;

/**
 * Records as Protobuf messages (one message each, without a length prefix, as a Kinesis record carries it), built
 * from the record's tape as a {@link DynamicMessage} of a descriptor derived from the record schema
 * ({@link #derived}) or given ({@link #of}, such as one compiled from the stream's .proto). Fields are matched by
 * their JSON name or their name; a null value leaves the field unset. A value the field cannot hold fails with the
 * field's path, its type and the value. Thread-safe.
 */
public final class ProtobufEncoder implements RecordEncoder {
    private static final ThreadLocal<ByteOutputStream> STREAM = ThreadLocal.withInitial(ByteOutputStream::new);
    private final Descriptor descriptor;

    private ProtobufEncoder(Descriptor descriptor) {
        this.descriptor = Objects.requireNonNull(descriptor, "descriptor");
    }

    /** Records of {@code schema} as the message {@link ProtobufSchemas} derives from it. */
    public static ProtobufEncoder derived(RecordSchema schema, String name, String pkg) {
        return new ProtobufEncoder(ProtobufSchemas.of(schema, name, pkg));
    }

    /** Records written as messages of a given descriptor. */
    public static ProtobufEncoder of(Descriptor descriptor) {
        return new ProtobufEncoder(descriptor);
    }

    public Descriptor descriptor() {
        return descriptor;
    }

    @Override
    public void encode(RecordTape record, ByteOutput out) {
        DynamicMessage message = message(descriptor, record, 0, "$");
        ByteOutputStream stream = STREAM.get();
        stream.target(out);
        try {
            message.writeTo(stream);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String name() {
        return "protobuf";
    }

    private static DynamicMessage message(Descriptor descriptor, RecordTape tape, int at, String path) {
        if (tape.code(at) != RecordTape.OBJECT_START) {
            throw mismatch(path, "message " + descriptor.getName(), tape, at);
        }
        DynamicMessage.Builder message = DynamicMessage.newBuilder(descriptor);
        for (int i = at + 1; tape.code(i) == RecordTape.NAME; i = tape.skip(i + 1)) {
            String name = tape.stringAt(i);
            FieldDescriptor field = field(descriptor, name);
            int value = i + 1;
            if (field == null || tape.code(value) == RecordTape.NULL) {
                continue; // a field the message does not have, or a null: left unset
            }
            String fieldPath = path + "." + name;
            if (field.isRepeated()) {
                if (tape.code(value) != RecordTape.ARRAY_START) {
                    throw mismatch(fieldPath, "repeated " + field.getType(), tape, value);
                }
                int item = 0;
                for (int e = value + 1; tape.code(e) != RecordTape.ARRAY_END; e = tape.skip(e)) {
                    message.addRepeatedField(field, value(field, tape, e, fieldPath + "[" + item++ + "]"));
                }
            } else {
                message.setField(field, value(field, tape, value, fieldPath));
            }
        }
        return message.build();
    }

    private static FieldDescriptor field(Descriptor descriptor, String name) {
        FieldDescriptor byName = descriptor.findFieldByName(name);
        if (byName != null) {
            return byName;
        }
        for (FieldDescriptor field : descriptor.getFields()) {
            if (field.getJsonName().equals(name)) {
                return field;
            }
        }
        return null;
    }

    private static Object value(FieldDescriptor field, RecordTape tape, int at, String path) {
        int code = tape.code(at);
        switch (field.getJavaType()) {
            case LONG:
            case INT:
                if (code != RecordTape.LONG || (field.getJavaType() == FieldDescriptor.JavaType.INT
                        && tape.longAt(at) != (int) tape.longAt(at))) {
                    throw mismatch(path, field.getType().name().toLowerCase(Locale.ROOT), tape, at);
                }
                return field.getJavaType() == FieldDescriptor.JavaType.INT ? (Object) Math.toIntExact(tape.longAt(at))
                        : (Object) tape.longAt(at);
            case DOUBLE:
            case FLOAT:
                double number = switch (code) {
                    case RecordTape.DOUBLE -> tape.doubleAt(at);
                    case RecordTape.LONG -> tape.longAt(at);
                    case RecordTape.DECIMAL -> BigDecimal.valueOf(tape.longAt(at), tape.scaleAt(at)).doubleValue();
                    default -> throw mismatch(path, field.getType().name().toLowerCase(Locale.ROOT), tape, at);
                };
                return field.getJavaType() == FieldDescriptor.JavaType.FLOAT ? (Object) (float) number
                        : (Object) number;
            case BOOLEAN:
                if (code != RecordTape.BOOLEAN) {
                    throw mismatch(path, "bool", tape, at);
                }
                return tape.booleanAt(at);
            case STRING:
                return tape.textAt(at);
            case ENUM:
                EnumValueDescriptor symbol = field.getEnumType().findValueByName(tape.textAt(at));
                if (symbol == null) {
                    throw mismatch(path, "enum " + field.getEnumType().getName(), tape, at);
                }
                return symbol;
            case MESSAGE:
                return message(field.getMessageType(), tape, at, path);
            default:
                throw mismatch(path, field.getType().name().toLowerCase(Locale.ROOT), tape, at);
        }
    }

    private static IllegalArgumentException mismatch(String path, String expected, RecordTape tape, int at) {
        int code = tape.code(at);
        return new IllegalArgumentException(path + ": the Protobuf field is " + expected + " but the record has "
                + tape.token(at).name().toLowerCase(Locale.ROOT)
                + (code == RecordTape.OBJECT_START || code == RecordTape.ARRAY_START ? "" : " '" + tape.textAt(at)
                + "'"));
    }
}
