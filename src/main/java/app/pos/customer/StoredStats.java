package app.pos.customer;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The statistics as stored on the customers, for checking them against what their orders say: every customer in
 * id order, a page at a time (keyset, so a page costs the same wherever it is), or one customer.
 */
@Service
public class StoredStats {

    private final StatsRepository stats;

    StoredStats(StatsRepository stats) {
        this.stats = stats;
    }

    /** A customer's stored total spent, visit count and last visit (null when none). */
    public record Row(UUID customerId, BigDecimal totalSpent, int visits, OffsetDateTime lastVisit) {}

    /** Up to {@code limit} customers with an id after {@code after} (from the first when null), in id order. */
    @Transactional(readOnly = true)
    public List<Row> page(UUID after, int limit) {
        return stats.page(after, limit);
    }

    @Transactional(readOnly = true)
    public Optional<Row> of(UUID customerId) {
        return stats.stored(customerId);
    }
}
