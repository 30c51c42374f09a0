package app.pos.loyalty;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The program's one row and its tiers, rewards and excluded categories (replaced as a whole on update). */
@Repository
class ProgramRepository {

    private final JdbcClient jdbc;

    ProgramRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One small query, so an order in a shop without the program costs little. */
    boolean enabled() {
        return jdbc.sql("SELECT enabled FROM loyalty_program WHERE id = 1")
                .query(Boolean.class)
                .single();
    }

    boolean returnsRedeemedPointsOnVoid() {
        return jdbc.sql("SELECT return_redeemed_points_on_void FROM loyalty_program WHERE id = 1")
                .query(Boolean.class)
                .single();
    }

    LoyaltyProgram load() {
        List<LoyaltyProgram.Tier> tiers = jdbc.sql(
                        "SELECT name, qualifying_spend, multiplier FROM loyalty_tiers ORDER BY seq")
                .query((rs, n) -> new LoyaltyProgram.Tier(
                        rs.getString("name"), rs.getBigDecimal("qualifying_spend"), rs.getBigDecimal("multiplier")))
                .list();
        List<LoyaltyProgram.Reward> rewards = jdbc.sql("SELECT id, name, points, discount_amount, discount_percent, "
                        + "free_product_id, active FROM loyalty_rewards ORDER BY seq")
                .query((rs, n) -> new LoyaltyProgram.Reward(
                        rs.getObject("id", UUID.class),
                        rs.getString("name"),
                        rs.getInt("points"),
                        rs.getBigDecimal("discount_amount"),
                        rs.getBigDecimal("discount_percent"),
                        rs.getObject("free_product_id", UUID.class),
                        rs.getBoolean("active")))
                .list();
        List<String> excluded = jdbc.sql("SELECT category FROM loyalty_excluded_categories ORDER BY category")
                .query(String.class)
                .list();
        return jdbc.sql("SELECT enabled, points_per_unit, earn_basis, points_expire_after_months, "
                        + "return_redeemed_points_on_void FROM loyalty_program WHERE id = 1")
                .query((rs, n) -> new LoyaltyProgram(
                        rs.getBoolean("enabled"),
                        rs.getBigDecimal("points_per_unit"),
                        rs.getString("earn_basis"),
                        excluded,
                        (Integer) rs.getObject("points_expire_after_months"),
                        rs.getBoolean("return_redeemed_points_on_void"),
                        tiers,
                        rewards))
                .single();
    }

    void replace(LoyaltyProgram program, String by, OffsetDateTime at) {
        jdbc.sql("UPDATE loyalty_program SET enabled = :enabled, points_per_unit = :ppu, earn_basis = :basis, "
                        + "points_expire_after_months = :months, return_redeemed_points_on_void = :returned, "
                        + "updated_at = :at, updated_by = :by WHERE id = 1")
                .param("enabled", program.enabled())
                .param("ppu", program.pointsPerUnit())
                .param("basis", program.earnBasis())
                .param("months", program.pointsExpireAfterMonths())
                .param("returned", program.returnRedeemedPointsOnVoid())
                .param("at", at)
                .param("by", by)
                .update();
        jdbc.sql("DELETE FROM loyalty_tiers").update();
        for (int i = 0; i < program.tiers().size(); i++) {
            LoyaltyProgram.Tier tier = program.tiers().get(i);
            jdbc.sql("INSERT INTO loyalty_tiers (seq, name, qualifying_spend, multiplier) VALUES (:seq, :name, "
                            + ":spend, :multiplier)")
                    .param("seq", i)
                    .param("name", tier.name())
                    .param("spend", tier.qualifyingSpend())
                    .param("multiplier", tier.multiplier())
                    .update();
        }
        jdbc.sql("DELETE FROM loyalty_rewards").update();
        for (int i = 0; i < program.rewards().size(); i++) {
            LoyaltyProgram.Reward reward = program.rewards().get(i);
            jdbc.sql("INSERT INTO loyalty_rewards (id, seq, name, points, discount_amount, discount_percent, "
                            + "free_product_id, active) VALUES (:id, :seq, :name, :points, :amount, :percent, "
                            + ":product, :active)")
                    .param("id", reward.id())
                    .param("seq", i)
                    .param("name", reward.name())
                    .param("points", reward.points())
                    .param("amount", reward.discountAmount())
                    .param("percent", reward.discountPercent())
                    .param("product", reward.freeProductId())
                    .param("active", reward.active())
                    .update();
        }
        jdbc.sql("DELETE FROM loyalty_excluded_categories").update();
        for (String category : program.excludedCategories()) {
            jdbc.sql("INSERT INTO loyalty_excluded_categories (category) VALUES (:category)")
                    .param("category", category)
                    .update();
        }
    }
}
