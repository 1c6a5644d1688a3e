package io.kdg4j.core.kdg.helpers;

import static io.kdg4j.core.Fields.fake;
import static io.kdg4j.core.Fields.faker;

import net.datafaker.Faker;

/** faker 3.1's {@code lorem} namespace. */
final class LoremHelpers {
    private LoremHelpers() {
    }

    static void register(HelperTable.Registrar table) {
        table.fakeHelper("lorem.word", "lorem.words", "Datafaker word list `lorem.words`");
        table.helper("lorem.words", "count", "`count` (3) Datafaker lorem words, space-separated", call -> {
            int count = call.integer(0, 3, 0, 10_000, "count");
            return faker(f -> String.join(" ", f.lorem().words(count)));
        });
        table.helper("lorem.sentence", "wordCount", "`wordCount` (3..10) Datafaker lorem words, the first "
                + "capitalised, then a full stop", call -> {
                    int words = call.integer(0, 0, 1, 10_000, "wordCount");
                    return faker(f -> sentence(f, words > 0 ? words : 3 + f.random().nextInt(8)));
                });
        table.helper("lorem.sentences", "count", "`count` (3) lorem sentences, space-separated", call -> {
            int count = call.integer(0, 3, 0, 10_000, "count");
            return faker(f -> String.join(" ", f.lorem().sentences(count)));
        });
        table.helper("lorem.paragraph", "sentenceCount", "a lorem paragraph of about `sentenceCount` (3) sentences",
                call -> {
                    int count = call.integer(0, 3, 0, 10_000, "sentenceCount");
                    return faker(f -> f.lorem().paragraph(count));
                });
        table.helper("lorem.paragraphs", "count", "`count` (3) lorem paragraphs joined by \"\\n \\r\" as faker.js does",
                call -> {
                    int count = call.integer(0, 3, 0, 1_000, "count");
                    return faker(f -> String.join("\n \r", f.lorem().paragraphs(count)));
                });
        table.helper("lorem.text", "", "a lorem paragraph", call -> fake("#{Lorem.paragraph}"));
        table.helper("lorem.lines", "count", "`count` (1..5) lorem sentences joined by \\n", call -> {
            int count = call.integer(0, 0, 0, 10_000, "count");
            return faker(f -> String.join("\n", f.lorem().sentences(count > 0 ? count : 1 + f.random().nextInt(5))));
        });
    }

    /** faker 3.1's sentence: exactly that many words, the first letter upper-case, a full stop. */
    private static String sentence(Faker f, int words) {
        String text = String.join(" ", f.lorem().words(words));
        return text.isEmpty() ? "." : Character.toUpperCase(text.charAt(0)) + text.substring(1) + ".";
    }
}
