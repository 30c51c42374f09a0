package app.pos.support;

import app.pos.catalog.ProductView;
import app.pos.customer.CustomerView;
import app.pos.order.OrderService;
import app.pos.order.OrderType;
import app.pos.order.OrderView;
import app.pos.order.PaymentMethod;
import app.pos.order.PlaceOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Orders for tests, as a command for the order service or as the JSON body of {@code POST /api/v1/orders}:
 * {@code Sales.of(latte, 2).forCustomer(ada).paidBy(CARD).placeWith(orders, "manager")}. A sale is dine-in, paid
 * in cash and for nobody (a walk-in) unless told otherwise.
 */
public final class Sales {

    private Sales() {}

    /** {@code quantity} of {@code product}. */
    public static Sale of(ProductView product, int quantity) {
        return of(product.id(), quantity);
    }

    /** {@code quantity} of the product with this id, for tests that know products only by id. */
    public static Sale of(UUID productId, int quantity) {
        return new Sale(List.of(new PlaceOrder.Line(productId, quantity)), null, OrderType.DINE_IN, PaymentMethod.CASH);
    }

    /** How many orders, voided ones included, the customer has: straight from the orders table. */
    public static long countOf(JdbcClient jdbc, UUID customerId) {
        return jdbc.sql("SELECT COUNT(*) FROM orders WHERE customer_id = :id")
                .param("id", customerId)
                .query(Long.class)
                .single();
    }

    public record Sale(List<PlaceOrder.Line> lines, UUID customerId, OrderType orderType, PaymentMethod payment) {

        /** Another line. */
        public Sale and(ProductView product, int quantity) {
            return and(product.id(), quantity);
        }

        public Sale and(UUID productId, int quantity) {
            List<PlaceOrder.Line> more = new ArrayList<>(lines);
            more.add(new PlaceOrder.Line(productId, quantity));
            return new Sale(List.copyOf(more), customerId, orderType, payment);
        }

        public Sale forCustomer(CustomerView customer) {
            return forCustomer(customer.id());
        }

        public Sale forCustomer(UUID id) {
            return new Sale(lines, id, orderType, payment);
        }

        public Sale as(OrderType type) {
            return new Sale(lines, customerId, type, payment);
        }

        public Sale paidBy(PaymentMethod method) {
            return new Sale(lines, customerId, orderType, method);
        }

        public PlaceOrder command() {
            return new PlaceOrder(lines, customerId, null, orderType, payment, null, null);
        }

        /** Places the sale through the service, as {@code staff}, without an idempotency key. */
        public OrderView placeWith(OrderService orders, String staff) {
            return orders.place(command(), null, staff).order();
        }

        /** The body of {@code POST /api/v1/orders}. */
        public String json() {
            StringBuilder items = new StringBuilder("[");
            for (PlaceOrder.Line line : lines) {
                items.append(items.length() > 1 ? "," : "")
                        .append(Json.object("productId", line.productId().toString(), "quantity", line.quantity()));
            }
            items.append(']');
            List<Object> fields = new ArrayList<>(List.of("items", Json.raw(items.toString())));
            if (customerId != null) {
                fields.addAll(List.of("customerId", customerId.toString()));
            }
            fields.addAll(List.of("orderType", orderType.name(), "paymentMethod", payment.name()));
            return Json.object(fields.toArray());
        }
    }
}
