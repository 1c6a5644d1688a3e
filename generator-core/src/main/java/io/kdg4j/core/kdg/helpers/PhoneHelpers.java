package io.kdg4j.core.kdg.helpers;

import static io.kdg4j.core.Fields.fake;
import static io.kdg4j.core.Fields.oneOf;

/** faker 3.1's {@code phone} namespace. */
final class PhoneHelpers {
    private PhoneHelpers() {
    }

    static void register(HelperTable.Registrar table) {
        table.helper("phone.phoneNumber", "format", "Datafaker `PhoneNumber.phoneNumber`; with a format, each `#` "
                + "a digit", call -> call.hasArguments() ? SymbolPatterns.digitsFor(call.string(0, "###-###-####"), '#')
                : fake("#{PhoneNumber.phoneNumber}"));
        table.helper("phone.phoneNumberFormat", "index", "faker 3.1's phone format number `index` (0), each `#` a "
                + "digit", call -> {
                    int index = call.integer(0, 0, 0, Faker31Values.PHONE_FORMATS.size() - 1, "index");
                    return SymbolPatterns.digitsFor(Faker31Values.PHONE_FORMATS.get(index), '#');
                });
        table.helper("phone.phoneFormats", "", "one of faker 3.1's twenty US phone formats, such as ###-###-####",
                call -> oneOf(Faker31Values.PHONE_FORMATS));
    }
}
