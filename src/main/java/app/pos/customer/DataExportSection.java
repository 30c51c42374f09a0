package app.pos.customer;

import java.util.UUID;

/**
 * A feature's part of a customer's data export (GDPR Art. 15 and 20): a bean implementing this is asked for what
 * its feature holds about the customer, and the answer appears in the document's {@code sections} under
 * {@link #name()}. This is how features the customer feature cannot depend on (loyalty, marketing) add their data
 * without a cycle. Called inside the export's read transaction, once per export.
 */
public interface DataExportSection {

    /** The section's key in {@code sections}, e.g. {@code loyalty}: lower camel case, unique among sections. */
    String name();

    /**
     * What this feature holds about the customer, as a record (or list of records) Jackson writes as JSON; an
     * empty list or record when it holds nothing, never null.
     */
    Object export(UUID customerId);
}
