package app.pos.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Every count shown on the till, the back office and the dashboard reads right for 0, 1 and 2. */
class PluralMessagesTests {

    private final MessageSourceAccessor messages = messages();

    private static MessageSourceAccessor messages() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("messages"); // as Spring Boot configures it
        source.setDefaultEncoding("UTF-8");
        return new MessageSourceAccessor(source, Locale.ENGLISH);
    }

    /** A count key with the texts for 0, 1 and 2 (the count is the first argument, then any others). */
    private record Count(String key, List<String> texts, Object... others) {}

    @Test
    void eachCountKeyReadsRightForZeroOneAndTwo() {
        List<Count> counts = List.of(
                new Count("customer.visits", List.of("0 visits", "1 visit", "2 visits")),
                new Count("profile.days", List.of("0 days", "1 day", "2 days")),
                new Count("dashboard.orderCount", List.of("0 orders", "1 order", "2 orders")),
                new Count("customers.count", List.of("0 customers", "1 customer", "2 customers")),
                new Count(
                        "customers.countCapped",
                        List.of("more than 0 customers", "more than 1 customer", "more than 2 customers")),
                new Count(
                        "import.valid",
                        List.of("0 rows can be imported", "1 row can be imported", "2 rows can be imported")),
                new Count(
                        "import.rejected", List.of("0 rows are rejected", "1 row is rejected", "2 rows are rejected")),
                new Count("import.run", List.of("Import 0 customers", "Import 1 customer", "Import 2 customers")),
                new Count("import.done", List.of("0 rows were imported", "1 row was imported", "2 rows were imported")),
                new Count(
                        "merge.done",
                        List.of(
                                "Merged: 0 orders moved to Ada.",
                                "Merged: 1 order moved to Ada.",
                                "Merged: 2 orders moved to Ada."),
                        "Ada"),
                new Count(
                        "delete.orders",
                        List.of(
                                "They have no orders.",
                                "Their order stays, with the name, phone and address it was sold under, but no"
                                        + " longer linked to a customer.",
                                "Their 2 orders stay, with the name, phone and address they were sold under, but no"
                                        + " longer linked to a customer.")),
                new Count(
                        "products.categoryActivated",
                        List.of(
                                "Activated 0 products in 'Tea'.",
                                "Activated 1 product in 'Tea'.",
                                "Activated 2 products in 'Tea'."),
                        "Tea"),
                new Count(
                        "products.categoryDeactivated",
                        List.of(
                                "Deactivated 0 products in 'Tea'.",
                                "Deactivated 1 product in 'Tea'.",
                                "Deactivated 2 products in 'Tea'."),
                        "Tea"));
        Map<String, List<String>> expected = new LinkedHashMap<>();
        Map<String, List<String>> resolved = new LinkedHashMap<>();
        for (Count count : counts) {
            expected.put(count.key(), count.texts());
            resolved.put(
                    count.key(),
                    List.of(0, 1, 2).stream()
                            .map(n -> resolve(count.key(), n, count.others()))
                            .toList());
        }
        assertThat(resolved).isEqualTo(expected);
    }

    @Test
    void countsInTheMiddleOfAMessageReadRightToo() {
        assertThat(messages.getMessage("products.categoryRenamed", new Object[] {"Tea", "Hot tea", 1}))
                .isEqualTo("Renamed category 'Tea' to 'Hot tea' (1 product).");
        assertThat(messages.getMessage("products.categoryRenamed", new Object[] {"Tea", "Hot tea", 2}))
                .isEqualTo("Renamed category 'Tea' to 'Hot tea' (2 products).");
        assertThat(messages.getMessage("import.imported", new Object[] {1, 1}))
                .isEqualTo("Imported 1 customer; 1 row was rejected (see the report).");
        assertThat(messages.getMessage("import.imported", new Object[] {0, 2}))
                .isEqualTo("Imported 0 customers; 2 rows were rejected (see the report).");
    }

    @Test
    void theDeletedCustomersOrdersAreCountedAfterTheirName() {
        assertThat(messages.getMessage("delete.done", new Object[] {"Ada", 0}))
                .isEqualTo("Ada was deleted. They had no orders.");
        assertThat(messages.getMessage("delete.done", new Object[] {"Ada", 1}))
                .isEqualTo("Ada was deleted. Their order was kept, no longer linked to a customer.");
        assertThat(messages.getMessage("delete.done", new Object[] {"Ada", 1200}))
                .isEqualTo("Ada was deleted. Their 1200 orders were kept, no longer linked to a customer.");
    }

    private String resolve(String key, int count, Object[] others) {
        Object[] args = new Object[1 + others.length];
        args[0] = count;
        System.arraycopy(others, 0, args, 1, others.length);
        return messages.getMessage(key, args);
    }
}
