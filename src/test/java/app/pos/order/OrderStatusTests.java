package app.pos.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class OrderStatusTests {

    private final UUID orderId = UUID.fromString("7d0c7c2e-3f57-4d39-9a53-0f2f3c1b8e11");

    @Test
    void completedOrderCanBeVoided() {
        assertThat(OrderStatus.COMPLETED.voided(orderId)).isEqualTo(OrderStatus.VOIDED);
    }

    @Test
    void voidedOrderCannotBeVoidedAgain() {
        assertThatThrownBy(() -> OrderStatus.VOIDED.voided(orderId))
                .isInstanceOfSatisfying(OrderAlreadyVoided.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT);
                    assertThat(e.status().value()).isEqualTo(409);
                    assertThat(e.title()).isEqualTo("Order already voided");
                })
                .hasMessageContaining(orderId.toString());
    }
}
