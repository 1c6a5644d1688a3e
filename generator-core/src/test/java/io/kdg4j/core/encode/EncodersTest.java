package io.kdg4j.core.encode;

import static io.kdg4j.core.Fields.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.kdg4j.core.RecordGenerator;
import io.kdg4j.core.RecordSchema;
import io.kdg4j.core.TestRecords;
import io.kdg4j.core.record.ByteOutput;
import io.kdg4j.core.record.RecordTape;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EncodersTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Strings that break naive writers: quotes, backslashes, controls, separators, emoji, lone surrogates. */
    static final List<String> HOSTILE = List.of(
            "", "plain", "quote \" inside", "back\\slash", "new\nline", "cr\rlf\r\n", "tab\t", "\u0000nul",
            "\u001f unit sep", "\u007f del", "comma, inside", "\"\"", "</script>", "\u2028\u2029",
            "日本語テキスト", "emoji \uD83D\uDE00 pair", "lone high \uD800 end", "lone low \uDC00 end",
            "ünïcödé", "a\u0300 combining", "x".repeat(10_000));

    private static String encode(RecordEncoder encoder, RecordSchema schema, long index) {
        RecordTape tape = RecordGenerator.of(schema, 1, TestRecords.FIXED_CLOCK).generate(index);
        ByteOutput out = new ByteOutput();
        encoder.encode(tape, out);
        return out.toUtf8String();
    }

    @Test
    void json_escapesHostileStrings_andRoundTrips() throws Exception {
        for (String hostile : HOSTILE) {
            RecordSchema schema = record(field(hostile.isEmpty() ? "empty" : hostile, hostile),
                    field("generated", concat(hostile)));
            String json = encode(Encoders.json(), schema, 0);
            JsonNode node = JSON.readTree(json);
            String expected = expectedAfterUtf8(hostile);
            assertThat(node.get("generated").asText()).as("value %s", json).isEqualTo(hostile.contains("\uD800")
                    || hostile.contains("\uDC00") ? hostile : expected);
            assertThat(json).doesNotContain("\n").doesNotContain("\r");
        }
    }

    /** Lone surrogates are written as escapes, which a JSON reader turns back into the same chars. */
    private static String expectedAfterUtf8(String s) {
        return new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }

    @Test
    void json_writesNumbersBooleansNullsAndNesting() throws Exception {
        RecordSchema schema = record(
                field("long", Long.MIN_VALUE), field("max", Long.MAX_VALUE), field("neg", -7),
                field("dec", new BigDecimal("-0.05")), field("d", 1.0), field("tiny", 1e-300), field("nan", Double.NaN),
                field("t", true), field("f", false), field("n", (Object) null),
                field("arr", arrayOf(object(field("x", 1)), 2)), field("empty", object()));
        String json = encode(Encoders.json(), schema, 0);
        assertThat(json).isEqualTo("{\"long\":-9223372036854775808,\"max\":9223372036854775807,\"neg\":-7,"
                + "\"dec\":-0.05,\"d\":1.0,\"tiny\":1.0E-300,\"nan\":null,\"t\":true,\"f\":false,\"n\":null,"
                + "\"arr\":[{\"x\":1},{\"x\":1}],\"empty\":{}}");
        assertThat(JSON.readTree(json).get("tiny").asDouble()).isEqualTo(1e-300);
    }

    @Test
    void json_isValidForRandomUnicodeStrings() throws Exception {
        SplittableRandom random = new SplittableRandom(99);
        for (int i = 0; i < 2_000; i++) {
            StringBuilder s = new StringBuilder();
            int length = random.nextInt(20);
            for (int c = 0; c < length; c++) {
                s.append((char) random.nextInt(0x10000));
            }
            String json = encode(Encoders.json(), record(field("s", concat(s.toString()))), 0);
            JsonNode node = JSON.readTree(json);
            assertThat(node.get("s").asText()).hasSize(s.length());
        }
    }

    @Test
    void jsonLines_addsOneNewline() {
        assertThat(encode(Encoders.jsonLines(), record(field("a", 1)), 0)).isEqualTo("{\"a\":1}\n");
    }

    @Test
    void csv_followsRfc4180_forHostileStrings() throws Exception {
        for (String hostile : HOSTILE) {
            if (hostile.contains("\uD800") || hostile.contains("\uDC00")) {
                continue; // not representable in UTF-8 text at all
            }
            RecordSchema schema = record(field("before", 1), field("s", hostile), field("after", "z"));
            String line = encode(Encoders.csv(schema), schema, 0);
            List<List<String>> rows = parseCsv(line + "\r\n");
            assertThat(rows).hasSize(1);
            assertThat(rows.get(0)).containsExactly("1", hostile, "z");
        }
    }

    @Test
    void csv_flattensNestedObjects_andKeepsTheWidthForNullObjects() throws Exception {
        RecordSchema schema = record(
                field("id", sequence()),
                field("geo", object(field("lat", 1.5), field("inner", object(field("a", "x"), field("b", "y"))))
                        .nullable(0.5)),
                field("tags", arrayOf(oneOf("p", "q"), 2)));
        CsvEncoder csv = Encoders.csv(schema).withHeader();
        assertThat(csv.columns()).containsExactly("id", "geo.lat", "geo.inner.a", "geo.inner.b", "tags");
        ByteOutput out = new ByteOutput();
        csv.writeHeader(out);
        out.write((byte) '\n');
        RecordGenerator generator = RecordGenerator.of(schema, 3, TestRecords.FIXED_CLOCK);
        for (int i = 0; i < 50; i++) {
            csv.encode(generator.generate(i), out);
            out.write((byte) '\n');
        }
        List<List<String>> rows = parseCsv(out.toUtf8String());
        assertThat(rows).hasSize(51);
        boolean sawNull = false;
        boolean sawValue = false;
        for (List<String> row : rows.subList(1, 51)) {
            assertThat(row).hasSize(5);
            if (row.get(1).isEmpty()) {
                sawNull = true;
                assertThat(row.subList(1, 4)).containsOnly("");
            } else {
                sawValue = true;
                assertThat(row.subList(1, 4)).containsExactly("1.5", "x", "y");
            }
            assertThat(JSON.readTree(row.get(4)).size()).isEqualTo(2);
        }
        assertThat(sawNull).isTrue();
        assertThat(sawValue).isTrue();
    }

    @Test
    void text_writesStringsRaw_andAnythingElseAsJson() {
        assertThat(encode(Encoders.text(), RecordSchema.of(concat("a \"b\" ", 1)), 0)).isEqualTo("a \"b\" 1");
        assertThat(encode(Encoders.text(), record(field("a", 1)), 0)).isEqualTo("{\"a\":1}");
    }

    @Test
    void forFormat_namesTheAllowedFormats() {
        RecordSchema schema = record(field("a", 1));
        assertThat(Encoders.forFormat("JSON", schema).name()).isEqualTo("json");
        assertThat(Encoders.forFormat("csv", schema).name()).isEqualTo("csv");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Encoders.forFormat("xml", schema))
                .hasMessage("format must be one of json, jsonl, csv, text but was 'xml'");
    }

    private static List<List<String>> parseCsv(String text) throws Exception {
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvParser.Feature.WRAP_AS_ARRAY);
        List<List<String>> rows = new ArrayList<>();
        try (MappingIterator<List<String>> it = mapper.readerForListOf(String.class).readValues(text)) {
            while (it.hasNext()) {
                rows.add(it.next());
            }
        }
        return rows;
    }

    @SuppressWarnings("unused")
    private static Map<String, Object> unused() {
        return Map.of();
    }

    @org.junit.jupiter.api.Test
    void gzip_zipsEachRecordOnItsOwn_andUnzipsToTheSameBytes() throws Exception {
        io.kdg4j.core.RecordSchema schema = io.kdg4j.core.kdg.KdgTemplate.compile(
                "{\"id\": {{random.number(1000)}}, \"name\": \"{{name.firstName}}\"}").schema();
        io.kdg4j.core.RecordGenerator generator = io.kdg4j.core.RecordGenerator.of(schema, 3);
        for (int i = 0; i < 20; i++) {
            io.kdg4j.core.record.RecordTape record = generator.generate(i);
            io.kdg4j.core.record.ByteOutput plain = new io.kdg4j.core.record.ByteOutput(64);
            Encoders.text().encode(record, plain);
            io.kdg4j.core.record.ByteOutput zipped = new io.kdg4j.core.record.ByteOutput(64);
            Encoders.gzip(Encoders.text()).encode(record, zipped);
            byte[] bytes = zipped.toByteArray();
            assertThat(bytes[0] & 0xff).isEqualTo(0x1f);
            assertThat(bytes[1] & 0xff).isEqualTo(0x8b);
            try (java.util.zip.GZIPInputStream in = new java.util.zip.GZIPInputStream(
                    new java.io.ByteArrayInputStream(bytes))) {
                assertThat(in.readAllBytes()).isEqualTo(plain.toByteArray());
            }
        }
        assertThat(Encoders.gzip(Encoders.json()).name()).isEqualTo("json+gzip");
    }
}
