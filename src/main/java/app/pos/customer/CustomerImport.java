package app.pos.customer;

import app.pos.shared.CustomerDetails;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports customers from a CSV file (for example another POS's export): maps columns to fields, validates every
 * row (required name, phone normalization, email, duplicates inside the file and against existing customers)
 * and imports the valid rows in one transaction. Importing the same file again creates nothing new.
 */
@Service
public class CustomerImport {

    public static final int MAX_ROWS = 50_000;
    public static final List<String> FIELDS = List.of("name", "phone", "email", "address");

    private final CustomerService customers;
    private final Contacts contacts;
    private final CustomerRepository repository;
    private final Validator validator;

    CustomerImport(CustomerService customers, Contacts contacts, CustomerRepository repository, Validator validator) {
        this.customers = customers;
        this.contacts = contacts;
        this.repository = repository;
        this.validator = validator;
    }

    /** A data row of the file: its line number (1 = header), the mapped details, and why it is refused. */
    public record Row(int line, CustomerDetails details, String rejection) implements java.io.Serializable {
        public boolean valid() {
            return rejection == null;
        }
    }

    public record Checked(List<Row> rows) implements java.io.Serializable {
        public List<Row> valid() {
            return rows.stream().filter(Row::valid).toList();
        }

        public List<Row> rejected() {
            return rows.stream().filter(r -> !r.valid()).toList();
        }
    }

    /** Guesses which column holds which field from the header's names. */
    public static Map<String, Integer> guessMapping(List<String> header) {
        Map<String, Integer> mapping = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i).toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
            String field = h.contains("mail")
                    ? "email"
                    : h.contains("phone") || h.contains("mobile") || h.contains("tel") || h.equals("number")
                            ? "phone"
                            : h.contains("address") || h.contains("street")
                                    ? "address"
                                    : h.contains("name") || h.equals("customer") ? "name" : null;
            if (field != null && !mapping.containsKey(field)) {
                mapping.put(field, i);
            }
        }
        return mapping;
    }

    /**
     * Validates every data row (all but the header) under the given column mapping: the customer's own field
     * rules, then duplicates inside the file, then against existing customers, on the values as the customer
     * feature normalizes them (each row's phone is read once).
     */
    @Transactional(readOnly = true)
    public Checked check(List<List<String>> table, Map<String, Integer> mapping) {
        List<Row> rows = new ArrayList<>();
        List<Contact> normalized = new ArrayList<>();
        Set<String> phonesInFile = new HashSet<>();
        Set<String> emailsInFile = new HashSet<>();
        for (int i = 1; i < table.size(); i++) {
            List<String> cells = table.get(i);
            CustomerDetails details = new CustomerDetails(
                    cell(cells, mapping.get("name")),
                    cell(cells, mapping.get("phone")),
                    cell(cells, mapping.get("email")),
                    cell(cells, mapping.get("address")));
            String rejection = firstViolation(details);
            Contact contact = rejection == null ? contacts.normalize(details, "") : null;
            if (rejection == null && contact.phone() != null && !phonesInFile.add(contact.phone())) {
                rejection = "duplicate of an earlier row in the file (same phone)";
            }
            if (rejection == null && contact.email() != null && !emailsInFile.add(contact.email())) {
                rejection = "duplicate of an earlier row in the file (same email)";
            }
            rows.add(new Row(i + 1, details, rejection));
            normalized.add(rejection == null ? contact : null);
        }
        Set<String> existingPhones = repository.existingValues(
                "phone",
                normalized.stream()
                        .filter(Objects::nonNull)
                        .map(Contact::phone)
                        .filter(Objects::nonNull)
                        .toList());
        Set<String> existingEmails = repository.existingValues(
                "email",
                normalized.stream()
                        .filter(Objects::nonNull)
                        .map(Contact::email)
                        .filter(Objects::nonNull)
                        .toList());
        List<Row> checked = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            Contact contact = normalized.get(i);
            String rejection = row.rejection();
            if (contact != null && contact.phone() != null && existingPhones.contains(contact.phone())) {
                rejection = "already a customer (same phone)";
            } else if (contact != null && contact.email() != null && existingEmails.contains(contact.email())) {
                rejection = "already a customer (same email)";
            }
            checked.add(new Row(row.line(), row.details(), rejection));
        }
        return new Checked(checked);
    }

    /**
     * Imports the valid rows in one transaction. A row that became a duplicate since it was checked (another
     * cashier added that phone meanwhile) fails the whole import, which then changes nothing; check again.
     *
     * @return how many customers were created
     */
    @Transactional
    public int importValid(Checked checked) {
        int created = 0;
        for (Row row : checked.valid()) {
            try {
                customers.create(row.details());
            } catch (DuplicatePhone e) {
                throw new BecameDuplicate(row.line());
            }
            created++;
        }
        return created;
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

    private String firstViolation(CustomerDetails details) {
        for (String field : FIELDS) {
            for (ConstraintViolation<CustomerDetails> v : validator.validateProperty(details, field)) {
                return field + " " + v.getMessage();
            }
        }
        return null;
    }

    private static String cell(List<String> cells, Integer index) {
        if (index == null || index < 0 || index >= cells.size()) {
            return null;
        }
        String value = cells.get(index).strip();
        return value.isEmpty() ? null : value;
    }
}
