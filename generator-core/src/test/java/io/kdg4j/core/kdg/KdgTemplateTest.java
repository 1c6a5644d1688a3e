package io.kdg4j.core.kdg;

import io.kdg4j.core.kdg.helpers.HelperTable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kdg4j.core.GeneratedRecord;
import io.kdg4j.core.Records;
import io.kdg4j.core.TestRecords;
import io.kdg4j.core.encode.Encoders;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class KdgTemplateTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static List<String> render(String template, int count) {
        return Records.from(KdgTemplate.compile(template).schema()).seed(7).clock(TestRecords.FIXED_CLOCK)
                .encoder(Encoders.text()).stream(count).map(GeneratedRecord::text).collect(Collectors.toList());
    }

    static String one(String template) {
        return render(template, 1).get(0);
    }

    @Test
    void preprocessing_trimsRemovesNewlinesKeepsCarriageReturns_andLiteralsByteForByte() {
        assertThat(one("  \n{\"a\":\n  1,\r\n \"b\": \"x y\" }\n  ")).isEqualTo("{\"a\":  1,\r \"b\": \"x y\" }");
        assertThat(one("ünïcødé ✓ {{random.number(0)}} \t tab")).isEqualTo("ünïcødé ✓ 0 \t tab");
    }

    @Test
    void randomNumber_followsKdgDefaultsAndInclusiveMax() {
        Set<String> small = new HashSet<>(render("{{random.number(3)}}", 2000));
        assertThat(small).containsExactlyInAnyOrder("0", "1", "2", "3");
        Set<String> ranged = new HashSet<>(render("{{random.number({\"min\":5,\"max\":7})}}", 2000));
        assertThat(ranged).containsExactlyInAnyOrder("5", "6", "7");
        for (String v : render("{{random.number}}", 2000)) {
            assertThat(Long.parseLong(v)).isBetween(0L, 99_999L);
        }
        for (String v : render("{{random.number({\"min\":1,\"max\":2,\"precision\":0.25})}}", 500)) {
            assertThat(new BigDecimal(v).remainder(new BigDecimal("0.25"))).isZero();
            assertThat(new BigDecimal(v)).isBetween(BigDecimal.ONE, new BigDecimal(2));
        }
    }

    @Test
    void plainIntents_thatKdgGarbles_doWhatTheAuthorMeant() {
        // KDG renders NaN, Invalid Date, "Invalid module", or undefined for these
        assertThat(new HashSet<>(render("{{random.number(1,5)}}", 2000))).containsExactlyInAnyOrder("1", "2", "3",
                "4", "5");
        assertThat(render("{{date.between(\"2020-01-01\",\"2020-12-31\")}}", 200))
                .allSatisfy(v -> assertThat(v).matches("\\w{3} \\w{3} \\d{2} 2020 \\d{2}:\\d{2}:\\d{2} GMT\\+0000 "
                        + "\\(Coordinated Universal Time\\)"));
        assertThat(one("{{ name.firstName }}")).matches("[A-Z][a-z]+.*");
        assertThat(render("{{random.number.float({\"min\":1,\"max\":2,\"precision\":0.01})}}", 200))
                .allSatisfy(v -> assertThat(new BigDecimal(v)).isBetween(BigDecimal.ONE, new BigDecimal(2)));
        assertThat(render("{{random.float({\"min\":1,\"max\":2})}}", 200))
                .allSatisfy(v -> assertThat(v).matches("[12]\\.\\d{2}"));
        assertThat(new HashSet<>(render(
                "{{random.weightedArrayElement({\\\"weights\\\":[1,1],\\\"data\\\":[\\\"x\\\",\\\"y\\\"]})}}", 200)))
                .containsExactlyInAnyOrder("x", "y");
        assertThat(new HashSet<>(render("{{random.arrayElement(['a','b'])}}", 200)))
                .containsExactlyInAnyOrder("a", "b");
        assertThat(new HashSet<>(render("{{random.number({min:1,max:2})}}", 200))).containsExactlyInAnyOrder("1",
                "2");
        assertThat(one("{{{random.number(0)}}}")).isEqualTo("{0}");
        assertThat(one("{\"a\":{\"b\":1}}, \"c\":\"{{random.number(0)}}\"")).isEqualTo("{\"a\":{\"b\":1}}, \"c\":\"0\"");
        assertThat(one("{{current.timestamp}} {{current.timestamp}}"))
                .isEqualTo("2026-01-02T03:04:05+00:00 2026-01-02T03:04:05+00:00");
    }

    @Test
    void modernFakerNames_resolve() {
        assertThat(new HashSet<>(render("{{datatype.number({\"min\":1,\"max\":2})}}", 200))).containsOnly("1", "2");
        assertThat(new HashSet<>(render("{{number.int({\"min\":1,\"max\":2})}}", 200))).containsOnly("1", "2");
        assertThat(one("{{person.firstName}}")).matches("[A-Z].*");
        assertThat(one("{{string.uuid}}")).matches("[0-9a-f-]{36}");
    }

    @Test
    void arrayElements_renderAsJavaScriptPrintsThem() {
        Set<String> values = new HashSet<>(render(
                "{{random.arrayElement([\"\\\"quoted\\\"\", 1.50, true, null, [1,2], {\"k\":\"v\"}])}}", 3000));
        assertThat(values).containsExactlyInAnyOrder("\"quoted\"", "1.5", "true", "null", "1,2", "{\"k\":\"v\"}");
    }

    @Test
    void weightedArrayElement_isExact_evenForTinyWeightsKdgRoundsAway() {
        List<String> values = render("{{random.weightedArrayElement({\"weights\":[0.001,0.001,0.998],"
                + "\"data\":[\"a\",\"b\",\"c\"]})}}", 200_000);
        Map<String, Long> counts = values.stream().collect(Collectors.groupingBy(v -> v, Collectors.counting()));
        assertThat(counts).doesNotContainKey("undefined");
        assertThat(counts.get("a") / 200_000.0).isCloseTo(0.001, within(0.0003));   // se 0.00007
        assertThat(counts.get("c") / 200_000.0).isCloseTo(0.998, within(0.0006));
    }

    @Test
    void dates_useMomentFormats_andTheGeneratorClock() {
        assertThat(one("{{date.now}}|{{date.utc}}|{{date.now(\"x\")}}|{{date.now(\"X\")}}|{{date.utc(YYYY-MM-DD)}}"))
                .isEqualTo("2026-01-02T03:04:05+00:00|2026-01-02T03:04:05Z|1767323045678|1767323045|2026-01-02");
        assertThat(one("{{date.now(\"DD/MMM/YYYY:HH:mm:ss ZZ\")}}")).isEqualTo("02/Jan/2026:03:04:05 +0000");
        assertThat(one("{{date.now(\"iso\")}}")).isEqualTo("i5o");
        assertThat(KdgTemplate.compile("{{date.now(\"iso\")}}").warnings()).singleElement()
                .asString().contains("not a moment.js format");
        assertThat(render("{{date.past}}", 100)).allSatisfy(v -> assertThat(v).matches(
                "\\w{3} \\w{3} \\d{2} 202[56] \\d{2}:\\d{2}:\\d{2} GMT\\+0000 \\(Coordinated Universal Time\\)"));
        assertThat(render("{{date.future(2)}}", 100)).allSatisfy(v -> assertThat(v).matches(".* 202[678] .*"));
    }

    @Test
    void kdgOwnHelpers_sessionUuidAndNearbyCoordinates() {
        for (String v : render("{{internet.session}}", 500)) {
            assertThat(Long.parseLong(v)).isBetween(1007199254740991L, 9007199254740990L);
        }
        assertThat(one("{{random.uuid}}")).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        for (String v : render("{{address.nearbyGPSCoordinate({\"coordinate\":[47.6,-122.3],\"radius\":5,"
                + "\"isMetric\":true})}}", 500)) {
            String[] latLon = v.split(",");
            assertThat(Double.parseDouble(latLon[0])).isBetween(47.6 - 0.046, 47.6 + 0.046);  // 5 km of latitude
            assertThat(latLon[1]).matches("-122\\.\\d{4}");
        }
        for (String v : render("{{internet.ip}}", 500)) {
            assertThat(v).matches("(\\d{1,3}\\.){3}\\d{1,3}");
            for (String octet : v.split("\\.")) {
                assertThat(Integer.parseInt(octet)).isBetween(0, 255);
            }
        }
    }

    @Test
    void everyHelperInTheTable_compilesAndRenders_withItsDefaults() {
        // these transform their text argument, which is empty by default
        Set<String> emptyByDefault = Set.of("helpers.slugify", "helpers.mustache", "helpers.replaceSymbols",
                "helpers.replaceSymbolWithNumber");
        for (String name : HelperTable.helpers().keySet()) {
            String template = name.equals("address.nearbyGPSCoordinate")
                    ? "{{" + name + "({\"coordinate\":[1,2]})}}"
                    : name.equals("date.between") ? "{{" + name + "(\"2020-01-01\",\"2020-02-01\")}}"
                    : "{{" + name + "}}";
            List<String> records = render(template, 20);
            assertThat(records).as(name).allSatisfy(r -> assertThat(r).isNotNull());
            assertThat(String.join("", records)).as(name).doesNotContain("{{");
            if (!emptyByDefault.contains(name)) {
                assertThat(String.join("", records)).as(name).isNotEmpty();
            }
        }
        for (String alias : HelperTable.aliases().keySet()) {
            assertThat(HelperTable.find(alias)).as(alias).isNotNull();
        }
    }

    @Test
    void helpersWithArguments_honourThem() {
        assertThat(one("{{commerce.price(5,5,1,\"$\")}}")).isEqualTo("$5.0");
        assertThat(one("{{finance.amount(5,5,2,\"€\")}}")).isEqualTo("€5.00");
        assertThat(one("{{finance.account(12)}}")).matches("\\d{12}");
        assertThat(one("{{finance.mask}}")).matches("\\d{4}");
        assertThat(one("{{finance.mask(6,true,true)}}")).matches("\\(\\.\\.\\.\\d{6}\\)");
        assertThat(one("{{helpers.replaceSymbolWithNumber(\"ID-###\")}}")).matches("ID-\\d{3}");
        assertThat(one("{{helpers.replaceSymbols(\"#?*\")}}")).matches("\\d[A-Z]\\*");
        assertThat(one("{{helpers.slugify(\"Hello World!\")}}")).isEqualTo("Hello-World");
        assertThat(one("{{helpers.shuffle([\"a\",\"b\",\"c\"])}}")).matches("[abc],[abc],[abc]");
        assertThat(one("{{image.imageUrl(100,200,\"cats\")}}")).isEqualTo("https://loremflickr.com/100/200/cats");
        assertThat(one("{{lorem.words(5)}}").split(" ")).hasSize(5);
        assertThat(one("{{random.alphaNumeric(8)}}")).matches("[a-z0-9]{8}");
        assertThat(one("{{name.firstName(1)}}")).matches("[A-Z].*");
        assertThat(one("{{address.zipCode(\"###-##\")}}")).matches("\\d{3}-\\d{2}");
        assertThat(one("{{random.objectElement({\"a\":\"x\"},\"key\")}}")).isEqualTo("a");
        assertThat(one("{{helpers.mustache(\"hi {{name}}\", {\"name\":\"ann\"})}}")).isEqualTo("hi ann");
    }

    @Test
    void cardHelpers_renderJsonObjects_whereKdgPrintsObjectObject() throws Exception {
        JsonNode card = JSON.readTree(one("{{helpers.userCard}}"));
        assertThat(card.get("address").get("geo").get("lat").isNumber()).isTrue();
        assertThat(JSON.readTree(one("{{helpers.createTransaction}}")).get("amount").isNumber()).isTrue();
    }

    @Test
    void sameSeed_sameRecords_withDatafakerHelpersToo() {
        String template = "{{name.findName}}|{{address.city}}|{{lorem.sentence}}|{{random.uuid}}|{{company.bs}}";
        assertThat(render(template, 300)).isEqualTo(render(template, 300));
    }

    @Test
    void oversizedRecords_areReportedAtCompileTime() {
        KdgTemplate huge = KdgTemplate.compile("x".repeat(1_100_000) + "{{random.number}}");
        assertThat(huge.warnings()).anySatisfy(w -> assertThat(w).contains("over the 1 MiB (1048576 bytes) Kinesis "
                + "record limit"));
        assertThat(KdgTemplate.compile("{{random.number}}").warnings()).isEmpty();
    }

    // ----- errors -----

    @Test
    void unknownModule_failsWithPositionTokenAndSuggestion() {
        assertThatThrownBy(() -> KdgTemplate.compile("{\n  \"t\": \"{{Date.now()}}\"\n}"))
                .isInstanceOfSatisfying(TemplateException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.column()).isEqualTo(9);
                    assertThat(e.token()).isEqualTo("{{Date.now()}}");
                    assertThat(e.suggestion()).isEqualTo("did you mean date.now? (helper names are case-sensitive)");
                    assertThat(e.getMessage()).isEqualTo("line 2, column 9: unknown helper 'Date.now' in "
                            + "{{Date.now()}}; did you mean date.now? (helper names are case-sensitive)");
                });
        assertThatThrownBy(() -> KdgTemplate.compile("{{random.numbr(5)}}"))
                .hasMessageContaining("did you mean random.number?");
        assertThatThrownBy(() -> KdgTemplate.compile("a {{nothing}} b"))
                .hasMessageContaining("line 1, column 3: 'nothing' is not a helper");
    }

    @Test
    void badArguments_failWithTheHelperAndTheRule() {
        assertThatThrownBy(() -> KdgTemplate.compile("{{random.number({\"min\":5,\"max\":1})}}"))
                .hasMessageContaining("random.number: min must be <= max, but min was 5 and max was 1");
        assertThatThrownBy(() -> KdgTemplate.compile("{{random.number(abc)}}"))
                .hasMessageContaining("random.number: takes a number or {\"min\":..,\"max\":..,\"precision\":..} "
                        + "but got 'abc'");
        assertThatThrownBy(() -> KdgTemplate.compile("{{random.number({\"mni\":1})}}"))
                .hasMessageContaining("unknown option 'mni'");
        assertThatThrownBy(() -> KdgTemplate.compile("{{random.arrayElement(5)}}"))
                .hasMessageContaining("the array must be a JSON array");
        assertThatThrownBy(() -> KdgTemplate.compile(
                "{{random.weightedArrayElement({\"weights\":[1],\"data\":[\"a\",\"b\"]})}}"))
                .hasMessageContaining("weights has 1 entries and data has 2");
        assertThatThrownBy(() -> KdgTemplate.compile("{{address.nearbyGPSCoordinate}}"))
                .hasMessageContaining("needs {\"coordinate\":[latitude, longitude]}");
        assertThatThrownBy(() -> KdgTemplate.compile("{{date.between(\"2020-01-01\",\"soon\")}}"))
                .hasMessageContaining("to must be a date");
    }

    @Test
    void unbalancedBrackets_insideJsonArguments_failAtTheBracket() {
        assertThatThrownBy(() -> KdgTemplate.compile("{\"a\": {{random.number({\"min\":1])}}}"))
                .isInstanceOfSatisfying(TemplateException.class, e -> {
                    assertThat(e.column()).isEqualTo(31);
                    assertThat(e.problem()).contains("found ']' where '}' was expected");
                });
        assertThatThrownBy(() -> KdgTemplate.compile("{{random.number(5}} and {{random.uuid}}"))
                .hasMessage("line 1, column 18: unbalanced brackets in the argument of 'random.number': found '}' "
                        + "where ')' was expected in {{random.number(5}; check the argument's brackets and quotes");
        assertThatThrownBy(() -> KdgTemplate.compile("{{random.arrayElement([\"a\",\"b\"}} x }}"))
                .hasMessageContaining("found '}' where ']' was expected");
    }

    @Test
    void unterminatedToken_withNothingAfter_isKeptAsText_likeKdg() {
        KdgTemplate template = KdgTemplate.compile("a {{random.number(0)}} {{random.number(600)} z");
        assertThat(one(template.source())).isEqualTo("a 0 {{random.number(600)} z");
        assertThat(template.warnings()).singleElement().asString().contains("kept as text, as KDG does");
    }
}
