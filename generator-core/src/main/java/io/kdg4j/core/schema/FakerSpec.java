package io.kdg4j.core.schema;

import java.util.Locale;
import java.util.function.Function;
import net.datafaker.Faker;

/**
 * A value from Datafaker: either an expression ({@code #{Address.state}}, {@code #{numerify '###'}}) or a
 * provider call ({@code faker -> faker.address().state()}), in a locale (the schema's when null). The Faker
 * handed to the function draws from the field's seeded stream, so the value repeats with the seed.
 */
public record FakerSpec(String expression, Function<Faker, ?> function, Locale locale) implements ValueSpec {

    public FakerSpec locale(Locale locale) {
        return new FakerSpec(expression, function, locale);
    }
}
