package io.kdg4j.core.kdg.helpers;

import static io.kdg4j.core.Fields.concat;
import static io.kdg4j.core.Fields.fake;
import static io.kdg4j.core.Fields.oneOf;
import static io.kdg4j.core.Fields.weighted;
import static io.kdg4j.core.kdg.helpers.SymbolPatterns.digits;

import io.kdg4j.core.schema.ChoiceSpec;
import io.kdg4j.core.schema.ValueSpec;
import java.math.BigDecimal;
import java.util.List;

/** faker 3.1's {@code finance} namespace. */
final class FinanceHelpers {
    private FinanceHelpers() {
    }

    static void register(HelperTable.Registrar table) {
        table.helper("finance.account", "length", "`length` (8) random digits", call -> digits(call.integer(0, 8, 1, 64,
                "length")));
        table.helper("finance.accountName", "", "an account type + \" Account\"", call -> concat(oneOf("Checking",
                "Savings", "Money Market", "Investment", "Home Loan", "Credit Card", "Auto Loan", "Personal Loan"),
                " Account"));
        table.helper("finance.mask", "length, parens, ellipsis", "`length` (4) digits; in `(` `)` and after `...` "
                + "when parens and ellipsis are true (faker 3.1: not by default)", call -> {
                    int length = call.integer(0, 4, 1, 64, "length");
                    boolean parens = call.bool(1, false);
                    boolean ellipsis = call.bool(2, false);
                    return concat((parens ? "(" : "") + (ellipsis ? "..." : ""), digits(length), parens ? ")" : "");
                });
        table.helper("finance.amount", "min, max, dec, symbol", "symbol + a whole number in [min, max] (0..1000) "
                + "printed with dec (2) zero decimals, as faker.js 3.1 does (`614.00`)",
                call -> CommerceHelpers.wholeAmount(call, BigDecimal.ZERO));
        table.helper("finance.transactionType", "", "one of deposit, withdrawal, payment, invoice",
                call -> oneOf("deposit", "withdrawal", "payment", "invoice"));
        table.fakeHelper("finance.currencyCode", "#{Money.currencyCode}", "Datafaker `Money.currencyCode`");
        table.helper("finance.currencyName", "", "a name from Datafaker's `currency.name` list (those without "
                + "dates in brackets, as faker 3.1's are)", call -> oneOf(currencyNames()));
        table.helper("finance.currencySymbol", "", "the symbol of one of faker 3.1's currencies that has one ($ "
                + "most often, as 22 of them use it)", call -> currencySymbol());
        table.fakeHelper("finance.bitcoinAddress", "#{regexify '[13][a-km-zA-HJ-NP-Z1-9]{25,32}'}",
                "a base58 text of 26 to 33 characters starting with 1 or 3");
    }

    private static List<Object> currencyNames() {
        return DatafakerLists.words("currency.name", 0).stream().filter(name -> !String.valueOf(name).contains("("))
                .toList();
    }

    private static ValueSpec currencySymbol() {
        ChoiceSpec choice = weighted();
        for (var symbol : Faker31Values.CURRENCY_SYMBOLS.entrySet()) {
            choice = choice.option(symbol.getKey(), symbol.getValue());
        }
        return choice;
    }
}
