package app.pos.loyalty;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The sums over the balances that {@link LoyaltyReport} shows. */
@Repository
class ReportRepository {

    private final JdbcClient jdbc;

    ReportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long outstandingPoints() {
        return jdbc.sql("SELECT COALESCE(SUM(balance), 0) FROM loyalty_balances WHERE balance > 0")
                .query(Long.class)
                .single();
    }

    /** The customers whose balance row holds this tier (members or not: the caller asks who is a member). */
    List<UUID> customersHolding(String tier) {
        return jdbc.sql("SELECT customer_id FROM loyalty_balances WHERE tier = :tier")
                .param("tier", tier)
                .query(UUID.class)
                .list();
    }
}
