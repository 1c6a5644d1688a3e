package io.kdg4j.formats.protobuf;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FileDescriptor;
import io.kdg4j.core.RecordSchema;
import io.kdg4j.formats.types.Names;
import io.kdg4j.formats.types.ValueType;
import io.kdg4j.formats.types.ValueTypes;
import java.util.HashSet;
import java.util.Set;

/**
 * The Protobuf message of a kdg4j record schema, built as a descriptor at run time (no .proto file, no generated
 * classes): objects are messages nested in the record's message, fields numbered 1, 2, 3... in the record's order,
 * whole numbers int64, floating-point numbers double, exact decimals their exact text in a string (Protobuf has no
 * decimal), text string, arrays repeated, and values only the record knows (derived fields) a string of their text.
 * The syntax is proto2, so a null value is a field left unset rather than a zero. Each field's JSON name is the
 * record's own name.
 */
public final class ProtobufSchemas {
    private ProtobufSchemas() {
    }

    /** The message of {@code schema}'s records, named {@code name}, in a file of package {@code pkg}. */
    public static Descriptor of(RecordSchema schema, String name, String pkg) {
        ValueType type = ValueTypes.of(schema);
        if (!(type instanceof ValueType.Struct struct)) {
            throw new IllegalArgumentException("a Protobuf message needs records that are objects, but this "
                    + "schema's records are " + type);
        }
        FileDescriptorProto file = FileDescriptorProto.newBuilder().setName(name + ".proto").setPackage(pkg)
                .setSyntax("proto2").addMessageType(message(name, struct)).build();
        try {
            return FileDescriptor.buildFrom(file, new FileDescriptor[0]).findMessageTypeByName(name);
        } catch (DescriptorValidationException e) {
            throw new IllegalStateException("the derived Protobuf descriptor is invalid: " + e.getMessage(), e);
        }
    }

    /** The .proto source of {@code descriptor}'s file, for a consumer's own build (protoc, buf). */
    public static String protoText(Descriptor descriptor) {
        FileDescriptor file = descriptor.getFile();
        StringBuilder text = new StringBuilder();
        text.append("syntax = \"").append(file.toProto().getSyntax().isEmpty() ? "proto2" : file.toProto().getSyntax())
                .append("\";\n");
        if (!file.getPackage().isEmpty()) {
            text.append("package ").append(file.getPackage()).append(";\n");
        }
        for (Descriptor message : file.getMessageTypes()) {
            text.append('\n');
            appendMessage(text, message, "");
        }
        return text.toString();
    }

    private static void appendMessage(StringBuilder text, Descriptor message, String indent) {
        text.append(indent).append("message ").append(message.getName()).append(" {\n");
        for (Descriptor nested : message.getNestedTypes()) {
            appendMessage(text, nested, indent + "  ");
        }
        for (com.google.protobuf.Descriptors.FieldDescriptor field : message.getFields()) {
            String label = field.isRepeated() ? "repeated " : field.getFile().toProto().getSyntax().equals("proto3")
                    ? "" : "optional ";
            String type = field.getJavaType() == com.google.protobuf.Descriptors.FieldDescriptor.JavaType.MESSAGE
                    ? field.getMessageType().getName() : field.getType().name().toLowerCase(java.util.Locale.ROOT);
            text.append(indent).append("  ").append(label).append(type).append(' ').append(field.getName())
                    .append(" = ").append(field.getNumber());
            if (field.toProto().hasJsonName()) {
                text.append(" [json_name = \"").append(field.getJsonName()).append("\"]");
            }
            text.append(";\n");
        }
        text.append(indent).append("}\n");
    }

    private static DescriptorProto message(String name, ValueType.Struct struct) {
        DescriptorProto.Builder message = DescriptorProto.newBuilder().setName(name);
        Set<String> taken = new HashSet<>();
        Set<String> nestedNames = new HashSet<>();
        int number = 1;
        for (ValueType.Field field : struct.fields()) {
            String id = Names.identifier(field.name(), taken);
            taken.add(id);
            FieldDescriptorProto.Builder proto = FieldDescriptorProto.newBuilder().setName(id).setNumber(number++)
                    .setJsonName(field.name()).setLabel(FieldDescriptorProto.Label.LABEL_OPTIONAL);
            ValueType type = field.type() instanceof ValueType.Nullable n ? n.value() : field.type();
            if (type instanceof ValueType.Array array) {
                proto.setLabel(FieldDescriptorProto.Label.LABEL_REPEATED);
                type = array.element() instanceof ValueType.Nullable || array.element() instanceof ValueType.Array
                        ? ValueType.JSON : array.element();
            }
            if (type instanceof ValueType.Struct nested) {
                String nestedName = Names.identifier(capitalized(id), nestedNames);
                nestedNames.add(nestedName);
                message.addNestedType(message(nestedName, nested));
                proto.setType(FieldDescriptorProto.Type.TYPE_MESSAGE).setTypeName(nestedName);
            } else {
                proto.setType(scalar(type));
            }
            message.addField(proto);
        }
        return message.build();
    }

    private static FieldDescriptorProto.Type scalar(ValueType type) {
        if (type instanceof ValueType.Int64) {
            return FieldDescriptorProto.Type.TYPE_INT64;
        }
        if (type instanceof ValueType.Float64) {
            return FieldDescriptorProto.Type.TYPE_DOUBLE;
        }
        if (type instanceof ValueType.Bool) {
            return FieldDescriptorProto.Type.TYPE_BOOL;
        }
        return FieldDescriptorProto.Type.TYPE_STRING; // text, JSON, decimals, and a value that is always null
    }

    private static String capitalized(String id) {
        return Character.toUpperCase(id.charAt(0)) + id.substring(1);
    }
}
