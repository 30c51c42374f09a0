package app.pos.tools;

import app.pos.catalog.ProductView;
import app.pos.order.OrderPricing;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import org.postgresql.PGConnection;

/**
 * The generated orders and their lines: repeat visits following a long tail (a few regulars, many one-off
 * visitors), ~10% walk-ins, ~2% voided, taxed at the configured rate. Deterministic for a seed.
 */
final class GeneratedOrders {

    private final OrderPricing pricing;
    private final long seed;

    GeneratedOrders(OrderPricing pricing, long seed) {
        this.pricing = pricing;
        this.seed = seed;
    }

    /**
     * Writes the orders (items = false) or their lines (items = true). Both passes derive order o from the same
     * seeded random stream, so the lines match the orders without keeping five million orders in memory.
     */
    void copy(
            PGConnection pg,
            int orders,
            GeneratedCustomers.Customer[] people,
            List<ProductView> menu,
            OffsetDateTime start,
            OffsetDateTime now,
            boolean items)
            throws SQLException {
        CopyRows copy = new CopyRows(
                pg,
                items
                        ? "COPY order_items (order_id, line_no, product_id, product_name, unit_price, quantity, line_total) FROM STDIN (FORMAT csv)"
                        : """
                COPY orders (id, number, customer_id, customer_name, customer_number, customer_address, order_type,
                             payment_method, status, delivery_address, subtotal, discount, tax, total, created_by,
                             placed_in_pos, created_at) FROM STDIN (FORMAT csv)""");
        long span = Duration.between(start, now).getSeconds();
        String[] types = {
            "TAKEAWAY",
            "TAKEAWAY",
            "TAKEAWAY",
            "TAKEAWAY",
            "TAKEAWAY",
            "TAKEAWAY",
            "DINE_IN",
            "DINE_IN",
            "DINE_IN",
            "DELIVERY"
        };
        String[] payments = {"CARD", "CARD", "CARD", "CASH", "CASH", "OTHER"};
        for (int o = 0; o < orders; o++) {
            SplittableRandom r = new SplittableRandom(seed * 104_729 + o);
            UUID id = new UUID(seed * 15_485_863L + o, r.nextLong());
            OffsetDateTime at = start.plusSeconds(span * o / orders + r.nextInt(60));
            GeneratedCustomers.Customer customer =
                    r.nextInt(100) < 10 ? null : people[(int) (people.length * Math.pow(r.nextDouble(), 2.5))];
            int lineCount = 1 + r.nextInt(3);
            List<String[]> lines = new ArrayList<>();
            BigDecimal subtotal = BigDecimal.ZERO.setScale(2);
            for (int l = 0; l < lineCount; l++) {
                ProductView p = menu.get(r.nextInt(menu.size()));
                int quantity = 1 + (r.nextInt(4) == 0 ? 1 : 0);
                BigDecimal lineTotal =
                        p.price().multiply(BigDecimal.valueOf(quantity)).setScale(2, RoundingMode.HALF_UP);
                subtotal = subtotal.add(lineTotal);
                lines.add(new String[] {
                    p.id().toString(),
                    p.name(),
                    p.price().toPlainString(),
                    String.valueOf(quantity),
                    lineTotal.toPlainString()
                });
            }
            String type = types[r.nextInt(types.length)];
            String payment = payments[r.nextInt(payments.length)];
            String status = r.nextInt(100) < 2 ? "VOIDED" : "COMPLETED";
            if (items) {
                for (int l = 0; l < lines.size(); l++) {
                    String[] line = lines.get(l);
                    copy.row(id, l + 1, line[0], line[1], line[2], line[3], line[4]);
                }
            } else {
                BigDecimal tax = subtotal.multiply(pricing.taxRate()).setScale(2, RoundingMode.HALF_UP);
                String delivery = "DELIVERY".equals(type) && customer != null ? customer.address() : null;
                if ("DELIVERY".equals(type) && customer == null) {
                    type = "TAKEAWAY";
                }
                copy.row(
                        id,
                        1001L + o,
                        customer == null ? null : customer.id(),
                        customer == null ? null : customer.name(),
                        customer == null ? null : customer.phone(),
                        customer == null ? null : customer.address(),
                        type,
                        payment,
                        status,
                        delivery,
                        subtotal.toPlainString(),
                        "0.00",
                        tax.toPlainString(),
                        subtotal.add(tax).toPlainString(),
                        "generator",
                        true,
                        at);
            }
        }
        copy.end();
    }
}
