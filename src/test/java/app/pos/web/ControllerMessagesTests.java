package app.pos.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The controllers' messages read as the literals they replaced, quotes and large counts included. */
class ControllerMessagesTests {

    private final MessageSourceAccessor messages = messages();

    private static MessageSourceAccessor messages() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("messages"); // as Spring Boot configures it
        source.setDefaultEncoding("UTF-8");
        return new MessageSourceAccessor(source, Locale.ENGLISH);
    }

    @Test
    void countsAreNotGroupedAndQuotesStay() {
        assertThat(messages.getMessage("import.tooLong", new Object[] {50_000}))
                .isEqualTo("The file has more than 50000 rows; split it.");
        assertThat(messages.getMessage("products.categoryRenamed", new Object[] {"Tea", "Hot tea", 1234}))
                .isEqualTo("Renamed category 'Tea' to 'Hot tea' (1234 products).");
        assertThat(messages.getMessage("products.categoryDeactivated", new Object[] {3, "Tea"}))
                .isEqualTo("Deactivated 3 products in 'Tea'.");
        assertThat(messages.getMessage("import.imported", new Object[] {1200, 0}))
                .isEqualTo("Imported 1200 customers; 0 rows were rejected (see the report).");
        assertThat(messages.getMessage("merge.done", new Object[] {1001, "Ada O'Brien"}))
                .isEqualTo("Merged: 1001 orders moved to Ada O'Brien.");
    }

    @Test
    void aMessageWithoutArgumentsIsTakenAsWritten() {
        assertThat(messages.getMessage("import.nameColumn"))
                .isEqualTo("Choose the column that holds the customer's name.");
        assertThat(messages.getMessage("products.priceNotNumber")).isEqualTo("must be a number such as 4.50");
    }
}
