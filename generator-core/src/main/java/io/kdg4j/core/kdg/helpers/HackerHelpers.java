package io.kdg4j.core.kdg.helpers;

import static io.kdg4j.core.Fields.fake;
import static io.kdg4j.core.Fields.oneOf;

/** faker 3.1's {@code hacker} namespace. */
final class HackerHelpers {
    private HackerHelpers() {
    }

    static void register(HelperTable.Registrar table) {
        table.fakeHelper("hacker.abbreviation", "hacker.abbreviation", "Datafaker word list `hacker.abbreviation`");
        table.fakeHelper("hacker.adjective", "hacker.adjective", "Datafaker word list `hacker.adjective`");
        table.fakeHelper("hacker.noun", "hacker.noun", "Datafaker word list `hacker.noun`");
        table.fakeHelper("hacker.verb", "hacker.verb", "Datafaker word list `hacker.verb`");
        table.fakeHelper("hacker.ingverb", "hacker.ingverb", "Datafaker word list `hacker.ingverb`");
        table.helper("hacker.phrase", "", "a sentence made of Datafaker hacker words", call -> oneOf(
                fake("Try to #{Hacker.verb} the #{Hacker.abbreviation} #{Hacker.noun}, maybe it will "
                        + "#{Hacker.verb} the #{Hacker.adjective} #{Hacker.noun}!"),
                fake("The #{Hacker.abbreviation} #{Hacker.noun} is down, #{Hacker.verb} the #{Hacker.adjective} "
                        + "#{Hacker.noun} so we can #{Hacker.verb} the #{Hacker.abbreviation} #{Hacker.noun}!"),
                fake("#{Hacker.ingverb} the #{Hacker.noun} won't do anything, we need to #{Hacker.verb} the "
                        + "#{Hacker.adjective} #{Hacker.abbreviation} #{Hacker.noun}!")));
    }
}
