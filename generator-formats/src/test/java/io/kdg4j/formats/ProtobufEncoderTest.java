package io.kdg4j.formats;

import static io.kdg4j.core.Fields.field;
import static io.kdg4j.core.Fields.integers;
import static io.kdg4j.core.Fields.oneOf;
import static io.kdg4j.core.Fields.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.TextFormat;
import io.kdg4j.core.RecordGenerator;
import io.kdg4j.core.RecordSchema;
import io.kdg4j.core.preset.Presets;
import io.kdg4j.core.record.ByteOutput;
import io.kdg4j.core.record.RecordTape;
import io.kdg4j.formats.protobuf.ProtobufEncoder;
import io.kdg4j.formats.types.ValueType;
import io.kdg4j.formats.types.ValueTypes;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ProtobufEncoderTest {
    static List<String> presets() {
        return Presets.names();
    }

    @ParameterizedTest
    @MethodSource("presets")
    void everyPreset_roundTripsThroughProtobufsOwnParser(String preset) throws Exception {
        RecordSchema schema = Presets.get(preset).schema();
        ValueType type = ValueTypes.of(schema);
        if (!(type instanceof ValueType.Struct)) {
            assertThatThrownBy(() -> ProtobufEncoder.derived(schema, "Record", "kdg4j.test"))
                    .hasMessageContaining("needs records that are objects");
            return;
        }
        ProtobufEncoder encoder = ProtobufEncoder.derived(schema, "Record", "kdg4j.test");
        // the descriptor survives its own serialised form, as a consumer that is given it would load it
        Descriptor descriptor = FileDescriptor.buildFrom(FileDescriptorProto.parseFrom(
                encoder.descriptor().getFile().toProto().toByteArray()), new FileDescriptor[0])
                .findMessageTypeByName("Record");
        RecordGenerator generator = RecordGenerator.of(schema, 12);
        ByteOutput out = new ByteOutput();
        for (long i = 0; i < 1_000; i++) {
            RecordTape tape = generator.generate(i);
            out.reset();
            encoder.encode(tape, out);
            DynamicMessage read = DynamicMessage.parseFrom(descriptor, out.toByteArray());
            assertThat(plain(read, (ValueType.Struct) type)).as("%s record %d", preset, i)
                    .isEqualTo(Decoded.expected(type, tape.valueAt(0)));
        }
    }

    @Test
    void aGivenDescriptor_withAnEnumAndInt32_isWrittenAsItSays() throws Exception {
        FileDescriptorProto.Builder file = FileDescriptorProto.newBuilder();
        TextFormat.merge("""
                name: "order.proto" package: "shop" syntax: "proto3"
                message_type { name: "Order"
                  field { name: "status" number: 1 type: TYPE_ENUM type_name: ".shop.Status" }
                  field { name: "quantity" number: 2 type: TYPE_INT32 }
                }
                enum_type { name: "Status" value { name: "NEW" number: 0 } value { name: "PAID" number: 1 } }
                """, file);
        Descriptor order = FileDescriptor.buildFrom(file.build(), new FileDescriptor[0])
                .findMessageTypeByName("Order");
        RecordSchema schema = record(field("status", oneOf("NEW", "PAID")), field("quantity", integers(1, 9)));
        RecordTape tape = RecordGenerator.of(schema, 2).generate(3);
        ByteOutput out = new ByteOutput();
        ProtobufEncoder.of(order).encode(tape, out);
        DynamicMessage read = DynamicMessage.parseFrom(order, out.toByteArray());
        Map<?, ?> record = (Map<?, ?>) tape.valueAt(0);
        assertThat(((com.google.protobuf.Descriptors.EnumValueDescriptor) read.getField(
                order.findFieldByName("status"))).getName()).isEqualTo(record.get("status"));
        assertThat(read.getField(order.findFieldByName("quantity")))
                .isEqualTo(((Long) record.get("quantity")).intValue());
    }

    @Test
    void aValueTheFieldCannotHold_failsWithThePathTheTypeAndTheValue() {
        RecordSchema strings = record(field("quantity", oneOf("many")));
        RecordSchema numbers = record(field("quantity", integers(1, 9)));
        ProtobufEncoder encoder = ProtobufEncoder.derived(numbers, "Order", "shop");
        RecordTape tape = RecordGenerator.of(strings, 1).generate(0);
        assertThatThrownBy(() -> encoder.encode(tape, new ByteOutput()))
                .hasMessage("$.quantity: the Protobuf field is int64 but the record has text 'many'");
    }

    /** The message as plain Java keyed by JSON name; unset fields are null, decimals are BigDecimal. */
    private static Object plain(DynamicMessage message, ValueType.Struct type) {
        Map<String, Object> map = new LinkedHashMap<>();
        List<FieldDescriptor> fields = message.getDescriptorForType().getFields();
        for (int i = 0; i < fields.size(); i++) {
            FieldDescriptor field = fields.get(i);
            ValueType fieldType = type.fields().get(i).type();
            ValueType inner = fieldType instanceof ValueType.Nullable n ? n.value() : fieldType;
            Object value;
            if (field.isRepeated()) {
                List<Object> items = new ArrayList<>();
                for (int k = 0; k < message.getRepeatedFieldCount(field); k++) {
                    items.add(plainValue(message.getRepeatedField(field, k),
                            ((ValueType.Array) inner).element()));
                }
                value = items;
            } else {
                value = message.hasField(field) ? plainValue(message.getField(field), inner) : null;
            }
            map.put(field.getJsonName(), value);
        }
        return map;
    }

    private static Object plainValue(Object value, ValueType type) {
        if (value instanceof DynamicMessage nested) {
            return plain(nested, (ValueType.Struct) (type instanceof ValueType.Nullable n ? n.value() : type));
        }
        if (type instanceof ValueType.Decimal) {
            return new BigDecimal((String) value); // Protobuf carries decimals as their exact text
        }
        return value;
    }
}
