package app.pos.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Currency;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Amounts as pages show them, {@code ${@money.format(amount)}}: the shop's currency symbol ({@code pos.currency},
 * default USD, as written in the shop's region {@code pos.default-region}) before the amount with two decimals
 * and thousands commas, e.g. {@code $1,234.50}. Not a Spring {@code Formatter}: that would also change how
 * request parameters such as the customer filter's "spent from" are parsed.
 */
@Component("money")
class MoneyFormat {

    private final String symbol;

    MoneyFormat(@Value("${pos.currency:USD}") String currency, @Value("${pos.default-region:US}") String region) {
        Locale shop = new Locale.Builder()
                .setLanguage("en")
                .setRegion(region.toUpperCase(Locale.ROOT))
                .build();
        this.symbol =
                Currency.getInstance(currency.trim().toUpperCase(Locale.ROOT)).getSymbol(shop);
    }

    public String format(BigDecimal amount) {
        if (amount == null) {
            return "";
        }
        // A new DecimalFormat per call: the class is not thread-safe, and it costs less than a lock.
        DecimalFormat decimals = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        decimals.setRoundingMode(RoundingMode.HALF_UP);
        return symbol + decimals.format(amount);
    }
}
