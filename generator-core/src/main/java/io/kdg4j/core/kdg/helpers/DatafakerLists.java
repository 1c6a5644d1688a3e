package io.kdg4j.core.kdg.helpers;

import io.kdg4j.core.internal.DatafakerWords;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import net.datafaker.Faker;

/** Datafaker's English word lists, read once, for helpers that pick from a part of one. */
final class DatafakerLists {
    private DatafakerLists() {
    }

    /** A Datafaker word list (part {@code part} of a list of lists when part > 0). */
    @SuppressWarnings("unchecked")
    static List<Object> words(String key, int part) {
        Object list = DatafakerWords.fetch(Locale.US, key);
        if (list == null) {
            Faker faker = new Faker(Locale.US, new Random(0));
            list = faker.fakeValuesService().fetchObject(key, faker.getContext());
        }
        List<Object> words = (List<Object>) list;
        return part > 0 ? (List<Object>) words.get(part - 1) : words;
    }
}
