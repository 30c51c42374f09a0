package app.pos.loyalty;

import static app.pos.support.Fixtures.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

import app.pos.catalog.ProductService;
import app.pos.catalog.ProductView;
import app.pos.customer.ConsentSource;
import app.pos.customer.CustomerService;
import app.pos.customer.CustomerView;
import app.pos.order.OrderService;
import app.pos.order.OrderType;
import app.pos.order.OrderView;
import app.pos.order.PaymentMethod;
import app.pos.order.PlaceOrder;
import app.pos.support.Customers;
import app.pos.support.PostgresIntegrationTest;
import app.pos.support.Products;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Several tills redeeming, at the same moment, a reward that needs a member's whole balance: exactly one order is
 * placed, the others are refused with 409 and leave nothing behind, and the balance equals the ledger.
 */
@PostgresIntegrationTest
class RedemptionConcurrencyPostgresIntegrationTests {

    private static final int TILLS = 8;

    @Autowired
    OrderService orders;

    @Autowired
    LoyaltyPrograms programs;

    @Autowired
    LoyaltyAccounts accounts;

    @Autowired
    CustomerService customers;

    @Autowired
    ProductService products;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void backToTheDefaultProgram() {
        programs.update(new LoyaltyProgram(null, null, null, null, null, null, null, null), "admin");
    }

    @Test
    void ofConcurrentOrdersThatEachNeedTheWholeBalanceExactlyOneSucceeds() throws Exception {
        UUID rewardId = UUID.randomUUID();
        programs.update(
                new LoyaltyProgram(
                        true,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        List.of(new LoyaltyProgram.Reward(
                                rewardId, "Everything", 100, new BigDecimal("5.00"), null, null, true))),
                "admin");
        ProductView soup = Products.create(products, uniqueName("Soup"), uniqueName("Soups"), "10.00");
        CustomerView ada = Customers.withPhone(customers, uniqueName("Ada Race"));
        accounts.enrol(ada.id(), ConsentSource.TILL);
        accounts.adjust(ada.id(), 100L, "Opening balance", "manager");
        PlaceOrder order = new PlaceOrder(
                List.of(new PlaceOrder.Line(soup.id(), 1)),
                ada.id(),
                null,
                OrderType.TAKEAWAY,
                PaymentMethod.CARD,
                null,
                null,
                null,
                rewardId);

        ExecutorService pool = Executors.newFixedThreadPool(TILLS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<OrderView>> placed = new ArrayList<>();
        try {
            for (int i = 0; i < TILLS; i++) {
                placed.add(pool.submit(() -> {
                    start.await();
                    return orders.place(order, null, "cashier").order();
                }));
            }
            start.countDown();
            int succeeded = 0;
            for (Future<OrderView> result : placed) {
                try {
                    assertThat(result.get().loyalty().pointsRedeemed()).isEqualTo(100);
                    succeeded++;
                } catch (ExecutionException refused) {
                    assertThat(refused.getCause())
                            .isInstanceOfSatisfying(
                                    RewardRefused.class,
                                    r -> assertThat(r.status()).isEqualTo(HttpStatus.CONFLICT));
                }
            }
            assertThat(succeeded).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }

        assertThat(jdbc.sql("SELECT COUNT(*) FROM orders WHERE customer_id = :id")
                        .param("id", ada.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM loyalty_entries WHERE customer_id = :id AND type = 'REDEEM'")
                        .param("id", ada.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        long ledger = jdbc.sql("SELECT SUM(points) FROM loyalty_entries WHERE customer_id = :id")
                .param("id", ada.id())
                .query(Long.class)
                .single();
        // 100 - 100 redeemed + 5 earned on the 5.00 paid
        assertThat(accounts.summary(ada.id()).balance()).isEqualTo(5).isEqualTo(ledger);
    }
}
