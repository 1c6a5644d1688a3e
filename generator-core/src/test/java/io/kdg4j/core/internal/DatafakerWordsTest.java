package io.kdg4j.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import net.datafaker.Faker;
import org.junit.jupiter.api.Test;

/** Reading Datafaker's YAML directly must give what Datafaker's own lookup gives, or nothing. */
class DatafakerWordsTest {
    @Test
    void givesWhatDatafakersOwnLookupGives_acrossLocalesAndNesting() {
        String[] keys = {"address.state", "address.city_suffix", "name.last_name", "name.male_first_name",
            "company.buzzwords", "color.name", "address.country", "name.first_name"};
        for (Locale locale : new Locale[] {Locale.US, Locale.ENGLISH, Locale.GERMANY, Locale.FRANCE,
            Locale.forLanguageTag("pt-BR"), Locale.JAPAN}) {
            Faker faker = new Faker(locale, new Random(0));
            for (String key : keys) {
                Object direct = DatafakerWords.fetch(locale, key);
                // Datafaker rewrites expressions as it loads them (#{male_first_name} to #{Name.maleFirstName});
                // callers take only lists of plain words from here, so only those must match
                if (direct != null && !direct.toString().contains("#{")) {
                    assertThat(direct).as("%s %s", locale, key)
                            .isEqualTo(faker.fakeValuesService().fetchObject(key, faker.getContext()));
                }
            }
        }
        assertThat(DatafakerWords.fetch(Locale.US, "address.state")).asList().hasSize(50).contains("Oklahoma");
        assertThat(DatafakerWords.fetch(Locale.GERMANY, "address.state")).asList().contains("Bayern");
    }

    @Test
    void unknownKeys_andMethodStyleNames_areLeftToDatafaker() {
        assertThat(DatafakerWords.fetch(Locale.US, "address.no_such_key")).isNull();
        assertThat(DatafakerWords.fetch(Locale.US, "nosuchnamespace.state")).isNull();
        assertThat(DatafakerWords.fetch(Locale.US, "Address.state")).isNull();
        assertThat(DatafakerWords.fetch(Locale.US, "state")).isNull();
    }
}
