package io.kdg4j.core.kdg.helpers;

import static io.kdg4j.core.Fields.concat;
import static io.kdg4j.core.Fields.decimals;
import static io.kdg4j.core.Fields.oneOf;

import io.kdg4j.core.schema.ValueSpec;
import java.math.BigDecimal;

/** faker 3.1's {@code commerce} namespace. */
final class CommerceHelpers {
    private CommerceHelpers() {
    }

    static void register(HelperTable.Registrar table) {
        table.fakeHelper("commerce.color", "color.name", "Datafaker word list `color.name`");
        table.helper("commerce.department", "", "one of faker 3.1's 22 departments (Books, Movies... Jewelery)",
                call -> oneOf(Faker31Values.DEPARTMENTS));
        table.helper("commerce.productName", "", "adjective material product, from faker 3.1's three lists",
                call -> concat(oneOf(Faker31Values.PRODUCT_ADJECTIVES), " ", oneOf(Faker31Values.PRODUCT_MATERIALS),
                        " ", oneOf(Faker31Values.PRODUCTS)));
        table.helper("commerce.price", "min, max, dec, symbol", "symbol + a whole number in [min, max] (1..1000) "
                + "printed with dec (2) zero decimals, as faker.js does (`614.00`)", call -> wholeAmount(call,
                BigDecimal.ONE));
        table.helper("commerce.productAdjective", "", "one of faker 3.1's 17 product adjectives",
                call -> oneOf(Faker31Values.PRODUCT_ADJECTIVES));
        table.helper("commerce.productMaterial", "", "one of faker 3.1's 11 product materials",
                call -> oneOf(Faker31Values.PRODUCT_MATERIALS));
        table.helper("commerce.product", "", "one of faker 3.1's 24 products",
                call -> oneOf(Faker31Values.PRODUCTS));
    }

    /**
     * faker 3.1's price and finance.amount: a whole number in [min, max] (faker draws it with random.number),
     * printed with {@code dec} zero decimals.
     */
    static ValueSpec wholeAmount(HelperCall call, BigDecimal defaultMin) {
        BigDecimal min = call.number(0, defaultMin, "min");
        BigDecimal max = call.number(1, BigDecimal.valueOf(1000), "max");
        int dec = call.integer(2, 2, 0, 10, "dec");
        String symbol = call.string(3, "");
        if (min.compareTo(max) > 0) {
            throw call.error("min must be <= max, but min was " + min.toPlainString() + " and max was "
                    + max.toPlainString());
        }
        ValueSpec whole = decimals(min, max).step("1");
        return concat(symbol, whole, dec == 0 ? "" : "." + "0".repeat(dec));
    }
}
