package app.pos.customer;

import app.pos.customer.CustomerImport.Checked;
import app.pos.customer.CustomerImport.Outcome;
import app.pos.customer.CustomerImport.Row;
import app.pos.shared.CustomerDetails;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/** The import's row rules: what each row of a file would do, or why it is refused. Runs in the caller's transaction. */
@Component
class ImportChecker {

    private static final int MAX_EXTERNAL_ID = 200;
    private static final String EXTERNAL_ID = ImportMapping.EXTERNAL_ID;
    private static final List<String> FIELDS = List.of("name", "phone", "email", "address", "notes");

    private final Contacts contacts;
    private final BulkLookups repository;
    private final ExternalIds externalIds;
    private final Validator validator;

    ImportChecker(Contacts contacts, BulkLookups repository, ExternalIds externalIds, Validator validator) {
        this.contacts = contacts;
        this.repository = repository;
        this.externalIds = externalIds;
        this.validator = validator;
    }

    /**
     * Validates every data row (all but the header) under the given column mapping: the customer's own field
     * rules, then duplicates inside the file, then the other system's id, then against existing customers, on the
     * values as the customer feature normalizes them (each row's phone is read once). A row whose id is known is
     * that customer: it fills their empty fields or changes nothing, and is not a duplicate of them.
     */
    Checked check(ImportFile file, ImportMapping mapping) {
        List<List<String>> table = file.table();
        String source = mapping.source(file.header());
        List<Row> rows = new ArrayList<>();
        List<Contact> normalized = new ArrayList<>();
        Set<String> phonesInFile = new HashSet<>();
        Set<String> emailsInFile = new HashSet<>();
        Set<String> idsInFile = new HashSet<>();
        for (int i = 1; i < table.size(); i++) {
            List<String> cells = table.get(i);
            CustomerDetails details = new CustomerDetails(
                    mapping.value("name", cells),
                    mapping.value("phone", cells),
                    mapping.value("email", cells),
                    mapping.value("address", cells),
                    mapping.value("notes", cells));
            String externalId = source == null ? null : mapping.value(EXTERNAL_ID, cells);
            String rejection = firstViolation(details);
            if (rejection == null && externalId != null && externalId.length() > MAX_EXTERNAL_ID) {
                rejection = "id must be at most " + MAX_EXTERNAL_ID + " characters";
            }
            Contact contact = rejection == null ? contacts.normalize(details, "") : null;
            if (rejection == null && externalId != null && !idsInFile.add(externalId)) {
                rejection = "duplicate of an earlier row in the file (same id)";
            }
            if (rejection == null && contact.phone() != null && !phonesInFile.add(contact.phone())) {
                rejection = "duplicate of an earlier row in the file (same phone)";
            }
            if (rejection == null && contact.email() != null && !emailsInFile.add(contact.email())) {
                rejection = "duplicate of an earlier row in the file (same email)";
            }
            rows.add(new Row(i + 1, details, externalId, null, Outcome.CREATE, rejection, consents(mapping, cells)));
            normalized.add(rejection == null ? contact : null);
        }
        Map<String, UUID> known = source == null ? Map.of() : externalIds.find(source, idsInFile);
        Map<UUID, CustomerView> matched = repository.findByIds(known.values());
        Set<String> existingPhones = repository.existingValues("phone", values(normalized, Contact::phone));
        Set<String> existingEmails = repository.existingValues("email", values(normalized, Contact::email));
        List<Row> checked = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            Contact contact = normalized.get(i);
            CustomerView customer = row.externalId() == null ? null : matched.get(known.get(row.externalId()));
            if (contact == null) {
                checked.add(row);
            } else if (customer != null) {
                Contact filled = fillBlanks(customer, contact);
                boolean takesPhone = filled != null && customer.phone() == null && filled.phone() != null;
                checked.add(
                        takesPhone && existingPhones.contains(filled.phone())
                                ? row.rejected("the phone is another customer's")
                                : new Row(
                                        row.line(),
                                        row.details(),
                                        row.externalId(),
                                        customer.id(),
                                        filled == null ? Outcome.UNCHANGED : Outcome.UPDATE,
                                        null,
                                        row.consents()));
            } else if (contact.phone() != null && existingPhones.contains(contact.phone())) {
                checked.add(row.rejected("already a customer (same phone)"));
            } else if (contact.email() != null && existingEmails.contains(contact.email())) {
                checked.add(row.rejected("already a customer (same email)"));
            } else {
                checked.add(row);
            }
        }
        return new Checked(mapping, source, checked);
    }

    /** The customer with the row's values in the fields they lack; null when the row fills none. */
    static Contact fillBlanks(CustomerView customer, Contact row) {
        Contact filled = new Contact(
                customer.name(),
                customer.phone() != null ? customer.phone() : row.phone(),
                customer.email() != null ? customer.email() : row.email(),
                customer.address() != null ? customer.address() : row.address(),
                customer.notes() != null || row.notes() == null || row.notes().isEmpty()
                        ? customer.notes()
                        : row.notes());
        boolean changes = !Objects.equals(filled.phone(), customer.phone())
                || !Objects.equals(filled.email(), customer.email())
                || !Objects.equals(filled.address(), customer.address())
                || !Objects.equals(filled.notes(), customer.notes());
        return changes ? filled : null;
    }

    private static List<String> values(List<Contact> contacts, Function<Contact, String> field) {
        return contacts.stream()
                .filter(Objects::nonNull)
                .map(field)
                .filter(Objects::nonNull)
                .toList();
    }

    private String firstViolation(CustomerDetails details) {
        for (String field : FIELDS) {
            for (ConstraintViolation<CustomerDetails> v : validator.validateProperty(details, field)) {
                return field + " " + v.getMessage();
            }
        }
        return null;
    }

    /** The consent columns' statuses as written in the row (blank ones left out), by channel. */
    private static Map<String, String> consents(ImportMapping mapping, List<String> cells) {
        Map<String, String> statuses = new java.util.TreeMap<>();
        mapping.consents().forEach((channel, index) -> {
            String status = index < cells.size() ? cells.get(index).strip() : "";
            if (!status.isEmpty()) {
                statuses.put(
                        channel,
                        status.length() > MarketingConsents.MAX_STATUS
                                ? status.substring(0, MarketingConsents.MAX_STATUS)
                                : status);
            }
        });
        return statuses;
    }
}
