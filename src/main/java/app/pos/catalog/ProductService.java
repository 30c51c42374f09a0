package app.pos.catalog;

import app.pos.shared.Money;
import app.pos.shared.Names;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
public class ProductService {

    private final ProductRepository products;
    private final Clock clock;

    ProductService(ProductRepository products, Clock clock) {
        this.products = products;
        this.clock = clock;
    }

    @Transactional
    public ProductView create(NewProduct command) {
        String sku = command.sku() == null || command.sku().isBlank()
                ? null
                : command.sku().trim();
        if (sku != null) {
            products.findIdBySku(sku).ifPresent(existing -> {
                throw DuplicateSku.of(sku, existing);
            });
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        ProductView product = new ProductView(
                UUID.randomUUID(),
                Names.normalize(command.name()),
                command.category().trim(),
                Money.of(command.price()),
                sku,
                true,
                now,
                now);
        try {
            products.insert(product);
        } catch (DuplicateKeyException race) {
            throw DuplicateSku.of(sku, products.findIdBySku(sku).orElse(null));
        }
        return product;
    }

    /** Edits a product. Orders keep the name and price they were sold at; only future sales change. */
    @Transactional
    public ProductView update(UUID id, NewProduct command) {
        String sku = command.sku() == null || command.sku().isBlank()
                ? null
                : command.sku().trim();
        if (sku != null) {
            products.findIdBySku(sku).filter(other -> !other.equals(id)).ifPresent(other -> {
                throw DuplicateSku.of(sku, other);
            });
        }
        if (!products.update(
                id,
                Names.normalize(command.name()),
                command.category().trim(),
                Money.of(command.price()),
                sku,
                OffsetDateTime.now(clock))) {
            throw ProductNotFound.byId(id);
        }
        return get(id);
    }

    /** A deactivated product disappears from the till but stays on old orders. */
    @Transactional
    public ProductView setActive(UUID id, boolean active) {
        if (!products.setActive(id, active, OffsetDateTime.now(clock))) {
            throw ProductNotFound.byId(id);
        }
        return get(id);
    }

    @Transactional
    public int renameCategory(String from, String to) {
        if (to == null || to.isBlank() || to.length() > 100 || to.matches(".*\\p{Cntrl}.*")) {
            throw app.pos.shared.InvalidInput.field(
                    "category", "must be 1 to 100 characters without control characters");
        }
        return products.renameCategory(from, to.trim(), OffsetDateTime.now(clock));
    }

    @Transactional
    public int setCategoryActive(String category, boolean active) {
        return products.setCategoryActive(category, active, OffsetDateTime.now(clock));
    }

    /** Every product, active or not, for the back office. */
    public List<ProductView> all() {
        return products.findAll();
    }

    public ProductView get(UUID id) {
        return products.findById(id).orElseThrow(() -> ProductNotFound.byId(id));
    }

    /** The menu the cashier sells from: active products by category, then name. */
    public List<ProductView> activeMenu() {
        return products.findActive();
    }

    /** Products by id, active or not, for pricing an order; ids that do not exist are simply absent. */
    public Map<UUID, ProductView> findAll(Collection<UUID> ids) {
        return products.findAllById(ids).stream().collect(Collectors.toMap(ProductView::id, Function.identity()));
    }

    public boolean isEmpty() {
        return products.count() == 0;
    }
}
