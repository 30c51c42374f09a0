package app.pos.order;

import app.pos.catalog.ProductView;
import app.pos.shared.FieldError;
import app.pos.shared.InvalidInput;
import app.pos.shared.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Prices an order from the catalog: line totals, subtotal, a discount (a reward's, see {@link #discounted}), tax on
 * (subtotal - discount) rounded half-up to the cent, and the total. The one pricing implementation: the API, the till and its cart all use it.
 */
@Component
public class OrderPricing {

    private final BigDecimal taxRate;

    OrderPricing(@Value("${pos.tax-rate:0.08}") BigDecimal taxRate) {
        if (taxRate.signum() < 0 || taxRate.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalStateException("pos.tax-rate must be between 0 and 1, was " + taxRate);
        }
        this.taxRate = taxRate;
    }

    public record Priced(
            List<OrderView.Line> lines, BigDecimal subtotal, BigDecimal discount, BigDecimal tax, BigDecimal total) {}

    /**
     * @param catalog the products the lines name, by id (missing ids and inactive products are rejected)
     */
    public Priced price(List<PlaceOrder.Line> lines, Map<UUID, ProductView> catalog) {
        List<FieldError> errors = new ArrayList<>();
        List<OrderView.Line> priced = new ArrayList<>();
        BigDecimal subtotal = Money.ZERO;
        for (int i = 0; i < lines.size(); i++) {
            PlaceOrder.Line line = lines.get(i);
            ProductView product = catalog.get(line.productId());
            if (product == null) {
                errors.add(new FieldError("items[" + i + "].productId", "no product with this id"));
                continue;
            }
            if (!product.active()) {
                errors.add(new FieldError("items[" + i + "].productId", "'" + product.name() + "' is no longer sold"));
                continue;
            }
            BigDecimal lineTotal = Money.of(product.price().multiply(BigDecimal.valueOf(line.quantity())));
            priced.add(new OrderView.Line(
                    product.id(), product.name(), Money.of(product.price()), line.quantity(), lineTotal));
            subtotal = subtotal.add(lineTotal);
        }
        if (!errors.isEmpty()) {
            throw InvalidInput.fields(errors);
        }
        return priced(priced, subtotal, Money.ZERO);
    }

    /**
     * The same lines with a discount (a loyalty reward's), never more than the subtotal; tax is on what remains.
     */
    public Priced discounted(Priced priced, BigDecimal discount) {
        return priced(
                priced.lines(),
                priced.subtotal(),
                Money.of(discount.max(BigDecimal.ZERO).min(priced.subtotal())));
    }

    private Priced priced(List<OrderView.Line> lines, BigDecimal subtotal, BigDecimal discount) {
        BigDecimal taxable = subtotal.subtract(discount);
        BigDecimal tax = taxable.multiply(taxRate).setScale(2, RoundingMode.HALF_UP);
        return new Priced(lines, subtotal, discount, tax, taxable.add(tax));
    }

    public BigDecimal taxRate() {
        return taxRate;
    }
}
