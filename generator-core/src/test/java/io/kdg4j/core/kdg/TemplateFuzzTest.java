package io.kdg4j.core.kdg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.kdg4j.core.RecordGenerator;
import io.kdg4j.core.TestRecords;
import io.kdg4j.core.encode.Encoders;
import io.kdg4j.core.record.ByteOutput;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A seeded mutator over real templates: whatever it makes either compiles and renders, or fails with a
 * {@link TemplateException} that has a position. Never another exception, a hang or a stack overflow.
 */
class TemplateFuzzTest {
    private static final long SEED = 20261122L;
    private static final int ROUNDS = 4000;

    /** Our own templates, so the fuzzer runs even where the shared corpus is absent. */
    private static final List<String> OWN = List.of(
            "{\"id\": \"{{random.uuid}}\", \"n\": {{random.number({\"min\":1,\"max\":9})}}, \"t\": \"{{date.now}}\"}",
            "{{internet.ip}} - {{name.firstName}} [{{date.now(\"DD/MMM/YYYY:HH:mm:ss ZZ\")}}] \"{{random"
                    + ".weightedArrayElement({\"weights\":[0.6,0.4],\"data\":[\"GET\",\"POST\"]})}}\"",
            "{\"a\":{{random.arrayElement([\"x\",[1,{\"b\":\"}}\"}],null])}},\"c\":\"{{date.utc(YYYY-MM-DD)}}\"}",
            "{{address.nearbyGPSCoordinate({\"coordinate\":[1,2],\"radius\":3})}} {{lorem.words(2)}}");

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void mutatedTemplates_compileOrFailWithAPosition() throws Exception {
        List<String> seeds = new ArrayList<>(OWN);
        Path corpus = Corpus.directory();
        if (corpus != null) {
            for (String name : Corpus.templateNames()) {
                seeds.add(Files.readString(corpus.resolve("templates").resolve(name + ".txt"), StandardCharsets.UTF_8));
            }
        }
        SplittableRandom random = new SplittableRandom(SEED);
        int compiled = 0;
        int rejected = 0;
        for (int round = 0; round < ROUNDS; round++) {
            String seed = seeds.get(random.nextInt(seeds.size()));
            String mutant = mutate(seed, random);
            if (check(mutant, round)) {
                compiled++;
            } else {
                rejected++;
            }
        }
        // The mix shows the mutator reaches both sides.
        assertThat(compiled).isGreaterThan(ROUNDS / 10);
        assertThat(rejected).isGreaterThan(ROUNDS / 10);
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void extremeInputs_areHandled() {
        check("{{random.arrayElement(" + "[".repeat(200_000) + "1" + "]".repeat(200_000) + ")}}", -1);
        check("{{random.arrayElement(" + "[".repeat(200_000) + ")}}", -2);
        check("{{random.number(" + "9".repeat(100_000) + ")}}", -3);
        check("{{random.arrayElement([" + "\"x\",".repeat(200_000) + "\"y\"])}}", -4);
        check("{".repeat(500_000) + "}".repeat(500_000), -5);
        check("{{".repeat(300_000), -6);
        check(("{\"k\": \"{{random.number(5)}}\", ").repeat(30_000), -7);
        check("{{random.number(5)}}" + "x".repeat(1 << 20), -8);
        check("{{lorem.words(100000)}}", -9);
        check("\u0000\uFFFF\uD800{{\uDC00}}", -10);
    }

    /** True when the mutant compiled (and rendered), false when it was rejected properly. */
    private static boolean check(String template, int round) {
        KdgTemplate compiled;
        try {
            compiled = KdgTemplate.compile(template);
        } catch (TemplateException e) {
            assertThat(e.line()).as("round %d", round).isPositive();
            assertThat(e.column()).as("round %d", round).isPositive();
            assertThat(e.getMessage()).as("round %d", round).startsWith("line " + e.line() + ", column ");
            return false;
        } catch (Throwable t) {
            fail("round " + round + " threw " + t + " for template of " + template.length() + " chars: "
                    + abbreviate(template), t);
            return false;
        }
        try {
            RecordGenerator generator = RecordGenerator.of(compiled.schema(), round, TestRecords.FIXED_CLOCK);
            ByteOutput out = new ByteOutput();
            for (int i = 0; i < 3; i++) {
                Encoders.text().encode(generator.generate(i), out);
            }
        } catch (Throwable t) {
            fail("round " + round + " compiled but could not render: " + t + " for " + abbreviate(template), t);
        }
        return true;
    }

    private static String mutate(String template, SplittableRandom random) {
        StringBuilder text = new StringBuilder(template);
        int mutations = 1 + random.nextInt(3);
        for (int m = 0; m < mutations && text.length() > 0; m++) {
            int at = random.nextInt(text.length());
            switch (random.nextInt(8)) {
                case 0 -> text.setLength(at); // truncation
                case 1 -> text.setCharAt(at, "{}[]()\"'\\,:".charAt(random.nextInt(11))); // bracket and quote flips
                case 2 -> text.insert(at, randomChars(random, 1 + random.nextInt(8)));
                case 3 -> text.deleteCharAt(at);
                case 4 -> text.insert(at, "{{" + pick(random, "random.number", "random.arrayElement", "date.now",
                        "Date.now", "foo.bar", "random.weightedArrayElement", "", " ") + "("
                        + pick(random, "", "1", "{\"min\":2,\"max\":1}", "[\"a\"", "[]", "{", "\"x\"", "1,2,3",
                        "{\"weights\":[1],\"data\":[]}", "null") + pick(random, ")}}", "}}", ")", ")}") );
                case 5 -> text.insert(at, "x".repeat(random.nextInt(50_000)));
                case 6 -> text.insert(at, "[".repeat(1 + random.nextInt(3000)));
                default -> {
                    String copy = text.toString();
                    text.append(copy, 0, Math.min(copy.length(), 1 + random.nextInt(copy.length())));
                }
            }
        }
        return text.toString();
    }

    private static String randomChars(SplittableRandom random, int count) {
        StringBuilder chars = new StringBuilder();
        for (int i = 0; i < count; i++) {
            chars.append((char) (random.nextBoolean() ? random.nextInt(128) : random.nextInt(0x10000)));
        }
        return chars.toString();
    }

    private static String pick(SplittableRandom random, String... options) {
        return options[random.nextInt(options.length)];
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }
}
