package app.pos.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.pos.catalog.ProductView;
import app.pos.shared.FieldError;
import app.pos.shared.InvalidInput;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OrderPricingTests {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2025, 1, 1, 12, 0, 0, 0, ZoneOffset.UTC);

    private static ProductView product(String name, String price, boolean active) {
        return new ProductView(UUID.randomUUID(), name, "Drinks", new BigDecimal(price), null, active, NOW, NOW);
    }

    private static Map<UUID, ProductView> catalog(ProductView... products) {
        return java.util.Arrays.stream(products).collect(java.util.stream.Collectors.toMap(ProductView::id, p -> p));
    }

    private static PlaceOrder.Line line(ProductView product, int quantity) {
        return new PlaceOrder.Line(product.id(), quantity);
    }

    @Test
    void pricesLinesFromTheCatalogAndAddsTax() {
        ProductView latte = product("Latte", "2.15", true);
        ProductView muffin = product("Muffin", "2.50", true);
        OrderPricing pricing = new OrderPricing(new BigDecimal("0.08"));

        OrderPricing.Priced priced = pricing.price(List.of(line(latte, 2), line(muffin, 1)), catalog(latte, muffin));

        assertThat(priced.lines())
                .containsExactly(
                        new OrderView.Line(latte.id(), "Latte", new BigDecimal("2.15"), 2, new BigDecimal("4.30")),
                        new OrderView.Line(muffin.id(), "Muffin", new BigDecimal("2.50"), 1, new BigDecimal("2.50")));
        assertThat(priced.subtotal()).isEqualTo(new BigDecimal("6.80"));
        assertThat(priced.discount()).isEqualTo(new BigDecimal("0.00"));
        // 6.80 * 0.08 = 0.544
        assertThat(priced.tax()).isEqualTo(new BigDecimal("0.54"));
        assertThat(priced.total()).isEqualTo(new BigDecimal("7.34"));
    }

    @Test
    void aDiscountComesOffTheSubtotalBeforeTaxAndNeverExceedsIt() {
        ProductView soup = product("Soup", "10.00", true);
        OrderPricing pricing = new OrderPricing(new BigDecimal("0.08"));
        OrderPricing.Priced priced = pricing.price(List.of(line(soup, 1)), catalog(soup));

        OrderPricing.Priced five = pricing.discounted(priced, new BigDecimal("5.00"));
        OrderPricing.Priced tooMuch = pricing.discounted(priced, new BigDecimal("25.00"));

        assertThat(five.discount()).isEqualTo(new BigDecimal("5.00"));
        assertThat(five.tax()).isEqualTo(new BigDecimal("0.40"));
        assertThat(five.total()).isEqualTo(new BigDecimal("5.40"));
        assertThat(tooMuch.discount()).isEqualTo(new BigDecimal("10.00"));
        assertThat(tooMuch.tax()).isEqualTo(new BigDecimal("0.00"));
        assertThat(tooMuch.total()).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void allAmountsHaveTwoDecimals() {
        ProductView tea = product("Tea", "3", true);
        OrderPricing pricing = new OrderPricing(new BigDecimal("0.1"));

        OrderPricing.Priced priced = pricing.price(List.of(line(tea, 3)), catalog(tea));

        // isEqualTo on BigDecimal compares scale too: "9.00" is not equal to "9"
        assertThat(priced.lines().get(0).unitPrice()).isEqualTo(new BigDecimal("3.00"));
        assertThat(priced.lines().get(0).lineTotal()).isEqualTo(new BigDecimal("9.00"));
        assertThat(priced.subtotal()).isEqualTo(new BigDecimal("9.00"));
        assertThat(priced.tax()).isEqualTo(new BigDecimal("0.90"));
        assertThat(priced.total()).isEqualTo(new BigDecimal("9.90"));
        assertThat(List.of(priced.subtotal(), priced.discount(), priced.tax(), priced.total()))
                .extracting(BigDecimal::scale)
                .containsOnly(2);
    }

    @Test
    void taxIsRoundedHalfUpToTheCent() {
        ProductView sandwich = product("Sandwich", "3.50", true);
        ProductView soup = product("Soup", "3.00", true);
        OrderPricing pricing = new OrderPricing(new BigDecimal("0.0625"));

        OrderPricing.Priced priced = pricing.price(List.of(line(sandwich, 2), line(soup, 1)), catalog(sandwich, soup));

        assertThat(priced.subtotal()).isEqualTo(new BigDecimal("10.00"));
        // 10.00 * 0.0625 = 0.625: half-up gives 0.63 (half-even or truncation would give 0.62)
        assertThat(priced.tax()).isEqualTo(new BigDecimal("0.63"));
        assertThat(priced.total()).isEqualTo(new BigDecimal("10.63"));
    }

    @Test
    void taxJustBelowHalfACentRoundsDown() {
        ProductView item = product("Item", "9.99", true);
        OrderPricing pricing = new OrderPricing(new BigDecimal("0.0625"));

        OrderPricing.Priced priced = pricing.price(List.of(line(item, 1)), catalog(item));

        // 9.99 * 0.0625 = 0.624375
        assertThat(priced.tax()).isEqualTo(new BigDecimal("0.62"));
        assertThat(priced.total()).isEqualTo(new BigDecimal("10.61"));
    }

    @Test
    void totalIsSubtotalPlusTax() {
        ProductView a = product("A", "12.34", true);
        ProductView b = product("B", "0.99", true);
        OrderPricing pricing = new OrderPricing(new BigDecimal("0.0875"));

        OrderPricing.Priced priced = pricing.price(List.of(line(a, 7), line(b, 13)), catalog(a, b));

        assertThat(priced.subtotal()).isEqualTo(new BigDecimal("99.25"));
        // 99.25 * 0.0875 = 8.684375
        assertThat(priced.tax()).isEqualTo(new BigDecimal("8.68"));
        assertThat(priced.total())
                .isEqualTo(priced.subtotal().add(priced.tax()))
                .isEqualTo(new BigDecimal("107.93"));
    }

    @Test
    void zeroTaxRateAndFullTaxRateAreAllowed() {
        ProductView item = product("Item", "4.20", true);

        assertThat(new OrderPricing(BigDecimal.ZERO)
                        .price(List.of(line(item, 1)), catalog(item))
                        .total())
                .isEqualTo(new BigDecimal("4.20"));
        assertThat(new OrderPricing(BigDecimal.ONE)
                        .price(List.of(line(item, 1)), catalog(item))
                        .total())
                .isEqualTo(new BigDecimal("8.40"));
    }

    @Test
    void unknownProductIsRejectedWithTheIndexOfItsLine() {
        ProductView latte = product("Latte", "2.15", true);
        OrderPricing pricing = new OrderPricing(new BigDecimal("0.08"));
        List<PlaceOrder.Line> lines = List.of(line(latte, 1), new PlaceOrder.Line(UUID.randomUUID(), 1));

        assertThatThrownBy(() -> pricing.price(lines, catalog(latte))).isInstanceOfSatisfying(InvalidInput.class, e -> {
            assertThat(e.errors()).extracting(FieldError::field).containsExactly("items[1].productId");
            assertThat(e.status().value()).isEqualTo(400);
        });
    }

    @Test
    void inactiveProductIsRejectedAsNoLongerSold() {
        ProductView latte = product("Latte", "2.15", true);
        ProductView oldCake = product("Old cake", "1.00", false);
        OrderPricing pricing = new OrderPricing(new BigDecimal("0.08"));

        assertThatThrownBy(() -> pricing.price(List.of(line(oldCake, 1), line(latte, 1)), catalog(latte, oldCake)))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        e -> assertThat(e.errors())
                                .containsExactly(new FieldError("items[0].productId", "'Old cake' is no longer sold")))
                .hasMessageContaining("no longer sold")
                .hasMessageContaining("items[0].productId");
    }

    @Test
    void everyBadLineIsReported() {
        ProductView latte = product("Latte", "2.15", true);
        ProductView oldCake = product("Old cake", "1.00", false);
        OrderPricing pricing = new OrderPricing(new BigDecimal("0.08"));
        List<PlaceOrder.Line> lines =
                List.of(new PlaceOrder.Line(UUID.randomUUID(), 1), line(latte, 1), line(oldCake, 2));

        assertThatThrownBy(() -> pricing.price(lines, catalog(latte, oldCake)))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        e -> assertThat(e.errors())
                                .extracting(FieldError::field)
                                .containsExactly("items[0].productId", "items[2].productId"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-0.01", "-1", "1.01", "2"})
    void taxRateOutsideZeroToOneIsRejected(String rate) {
        assertThatThrownBy(() -> new OrderPricing(new BigDecimal(rate)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(rate);
    }

    @Test
    void taxRateIsExposed() {
        assertThat(new OrderPricing(new BigDecimal("0.0625")).taxRate()).isEqualByComparingTo("0.0625");
    }
}
