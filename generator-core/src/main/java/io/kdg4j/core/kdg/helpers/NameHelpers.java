package io.kdg4j.core.kdg.helpers;

import static io.kdg4j.core.Fields.concat;
import static io.kdg4j.core.Fields.fake;
import static io.kdg4j.core.Fields.oneOf;

import io.kdg4j.core.schema.ValueSpec;

/** faker 3.1's {@code name} namespace. */
final class NameHelpers {
    private NameHelpers() {
    }

    static void register(HelperTable.Registrar table) {
        table.helper("name.firstName", "gender", "Datafaker word lists `name.male_first_name` / `female_first_name` "
                + "(0 = male, 1 = female, none = either)", call -> {
                    Object gender = call.argument(0);
                    if (gender == null) {
                        return firstName();
                    }
                    return fake(JsText.of(gender).equals("1") ? "name.female_first_name" : "name.male_first_name");
                });
        table.fakeHelper("name.lastName", "name.last_name", "Datafaker word list `name.last_name`");
        table.fakeHelper("name.findName", "#{Name.fullName}", "Datafaker `Name.fullName`");
        table.helper("name.jobTitle", "", "descriptor area type, from faker 3.1's three job lists",
                call -> jobTitle());
        table.fakeHelper("name.prefix", "name.prefix", "Datafaker word list `name.prefix`");
        table.fakeHelper("name.suffix", "name.suffix", "Datafaker word list `name.suffix`");
        table.helper("name.title", "", "as `name.jobTitle` (faker 3.1 builds both alike)", call -> jobTitle());
        table.helper("name.jobDescriptor", "", "one of faker 3.1's job descriptors (Lead, Senior...)",
                call -> oneOf(Faker31Values.JOB_DESCRIPTORS));
        table.helper("name.jobArea", "", "one of faker 3.1's job areas (Solutions, Program...)",
                call -> oneOf(Faker31Values.JOB_AREAS));
        table.helper("name.jobType", "", "one of faker 3.1's job types (Supervisor, Associate...)",
                call -> oneOf(Faker31Values.JOB_TYPES));
    }

    /** A first name of either gender, as faker's name.firstName() without an argument. */
    static ValueSpec firstName() {
        return oneOf(fake("name.male_first_name"), fake("name.female_first_name"));
    }

    private static ValueSpec jobTitle() {
        return concat(oneOf(Faker31Values.JOB_DESCRIPTORS), " ", oneOf(Faker31Values.JOB_AREAS), " ",
                oneOf(Faker31Values.JOB_TYPES));
    }
}
