package app.pos.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The idempotency fingerprint is the order request as JSON: a request without {@code cashTendered} (or {@code rewardId}) must serialize
 * as it did before the field existed, or a client's retry across the upgrade would be refused as a different request.
 */
class PlaceOrderJsonTests {

    final JsonMapper json = JsonMapper.builder().build();
    final List<PlaceOrder.Line> items = List.of(new PlaceOrder.Line(UUID.randomUUID(), 2));

    @Test
    void withoutCashTenderedTheJsonHasNoSuchField() {
        PlaceOrder card = new PlaceOrder(items, null, null, OrderType.TAKEAWAY, PaymentMethod.CARD, null, null);

        assertThat(json.writeValueAsString(card))
                .doesNotContain("cashTendered", "rewardId")
                .contains("\"note\":null");
    }

    @Test
    void withARewardTheJsonCarriesIt() {
        UUID reward = UUID.randomUUID();
        PlaceOrder redeeming =
                new PlaceOrder(items, null, null, OrderType.TAKEAWAY, PaymentMethod.CARD, null, null, null, reward);

        assertThat(json.writeValueAsString(redeeming))
                .contains("\"rewardId\":\"" + reward + "\"")
                .doesNotContain("cashTendered");
    }

    @Test
    void withCashTenderedTheJsonCarriesIt() {
        PlaceOrder cash = new PlaceOrder(
                items, null, null, OrderType.TAKEAWAY, PaymentMethod.CASH, null, null, new BigDecimal("20.00"));

        assertThat(json.writeValueAsString(cash)).contains("\"cashTendered\":20.00");
    }
}
