package app.pos.loyalty;

import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The program's one row and its tiers, rewards and excluded categories (replaced as a whole on update). */
@Repository
class ProgramRepository {

    private final JdbcClient jdbc;

    private static final String LOAD = """
            SELECT 'P' AS kind, 0 AS seq, CAST(earn_basis AS VARCHAR(100)) AS name, enabled AS flag, return_redeemed_points_on_void AS flag2,
                   points_per_unit AS amount, CAST(NULL AS NUMERIC(12, 2)) AS amount2,
                   points_expire_after_months AS whole, CAST(NULL AS UUID) AS id, CAST(NULL AS UUID) AS product
            FROM loyalty_program WHERE id = 1
            UNION ALL
            SELECT 'T', seq, name, NULL, NULL, qualifying_spend, multiplier, NULL, NULL, NULL FROM loyalty_tiers
            UNION ALL
            SELECT 'R', seq, name, active, NULL, discount_amount, discount_percent, points, id, free_product_id
            FROM loyalty_rewards
            UNION ALL
            SELECT 'X', 0, category, NULL, NULL, NULL, NULL, NULL, NULL, NULL FROM loyalty_excluded_categories
            ORDER BY kind, seq, name
            """;

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

    /**
     * The program with its tiers, rewards and excluded categories in one statement (one round trip per order, and
     * one consistent read: an ADMIN's replacement is seen whole or not at all). Each row is one of them, by kind.
     */
    LoyaltyProgram load() {
        List<LoyaltyProgram.Tier> tiers = new ArrayList<>();
        List<LoyaltyProgram.Reward> rewards = new ArrayList<>();
        List<String> excluded = new ArrayList<>();
        AtomicReference<LoyaltyProgram> settings = new AtomicReference<>();
        jdbc.sql(LOAD).query((ResultSet rs) -> {
            switch (rs.getString("kind")) {
                case "P" ->
                    settings.set(new LoyaltyProgram(
                            rs.getBoolean("flag"),
                            rs.getBigDecimal("amount"),
                            rs.getString("name"),
                            List.of(),
                            rs.getObject("whole", Integer.class),
                            rs.getBoolean("flag2"),
                            List.of(),
                            List.of()));
                case "T" ->
                    tiers.add(new LoyaltyProgram.Tier(
                            rs.getString("name"), rs.getBigDecimal("amount"), rs.getBigDecimal("amount2")));
                case "R" ->
                    rewards.add(new LoyaltyProgram.Reward(
                            rs.getObject("id", UUID.class),
                            rs.getString("name"),
                            rs.getInt("whole"),
                            rs.getBigDecimal("amount"),
                            rs.getBigDecimal("amount2"),
                            rs.getObject("product", UUID.class),
                            rs.getBoolean("flag")));
                default -> excluded.add(rs.getString("name"));
            }
        });
        LoyaltyProgram program = settings.get();
        if (program == null) {
            throw new IllegalStateException("loyalty_program has no row 1");
        }
        return new LoyaltyProgram(
                program.enabled(),
                program.pointsPerUnit(),
                program.earnBasis(),
                List.copyOf(excluded),
                program.pointsExpireAfterMonths(),
                program.returnRedeemedPointsOnVoid(),
                List.copyOf(tiers),
                List.copyOf(rewards));
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
