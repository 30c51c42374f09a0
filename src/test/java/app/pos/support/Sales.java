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

/**
 * Orders for tests, as a command for the order service or as the JSON body of {@code POST /api/v1/orders}:
 * {@code Sales.of(latte, 2).forCustomer(ada).paidBy(CARD).placeWith(orders, "manager")}. A sale is dine-in, paid
 * in cash and for nobody (a walk-in) unless told otherwise.
 */
public final class Sales {

    private Sales() {}

    /** {@code quantity} of {@code product}. */
    public static Sale of(ProductView product, int quantity) {
        return new Sale(
                List.of(new PlaceOrder.Line(product.id(), quantity)), null, OrderType.DINE_IN, PaymentMethod.CASH);
    }

    public record Sale(List<PlaceOrder.Line> lines, UUID customerId, OrderType orderType, PaymentMethod payment) {

        /** Another line. */
        public Sale and(ProductView product, int quantity) {
            List<PlaceOrder.Line> more = new ArrayList<>(lines);
            more.add(new PlaceOrder.Line(product.id(), quantity));
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
            return customerId == null
                    ? Json.object(
                            "items",
                            Json.raw(items.toString()),
                            "orderType",
                            orderType.name(),
                            "paymentMethod",
                            payment.name())
                    : Json.object(
                            "items",
                            Json.raw(items.toString()),
                            "customerId",
                            customerId.toString(),
                            "orderType",
                            orderType.name(),
                            "paymentMethod",
                            payment.name());
        }
    }
}
