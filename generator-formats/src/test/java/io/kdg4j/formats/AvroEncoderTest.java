package io.kdg4j.formats;

import static io.kdg4j.core.Fields.concat;
import static io.kdg4j.core.Fields.decimals;
import static io.kdg4j.core.Fields.eventSequence;
import static io.kdg4j.core.Fields.eventState;
import static io.kdg4j.core.Fields.eventTimeMillis;
import static io.kdg4j.core.Fields.field;
import static io.kdg4j.core.Fields.integers;
import static io.kdg4j.core.Fields.oneOf;
import static io.kdg4j.core.Fields.record;
import static io.kdg4j.core.Fields.ref;
import static io.kdg4j.core.Fields.sequence;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kdg4j.core.RecordGenerator;
import io.kdg4j.core.RecordSchema;
import io.kdg4j.core.preset.Presets;
import io.kdg4j.core.record.ByteOutput;
import io.kdg4j.core.record.RecordTape;
import io.kdg4j.core.scenario.Population;
import io.kdg4j.formats.avro.AvroEncoder;
import io.kdg4j.formats.avro.AvroSchemas;
import io.kdg4j.formats.types.ValueType;
import io.kdg4j.formats.types.ValueTypes;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Conversions;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.util.Utf8;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class AvroEncoderTest {
    static List<String> presets() {
        return Presets.names();
    }

    @ParameterizedTest
    @MethodSource("presets")
    void everyPreset_roundTripsThroughAvrosOwnReader(String preset) throws Exception {
        RecordSchema schema = Presets.get(preset).schema();
        AvroEncoder encoder = AvroEncoder.derived(schema, "Record", "io.kdg4j.test");
        // the derived schema is valid Avro: it parses back from its own JSON
        Schema parsed = new Schema.Parser().parse(encoder.schema().toString());
        assertThat(parsed).isEqualTo(encoder.schema());
        ValueType type = ValueTypes.of(schema);
        RecordGenerator generator = RecordGenerator.of(schema, 11);
        GenericDatumReader<Object> reader = new GenericDatumReader<>(parsed, parsed, withDecimals());
        ByteOutput out = new ByteOutput();
        for (long i = 0; i < 1_000; i++) {
            RecordTape tape = generator.generate(i);
            out.reset();
            encoder.encode(tape, out);
            Object read = reader.read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
            assertThat(plain(read)).as("%s record %d", preset, i).isEqualTo(Decoded.expected(type, tape.valueAt(0)));
        }
    }

    @Test
    void referencesAndEventFields_takeTheTypesOfWhatTheyCopy_andRoundTrip() throws Exception {
        Population customers = Population.of("customer", 100, record(
                field("customer_id", concat("C-", sequence())),
                field("credit", decimals("0.00", "500.00")),
                field("visits", integers(0, 90).nullable(0.3))), "customer_id");
        RecordSchema order = record(field("customer", ref(customers)),
                field("credit", ref(customers).field("credit")), field("visits", ref(customers).field("visits")),
                field("at", eventTimeMillis()), field("seq", eventSequence()), field("state", eventState()));
        AvroEncoder encoder = AvroEncoder.derived(order, "Order", "io.kdg4j.test");
        assertThat(((LogicalTypes.Decimal) encoder.schema().getField("credit").schema().getLogicalType()).getScale())
                .isEqualTo(2);
        assertThat(encoder.schema().getField("visits").schema().isNullable()).isTrue();
        assertThat(encoder.schema().getField("at").schema().getType()).isEqualTo(Schema.Type.LONG);
        ValueType type = ValueTypes.of(order);
        RecordGenerator generator = RecordGenerator.of(order, 4);
        GenericDatumReader<Object> reader = new GenericDatumReader<>(encoder.schema(), encoder.schema(),
                withDecimals());
        ByteOutput out = new ByteOutput();
        for (long i = 0; i < 200; i++) {
            RecordTape tape = generator.generate(i);
            out.reset();
            encoder.encode(tape, out);
            Object read = reader.read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
            assertThat(plain(read)).as("record %d", i).isEqualTo(Decoded.expected(type, tape.valueAt(0)));
        }
    }

    @Test
    void theSameSeed_writesTheSameBytes() {
        RecordSchema schema = Presets.get("sakila").schema();
        AvroEncoder encoder = AvroEncoder.derived(schema, "Film", "io.kdg4j.test");
        assertThat(bytes(encoder, schema, 3, 500)).isEqualTo(bytes(encoder, schema, 3, 500));
    }

    @Test
    void namesAvroDoesNotAllow_areRenamed_andKeepTheRecordsNameAsAnAlias() throws Exception {
        RecordSchema schema = record(field("event-type", oneOf("rent", "buy")), field("2fa", integers(0, 1)));
        Schema avro = AvroSchemas.of(schema, "Event", "io.kdg4j.test");
        assertThat(avro.getField("event_type").aliases()).containsExactly("event-type");
        assertThat(avro.getField("_2fa").aliases()).containsExactly("2fa");
        AvroEncoder encoder = AvroEncoder.of(avro);
        RecordTape tape = RecordGenerator.of(schema, 1).generate(0);
        ByteOutput out = new ByteOutput();
        encoder.encode(tape, out);
        GenericRecord read = (GenericRecord) new GenericDatumReader<>(avro).read(null,
                DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
        assertThat(read.get("event_type").toString()).isEqualTo(tape.valueAt(0) instanceof Map<?, ?> m
                ? m.get("event-type") : null);
    }

    @Test
    void aGivenSchema_withNarrowerTypes_isWrittenAsItSays() throws Exception {
        Schema given = new Schema.Parser().parse("""
                {"type": "record", "name": "Order", "fields": [
                  {"name": "status", "type": {"type": "enum", "name": "Status", "symbols": ["NEW", "PAID"]}},
                  {"name": "quantity", "type": "int"},
                  {"name": "price", "type": "float"},
                  {"name": "note", "type": ["null", "string"], "default": null}
                ]}""");
        RecordSchema schema = record(field("status", oneOf("NEW", "PAID")), field("quantity", integers(1, 9)),
                field("price", decimals("1.00", "9.99")), field("ignored", integers(1, 2)));
        RecordTape tape = RecordGenerator.of(schema, 4).generate(7);
        ByteOutput out = new ByteOutput();
        AvroEncoder.of(given).encode(tape, out);
        GenericRecord read = (GenericRecord) new GenericDatumReader<>(given).read(null,
                DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
        Map<?, ?> record = (Map<?, ?>) tape.valueAt(0);
        assertThat(read.get("status").toString()).isEqualTo(record.get("status"));
        assertThat(read.get("quantity")).isEqualTo(((Long) record.get("quantity")).intValue());
        assertThat((Float) read.get("price")).isEqualTo(((BigDecimal) record.get("price")).floatValue());
        assertThat(read.get("note")).as("a field the record lacks, with a null default").isNull();
    }

    @Test
    void aValueTheSchemaCannotHold_failsWithThePathTheTypeAndTheValue() throws Exception {
        Schema given = new Schema.Parser().parse("""
                {"type": "record", "name": "Order", "fields": [{"name": "status", "type": "long"}]}""");
        RecordTape tape = RecordGenerator.of(record(field("status", oneOf("NEW"))), 1).generate(0);
        assertThatThrownBy(() -> AvroEncoder.of(given).encode(tape, new ByteOutput()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("$.status: the Avro schema says long but the record has text 'NEW'");
    }

    private static List<String> bytes(AvroEncoder encoder, RecordSchema schema, long seed, int count) {
        RecordGenerator generator = RecordGenerator.of(schema, seed, java.time.Clock.fixed(
                java.time.Instant.parse("2026-01-01T00:00:00Z"), java.time.ZoneOffset.UTC));
        List<String> all = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ByteOutput out = new ByteOutput();
            encoder.encode(generator.generate(i), out);
            all.add(java.util.HexFormat.of().formatHex(out.toByteArray()));
        }
        return all;
    }

    private static GenericData withDecimals() {
        GenericData data = new GenericData();
        data.addLogicalTypeConversion(new Conversions.DecimalConversion());
        return data;
    }

    /** What Avro's generic reader returned, as plain Java: maps by field name (alias if renamed), strings. */
    static Object plain(Object value) {
        if (value instanceof GenericRecord record) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Schema.Field field : record.getSchema().getFields()) {
                String name = field.aliases().isEmpty() ? field.name() : field.aliases().iterator().next();
                map.put(name, plain(record.get(field.pos())));
            }
            return map;
        }
        if (value instanceof List<?> list) {
            List<Object> items = new ArrayList<>();
            list.forEach(item -> items.add(plain(item)));
            return items;
        }
        if (value instanceof Utf8 || value instanceof GenericData.EnumSymbol) {
            return value.toString();
        }
        if (value instanceof ByteBuffer) {
            throw new AssertionError("a decimal was read as bytes: " + LogicalTypes.class);
        }
        return value;
    }
}
