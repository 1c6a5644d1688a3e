package io.kdg4j.core.kdg.helpers;

import static io.kdg4j.core.Fields.concat;
import static io.kdg4j.core.Fields.constant;
import static io.kdg4j.core.Fields.fake;
import static io.kdg4j.core.Fields.oneOf;

import io.kdg4j.core.schema.ValueSpec;

/** faker 3.1's {@code company} namespace. */
final class CompanyHelpers {
    private CompanyHelpers() {
    }

    static void register(HelperTable.Registrar table) {
        table.helper("company.suffixes", "", "the company suffixes, joined by commas (Inc,and Sons,LLC,Group)",
                call -> constant(String.join(",", DatafakerLists.words("company.suffix", 0).stream()
                        .map(String::valueOf).toList())));
        table.helper("company.companyName", "format", "faker's three patterns: last-name suffix, last - last, "
                + "last, last and last (format 0..2 picks one)", CompanyHelpers::companyName);
        table.fakeHelper("company.companySuffix", "company.suffix", "Datafaker word list `company.suffix`");
        table.fakeHelper("company.catchPhrase", "#{Company.catchPhrase}", "Datafaker `Company.catchPhrase`");
        table.fakeHelper("company.bs", "#{Company.bs}", "Datafaker `Company.bs`");
        table.helper("company.catchPhraseAdjective", "", "Datafaker `company.buzzwords` (adjectives)",
                call -> oneOf(DatafakerLists.words("company.buzzwords", 1)));
        table.helper("company.catchPhraseDescriptor", "", "Datafaker `company.buzzwords` (descriptors)",
                call -> oneOf(DatafakerLists.words("company.buzzwords", 2)));
        table.helper("company.catchPhraseNoun", "", "Datafaker `company.buzzwords` (nouns)",
                call -> oneOf(DatafakerLists.words("company.buzzwords", 3)));
        table.helper("company.bsBuzz", "", "Datafaker `company.bs` (verbs)",
                call -> oneOf(DatafakerLists.words("company.bs", 1)));
        table.helper("company.bsAdjective", "", "Datafaker `company.bs` (adjectives)",
                call -> oneOf(DatafakerLists.words("company.bs", 2)));
        table.helper("company.bsNoun", "", "Datafaker `company.bs` (nouns)",
                call -> oneOf(DatafakerLists.words("company.bs", 3)));
    }

    private static ValueSpec companyName(HelperCall call) {
        ValueSpec last = fake("name.last_name");
        ValueSpec[] patterns = {
            concat(last, " ", fake("company.suffix")),
            concat(last, " - ", last),
            concat(last, ", ", last, " and ", last)};
        return call.hasArguments() ? patterns[call.integer(0, 0, 0, 2, "format")] : oneOf((Object[]) patterns);
    }
}
