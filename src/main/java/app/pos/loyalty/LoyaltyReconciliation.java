package app.pos.loyalty;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ledger's own proof: each stored balance and lifetime earned against what the customer's entries add up to.
 * The balance is the sum of every entry's points; lifetime earned is the sum of the {@code EARN} and
 * {@code REVERSAL} entries (what orders earned, less what voids and refunds took back). Reads only the two loyalty
 * tables, for a range of customer ids, so a caller can walk every account in pages, each in a short read-only
 * transaction of its own (or of the caller's, which then sees both tables in one snapshot).
 */
@Service
public class LoyaltyReconciliation {

    private static final String EARNED_TYPES = "'EARN', 'REVERSAL'";

    private final JdbcClient jdbc;

    LoyaltyReconciliation(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A customer whose stored balance or lifetime earned is not what their entries say. */
    public record Mismatch(
            UUID customerId,
            long storedBalance,
            long ledgerBalance,
            long storedLifetimeEarned,
            long ledgerLifetimeEarned) {}

    /** How many accounts (a balance row, entries, or both) the range holds, and those that do not add up. */
    public record Check(int accountsChecked, List<Mismatch> mismatches) {}

    /**
     * Checks every account whose customer id is in {@code (after, last]}; a null bound is open, so consecutive
     * ranges from {@code (null, a]} to {@code (z, null)} cover every id. Ids are compared by the database.
     */
    @Transactional(readOnly = true)
    public Check check(UUID after, UUID last) {
        StringBuilder range = new StringBuilder(" WHERE customer_id IS NOT NULL");
        Map<String, Object> params = new HashMap<>();
        if (after != null) {
            range.append(" AND customer_id > :after");
            params.put("after", after);
        }
        if (last != null) {
            range.append(" AND customer_id <= :last");
            params.put("last", last);
        }
        return check(range.toString(), params);
    }

    /** One customer's account: the mismatch, or empty when it adds up (or does not exist). */
    @Transactional(readOnly = true)
    public Optional<Mismatch> check(UUID customerId) {
        return check(" WHERE customer_id = :id", Map.of("id", customerId)).mismatches().stream()
                .findFirst();
    }

    private Check check(String range, Map<String, Object> params) {
        Map<UUID, long[]> accounts = new LinkedHashMap<>();
        jdbc.sql("SELECT customer_id, balance, lifetime_earned FROM loyalty_balances" + range)
                .params(params)
                .query(rs -> {
                    long[] a = account(accounts, rs.getObject("customer_id", UUID.class));
                    a[0] = rs.getLong("balance");
                    a[1] = rs.getLong("lifetime_earned");
                });
        jdbc.sql("SELECT customer_id, SUM(points) AS points, SUM(CASE WHEN type IN (" + EARNED_TYPES
                        + ") THEN points ELSE 0 END) AS earned FROM loyalty_entries" + range + " GROUP BY customer_id")
                .params(params)
                .query(rs -> {
                    long[] a = account(accounts, rs.getObject("customer_id", UUID.class));
                    a[2] = rs.getLong("points");
                    a[3] = rs.getLong("earned");
                });
        List<Mismatch> off = new ArrayList<>();
        accounts.forEach((id, a) -> {
            if (a[0] != a[2] || a[1] != a[3]) {
                off.add(new Mismatch(id, a[0], a[2], a[1], a[3]));
            }
        });
        return new Check(accounts.size(), off);
    }

    /** [stored balance, stored lifetime, ledger balance, ledger lifetime]; a missing side counts as zero. */
    private static long[] account(Map<UUID, long[]> accounts, UUID id) {
        return accounts.computeIfAbsent(id, k -> new long[4]);
    }
}
