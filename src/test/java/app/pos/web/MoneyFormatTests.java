package app.pos.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyFormatTests {

    @Test
    void dollarsLookAsTheyAlwaysDid() {
        MoneyFormat money = new MoneyFormat("USD", "US");
        assertThat(money.format(new BigDecimal("4.5"))).isEqualTo("$4.50");
        assertThat(money.format(new BigDecimal("0.00"))).isEqualTo("$0.00");
        assertThat(money.format(new BigDecimal("1234567.891"))).isEqualTo("$1,234,567.89");
        assertThat(money.format(new BigDecimal("0.005"))).isEqualTo("$0.01");
        assertThat(money.format(null)).isEmpty();
    }

    @Test
    void theSymbolComesFromTheConfiguredCurrencyAsTheShopsRegionWritesIt() {
        assertThat(new MoneyFormat("EUR", "DE").format(new BigDecimal("12.30"))).isEqualTo("€12.30");
        assertThat(new MoneyFormat("gbp", "gb").format(new BigDecimal("1000"))).isEqualTo("£1,000.00");
        assertThat(new MoneyFormat("CAD", "US").format(BigDecimal.ONE)).isEqualTo("CA$1.00");
        assertThat(new MoneyFormat("CAD", "CA").format(BigDecimal.ONE)).isEqualTo("$1.00");
    }

    @Test
    void anUnknownCurrencyStopsTheStart() {
        assertThatThrownBy(() -> new MoneyFormat("XYZ1", "US")).isInstanceOf(IllegalArgumentException.class);
    }
}
