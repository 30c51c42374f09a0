package app.pos.customer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Finds likely duplicate customers: the same email; phones whose last ten digits match (the same national
 * number saved with different country codes); and very similar names at the same address.
 */
@Repository
class DuplicateFinder {

    private static final double NAME_SIMILARITY = 0.8;

    private final JdbcClient jdbc;

    DuplicateFinder(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<DuplicateGroup> find(int limit) {
        List<DuplicateGroup> groups = new ArrayList<>();
        groups.addAll(groupBy(
                DuplicateGroup.Reason.SAME_EMAIL,
                "email",
                "email IN (SELECT email FROM customers WHERE email IS NOT NULL GROUP BY email HAVING COUNT(*) > 1)",
                limit));
        groups.addAll(groupBy(
                DuplicateGroup.Reason.SAME_PHONE_DIGITS,
                "SUBSTRING(phone_digits_rev, 1, 10)",
                "SUBSTRING(phone_digits_rev, 1, 10) IN (SELECT SUBSTRING(phone_digits_rev, 1, 10) FROM customers "
                        + "WHERE phone_digits_rev IS NOT NULL GROUP BY SUBSTRING(phone_digits_rev, 1, 10) HAVING COUNT(*) > 1)",
                limit));
        for (DuplicateGroup sameAddress : groupBy(
                DuplicateGroup.Reason.SIMILAR_NAME_SAME_ADDRESS,
                "LOWER(address)",
                "LOWER(address) IN (SELECT LOWER(address) FROM customers WHERE address IS NOT NULL "
                        + "GROUP BY LOWER(address) HAVING COUNT(*) > 1)",
                limit)) {
            groups.addAll(similarNames(sameAddress));
        }
        // The same people can turn up for several reasons; show each set of customers once, first reason first.
        java.util.Set<java.util.Set<java.util.UUID>> seen = new java.util.HashSet<>();
        List<DuplicateGroup> distinct = groups.stream()
                .filter(g -> seen.add(
                        g.customers().stream().map(CustomerView::id).collect(java.util.stream.Collectors.toSet())))
                .toList();
        return distinct.size() > limit ? distinct.subList(0, limit) : distinct;
    }

    private List<DuplicateGroup> groupBy(
            DuplicateGroup.Reason reason, String keyExpression, String condition, int limit) {
        Map<String, List<CustomerView>> byKey = new LinkedHashMap<>();
        jdbc.sql("SELECT " + CustomerRepository.COLUMNS + ", " + keyExpression + " AS dup_key FROM customers WHERE "
                        + condition + " ORDER BY dup_key, created_at LIMIT :rows")
                .param("rows", limit * 10)
                .query((java.sql.ResultSet rs) -> {
                    byKey.computeIfAbsent(rs.getString("dup_key"), k -> new ArrayList<>())
                            .add(CustomerRepository.map(rs, 0));
                });
        List<DuplicateGroup> groups = new ArrayList<>();
        byKey.forEach((key, customers) -> {
            if (customers.size() > 1) {
                groups.add(new DuplicateGroup(reason, key, List.copyOf(customers)));
            }
        });
        return groups;
    }

    /** Splits customers at one address into groups whose folded names are at least 80% alike. */
    private static List<DuplicateGroup> similarNames(DuplicateGroup sameAddress) {
        List<DuplicateGroup> groups = new ArrayList<>();
        List<CustomerView> left = new ArrayList<>(sameAddress.customers());
        while (!left.isEmpty()) {
            CustomerView first = left.remove(0);
            List<CustomerView> alike = new ArrayList<>(List.of(first));
            left.removeIf(other -> {
                boolean similar =
                        similarity(SearchText.fold(first.name()), SearchText.fold(other.name())) >= NAME_SIMILARITY;
                if (similar) {
                    alike.add(other);
                }
                return similar;
            });
            if (alike.size() > 1) {
                groups.add(new DuplicateGroup(
                        sameAddress.reason(), sameAddress.key().toLowerCase(Locale.ROOT), alike));
            }
        }
        return groups;
    }

    /** 1 - (Levenshtein distance / longer length): 1 for equal names, 0 for nothing in common. */
    static double similarity(String a, String b) {
        if (a.equals(b)) {
            return 1.0;
        }
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return 1.0 - (double) previous[b.length()] / Math.max(a.length(), b.length());
    }
}
