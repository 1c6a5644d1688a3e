package io.kdg4j.core.kdg.helpers;

import static io.kdg4j.core.Fields.concat;
import static io.kdg4j.core.Fields.fake;
import static io.kdg4j.core.Fields.faker;
import static io.kdg4j.core.Fields.integers;
import static io.kdg4j.core.Fields.oneOf;

import io.kdg4j.core.schema.ValueSpec;
import java.util.List;
import net.datafaker.Faker;

/** faker 3.1's {@code internet} namespace, and KDG's session. */
final class InternetHelpers {
    private InternetHelpers() {
    }

    static void register(HelperTable.Registrar table) {
        table.fakeHelper("internet.avatar", "#{Avatar.image}", "Datafaker `Avatar.image`, a robohash.org URL");
        table.helper("internet.email", "firstName, lastName, provider", "userName(firstName, lastName) made "
                + "URL-safe, `@`, the provider or one of gmail.com, yahoo.com, hotmail.com (faker 3.1's rule)",
                call -> email(call, Faker31Values.FREE_EMAIL_PROVIDERS, true));
        table.helper("internet.exampleEmail", "firstName, lastName", "as `internet.email` at example.org, .com or "
                + ".net", call -> email(call, Faker31Values.EXAMPLE_EMAIL_PROVIDERS, false));
        table.helper("internet.session", "", "a whole number in [1007199254740991, 9007199254740990] (KDG's session "
                + "id, without its stray fractions)", call -> integers(1007199254740991L, 9007199254740990L));
        table.helper("internet.userName", "firstName, lastName", "faker 3.1's three forms: first+nn, "
                + "first(.|_)last, first(.|_)last+nn (nn in 0..99), names from Datafaker unless given",
                call -> userName(call.string(0, null), call.string(1, null)));
        table.helper("internet.protocol", "", "http or https", call -> oneOf("http", "https"));
        table.helper("internet.url", "", "protocol://domainName, as faker 3.1 (no path)",
                call -> concat(oneOf("http", "https"), "://", domainName()));
        table.helper("internet.domainName", "", "domainWord.domainSuffix", call -> domainName());
        table.helper("internet.domainSuffix", "", "one of faker 3.1's com, biz, info, name, net, org",
                call -> oneOf(Faker31Values.DOMAIN_SUFFIXES));
        table.fakeHelper("internet.domainWord", "#{Internet.domainWord}", "Datafaker `Internet.domainWord`");
        table.helper("internet.ip", "", "an IPv4 address, four numbers in [0, 255]", call -> concat(
                integers(0, 255), ".", integers(0, 255), ".", integers(0, 255), ".", integers(0, 255)));
        table.helper("internet.userAgent", "", "a desktop browser's user agent of faker 3.1's day (Chrome, IE, "
                + "Firefox, Safari) with random versions", call -> faker(UserAgents::next));
        table.helper("internet.color", "baseRed255, baseGreen255, baseBlue255", "`#rrggbb`, mixed with the base color "
                + "when given", call -> {
                    int red = call.integer(0, 0, 0, 255, "baseRed255");
                    int green = call.integer(1, 0, 0, 255, "baseGreen255");
                    int blue = call.integer(2, 0, 0, 255, "baseBlue255");
                    return faker(f -> String.format("#%02x%02x%02x", (f.random().nextInt(256) + red) / 2,
                            (f.random().nextInt(256) + green) / 2, (f.random().nextInt(256) + blue) / 2));
                });
        table.fakeHelper("internet.mac", "#{Internet.macAddress}", "Datafaker `Internet.macAddress`");
        table.helper("internet.password", "length", "`length` (15) word characters (letters, digits, `_`), as "
                + "faker 3.1's default pattern", call -> {
                    int length = call.integer(0, 15, 1, 1024, "length");
                    return fake("#{regexify '[A-Za-z0-9_]{" + length + "}'}");
                });
    }

    private static ValueSpec domainName() {
        return concat(fake("#{Internet.domainWord}"), ".", oneOf(Faker31Values.DOMAIN_SUFFIXES));
    }

    /** faker 3.1's userName: one of three forms, apostrophes and spaces removed. */
    static ValueSpec userName(String firstName, String lastName) {
        return faker(f -> userName(f, firstName, lastName));
    }

    private static String userName(Faker f, String firstName, String lastName) {
        String first = firstName != null ? firstName : f.name().firstName();
        String last = lastName != null ? lastName : f.name().lastName();
        String name = switch (f.random().nextInt(3)) {
            case 0 -> first + f.random().nextInt(100);
            case 1 -> first + (f.random().nextBoolean() ? "." : "_") + last;
            default -> first + (f.random().nextBoolean() ? "." : "_") + last + f.random().nextInt(100);
        };
        return name.replace("'", "").replace(" ", "");
    }

    private static ValueSpec email(HelperCall call, List<String> providers, boolean providerArgument) {
        String firstName = call.string(0, null);
        String lastName = call.string(1, null);
        String provider = providerArgument ? call.string(2, null) : null;
        return faker(f -> HelpersHelpers.slugify(userName(f, firstName, lastName)) + "@"
                + (provider != null ? provider : providers.get(f.random().nextInt(providers.size()))));
    }
}
