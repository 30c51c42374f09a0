package app.pos.customer;

import app.pos.shared.CustomerDetails;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    /** The column holding the other system's id of the customer. */
    public static final String EXTERNAL_ID = ImportMapping.EXTERNAL_ID;

    private final CustomerService customers;
    private final ImportChecker checker;
    private final Contacts contacts;
    private final ExternalIds externalIds;
    private final MarketingConsents consents;
    private final Consents consentLog;
    private final Clock clock;

    CustomerImport(
            CustomerService customers,
            ImportChecker checker,
            Contacts contacts,
            ExternalIds externalIds,
            MarketingConsents consents,
            Consents consentLog,
            Clock clock) {
        this.customers = customers;
        this.checker = checker;
        this.contacts = contacts;
        this.externalIds = externalIds;
        this.consents = consents;
        this.consentLog = consentLog;
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
     * customer that id matched, what importing it does, why it is refused, and its marketing consent statuses by
     * channel.
     */
    public record Row(
            int line,
            CustomerDetails details,
            String externalId,
            UUID customerId,
            Outcome outcome,
            String rejection,
            Map<String, String> consents) {

        public Row {
            consents = Map.copyOf(consents);
        }

        Row rejected(String reason) {
            return new Row(line, details, externalId, customerId, outcome, reason, consents);
        }

        /** Not rejected, and importing it changes something. */
        public boolean valid() {
            return rejection == null && outcome != Outcome.UNCHANGED;
        }

        boolean is(Outcome o) {
            return rejection == null && outcome == o;
        }
    }

    /**
     * The checked rows under their mapping, and the source whose ids their {@code externalId}s are (null without an
     * id column).
     */
    public record Checked(ImportMapping mapping, String source, List<Row> rows) {

        /** The source consent statuses are stored under: the preset, else the id's source, else {@code csv}. */
        String consentSource() {
            return !mapping.preset().equals(ImportMapping.GENERIC) ? mapping.preset() : source != null ? source : "csv";
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

    /** What an import did, or (a dry run) would do. */
    public record Report(int created, int updated, int unchanged, int rejected) {}

    /** A checked file and what importing it did. */
    public record Result(Checked checked, Report report) {}

    /** Square or Shopify when the header is theirs, otherwise the generic mapping guessed from its names. */
    public static ImportMapping guessMapping(List<String> header) {
        return ImportPresets.detect(header);
    }

    /**
     * The mapping of {@code preset} ({@code auto} when null, {@code square}, {@code shopify}, {@code generic}) for
     * the file; {@code generic} with {@code chosen} (field to column headers) maps as told. Refuses a header the
     * preset does not recognise, or a mapping that does not fit the file.
     */
    public static ImportMapping mapping(ImportFile file, String preset, Map<String, List<String>> chosen) {
        return ImportPresets.of(preset, file.header(), chosen);
    }

    /**
     * Validates every data row (all but the header) under the given column mapping; see {@link ImportChecker}.
     */
    @Transactional(readOnly = true)
    public Checked check(ImportFile file, ImportMapping mapping) {
        return checker.check(file, mapping);
    }

    /**
     * Checks the file and imports its valid rows in one transaction, or with {@code dryRun} only says what
     * importing would do.
     */
    @Transactional
    public Result run(ImportFile file, ImportMapping mapping, boolean dryRun) {
        Checked checked = check(file, mapping);
        Report report = dryRun
                ? new Report(
                        (int) checked.toCreate(),
                        (int) checked.toUpdate(),
                        (int) checked.unchanged(),
                        checked.rejected().size())
                : importValid(checked);
        return new Result(checked, report);
    }

    /**
     * Imports the valid rows in one transaction: creates the new customers (remembering their id in the other
     * system) and fills the empty fields of the matched ones. A row that became a duplicate since it was checked
     * (another cashier added that phone meanwhile) fails the whole import, which then changes nothing; check again.
     * Each row's marketing consent statuses are stored for its customer under the file's source; a known customer
     * whose stored status the file changes counts as updated.
     */
    @Transactional
    public Report importValid(Checked checked) {
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (Row row : checked.rows()) {
            if (row.rejection() != null) {
                continue;
            }
            try {
                UUID id = row.customerId();
                boolean filled = false;
                if (row.outcome() == Outcome.UPDATE) {
                    filled = fillBlanks(id, row);
                } else if (row.outcome() == Outcome.CREATE) {
                    id = customers.create(row.details()).id();
                    if (row.externalId() != null) {
                        externalIds.insert(checked.source(), row.externalId(), id, now);
                    }
                }
                Set<String> changed = consents.record(id, checked.consentSource(), row.consents(), now);
                recordConsents(id, row.consents(), changed);
                boolean consented = !changed.isEmpty();
                if (row.outcome() == Outcome.CREATE) {
                    created++;
                } else if (filled || consented) {
                    updated++;
                } else {
                    unchanged++;
                }
            } catch (DuplicatePhone | DuplicateKeyException e) {
                throw new BecameDuplicate(row.line());
            }
        }
        return new Report(created, updated, unchanged, checked.rejected().size());
    }

    /**
     * A status the file changed becomes the customer's consent, with source IMPORT, when it grants or withdraws
     * and differs from the current state; a file imported again records nothing, so it never undoes a decision
     * taken since at the till.
     */
    private void recordConsents(UUID id, Map<String, String> statuses, Set<String> changed) {
        for (String channel : changed) {
            ImportedConsent.state(statuses.get(channel))
                    .ifPresent(state ->
                            consentLog.record(id, ConsentChannel.valueOf(channel), state, ConsentSource.IMPORT));
        }
    }

    private boolean fillBlanks(UUID id, Row row) {
        CustomerView customer = customers.get(id);
        Contact filled = ImportChecker.fillBlanks(customer, contacts.normalize(row.details(), ""));
        if (filled == null) {
            return false;
        }
        customers.update(
                id,
                new CustomerDetails(filled.name(), filled.phone(), filled.email(), filled.address(), filled.notes()));
        return true;
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
