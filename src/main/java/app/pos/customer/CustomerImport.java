package app.pos.customer;

import app.pos.shared.CustomerDetails;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports customers from a CSV file (for example another POS's export): maps columns to fields, validates every
 * row (required name, phone normalization, email, duplicates inside the file and against existing customers)
 * and imports the valid rows in one transaction. A row that carries another system's customer id is matched on
 * that id (remembered per source on import): a known customer is never created again, only their empty fields
 * are filled from the row. Importing the same file again creates nothing new.
 */
@Service
public class CustomerImport {

    public static final int MAX_ROWS = 50_000;
    /** The contact fields a column can hold, validated as {@link CustomerDetails}. */
    public static final List<String> FIELDS = List.of("name", "phone", "email", "address");
    /** The column holding the other system's id of the customer. */
    public static final String EXTERNAL_ID = "externalId";
    /** Everything a column can be mapped to. */
    public static final List<String> COLUMNS = List.of("name", "phone", "email", "address", EXTERNAL_ID);

    private final CustomerService customers;
    private final ImportChecker checker;
    private final Contacts contacts;
    private final ExternalIds externalIds;
    private final Clock clock;

    CustomerImport(
            CustomerService customers, ImportChecker checker, Contacts contacts, ExternalIds externalIds, Clock clock) {
        this.customers = customers;
        this.checker = checker;
        this.contacts = contacts;
        this.externalIds = externalIds;
        this.clock = clock;
    }

    /** What importing a valid row does: create a customer, fill blanks of the one it matched, or nothing. */
    public enum Outcome {
        CREATE,
        UPDATE,
        UNCHANGED
    }

    /**
     * A data row of the file: its line number (1 = header), the mapped details, the other system's id, the
     * customer that id matched, what importing it does, and why it is refused.
     */
    public record Row(
            int line, CustomerDetails details, String externalId, UUID customerId, Outcome outcome, String rejection)
            implements java.io.Serializable {

        public Row(int line, CustomerDetails details, String rejection) {
            this(line, details, null, null, Outcome.CREATE, rejection);
        }

        Row rejected(String reason) {
            return new Row(line, details, externalId, customerId, outcome, reason);
        }

        /** Not rejected, and importing it changes something. */
        public boolean valid() {
            return rejection == null && outcome != Outcome.UNCHANGED;
        }

        boolean is(Outcome o) {
            return rejection == null && outcome == o;
        }
    }

    /** The checked rows, and the source whose ids their {@code externalId}s are (null without an id column). */
    public record Checked(String source, List<Row> rows) implements java.io.Serializable {

        public Checked(List<Row> rows) {
            this(null, rows);
        }

        public List<Row> valid() {
            return rows.stream().filter(Row::valid).toList();
        }

        public long count(Outcome outcome) {
            return rows.stream().filter(r -> r.is(outcome)).count();
        }

        public long toCreate() {
            return count(Outcome.CREATE);
        }

        public long toUpdate() {
            return count(Outcome.UPDATE);
        }

        public long unchanged() {
            return count(Outcome.UNCHANGED);
        }

        public List<Row> rejected() {
            return rows.stream().filter(r -> r.rejection() != null).toList();
        }
    }

    /** What an import did. */
    public record Report(int created, int updated, int unchanged, int rejected) {}

    /** Guesses which column holds which field (see {@link #COLUMNS}) from the header's names. */
    public static Map<String, Integer> guessMapping(List<String> header) {
        return ImportColumns.guess(header);
    }

    /**
     * Validates every data row (all but the header) under the given column mapping; see {@link ImportChecker}.
     */
    @Transactional(readOnly = true)
    public Checked check(List<List<String>> table, Map<String, Integer> mapping) {
        return checker.check(table, mapping);
    }

    /**
     * Imports the valid rows in one transaction: creates the new customers (remembering their id in the other
     * system) and fills the empty fields of the matched ones. A row that became a duplicate since it was checked
     * (another cashier added that phone meanwhile) fails the whole import, which then changes nothing; check again.
     */
    @Transactional
    public Report importValid(Checked checked) {
        int created = 0;
        int updated = 0;
        for (Row row : checked.valid()) {
            try {
                if (row.outcome() == Outcome.UPDATE) {
                    CustomerView customer = customers.get(row.customerId());
                    Contact filled = ImportChecker.fillBlanks(customer, contacts.normalize(row.details(), ""));
                    if (filled != null) {
                        customers.update(
                                customer.id(),
                                new CustomerDetails(filled.name(), filled.phone(), filled.email(), filled.address()));
                        updated++;
                    }
                    continue;
                }
                UUID id = customers.create(row.details()).id();
                if (row.externalId() != null) {
                    externalIds.insert(checked.source(), row.externalId(), id, OffsetDateTime.now(clock));
                }
                created++;
            } catch (DuplicatePhone | DuplicateKeyException e) {
                throw new BecameDuplicate(row.line());
            }
        }
        int unchanged = (int) checked.count(Outcome.UNCHANGED);
        return new Report(created, updated, unchanged, checked.rejected().size());
    }

    /** A row turned into a duplicate between check and import; the import was rolled back. */
    public static final class BecameDuplicate extends app.pos.shared.PosException {
        BecameDuplicate(int line) {
            super(
                    org.springframework.http.HttpStatus.CONFLICT,
                    "Import changed nothing",
                    "Line " + line
                            + " is now a duplicate of a customer added meanwhile; nothing was imported. Check the file again.");
        }
    }
}
