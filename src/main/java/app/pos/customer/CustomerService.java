package app.pos.customer;

import app.pos.shared.InvalidInput;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customer records: create, read, update, delete, search, lookup by phone, and find-or-create for orders.
 * Create and update are single statements guarded by the unique phone constraint, so a race between two
 * cashiers typing the same phone ends in a clear 409, never in two customers.
 */
@Service
public class CustomerService {

    public static final int DEFAULT_SEARCH_LIMIT = 10;
    public static final int MAX_SEARCH_LIMIT = 50;

    public static final int MAX_PAGE_SIZE = 200;

    private final CustomerRepository customers;
    private final CustomerListing listing;
    private final DuplicateFinder duplicates;
    private final PhoneNumbers phones;
    private final Clock clock;

    CustomerService(
            CustomerRepository customers,
            CustomerListing listing,
            DuplicateFinder duplicates,
            PhoneNumbers phones,
            Clock clock) {
        this.customers = customers;
        this.listing = listing;
        this.duplicates = duplicates;
        this.phones = phones;
        this.clock = clock;
    }

    /** Which of these E.164 phones already belong to a customer. */
    @Transactional(readOnly = true)
    public java.util.Set<String> existingPhones(java.util.Collection<String> e164Phones) {
        return customers.existingValues("phone", e164Phones);
    }

    /** Which of these (lower-case) emails already belong to a customer. */
    @Transactional(readOnly = true)
    public java.util.Set<String> existingEmails(java.util.Collection<String> emails) {
        return customers.existingValues("email", emails);
    }

    /** The E.164 form of a phone as typed, or empty when it is not a valid number. */
    public Optional<String> normalizePhone(String raw) {
        return phones.toE164(raw);
    }

    /** Groups of customers who are probably the same person. */
    @Transactional(readOnly = true)
    public List<DuplicateGroup> possibleDuplicates(int limit) {
        return duplicates.find(limit);
    }

    /**
     * Locks the two customers' rows (in id order, so two merges of the same pair cannot deadlock) and returns
     * them; a missing one is absent from the result. Must run inside the caller's transaction.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public java.util.Map<UUID, CustomerView> lockPair(UUID a, UUID b) {
        java.util.Map<UUID, CustomerView> locked = new java.util.HashMap<>();
        for (UUID id : a.compareTo(b) < 0 ? List.of(a, b) : List.of(b, a)) {
            customers.lockById(id).ifPresent(c -> locked.put(id, c));
        }
        return locked;
    }

    /** One keyset page of the filtered, sorted customer list. */
    @Transactional(readOnly = true)
    public CustomerPage list(CustomerFilter filter, CustomerSort sort, boolean descending, String after, int size) {
        return listing.page(filter, sort, descending, after, Math.max(1, Math.min(size, MAX_PAGE_SIZE)));
    }

    /** Streams the whole filtered list in list order to {@code sink}, in one read-only transaction. */
    @Transactional(readOnly = true)
    public void export(
            CustomerFilter filter,
            CustomerSort sort,
            boolean descending,
            java.util.function.Consumer<CustomerView> sink) {
        listing.export(filter, sort, descending, sink);
    }

    public CustomerView create(CustomerDetails details) {
        Contact contact = normalize(details, "");
        if (contact.phone() != null) {
            customers.findByPhone(contact.phone()).ifPresent(existing -> {
                throw DuplicatePhone.of(existing.id());
            });
        }
        UUID id = UUID.randomUUID();
        try {
            customers.insert(id, contact, now());
        } catch (DuplicateKeyException race) {
            throw duplicateOf(contact.phone(), race);
        }
        return get(id);
    }

    @Transactional(readOnly = true)
    public CustomerView get(UUID id) {
        return customers.findById(id).orElseThrow(() -> CustomerNotFound.byId(id));
    }

    public CustomerView update(UUID id, CustomerDetails details) {
        Contact contact = normalize(details, "");
        if (contact.phone() != null) {
            customers
                    .findByPhone(contact.phone())
                    .filter(other -> !other.id().equals(id))
                    .ifPresent(other -> {
                        throw DuplicatePhone.of(other.id());
                    });
        }
        boolean found;
        try {
            found = customers.update(id, contact, now());
        } catch (DuplicateKeyException race) {
            throw duplicateOf(contact.phone(), race);
        }
        if (!found) {
            throw CustomerNotFound.byId(id);
        }
        return get(id);
    }

    /**
     * Deletes the customer record. Their orders stay, with the name, phone and address they were sold under
     * (the order's snapshot); only the link to the customer is cleared, so revenue and receipts are unchanged.
     */
    @Transactional
    public void delete(UUID id) {
        if (!customers.delete(id)) {
            throw CustomerNotFound.byId(id);
        }
    }

    /** Search as the cashier types; an empty query gives the most recent customers. See {@link CustomerSearch}. */
    @Transactional(readOnly = true)
    public List<CustomerView> search(String query, int limit) {
        int capped = Math.max(1, Math.min(limit, MAX_SEARCH_LIMIT));
        return CustomerSearch.parse(query, phones)
                .map(search -> customers.search(search, capped))
                .orElseGet(() -> customers.recent(capped));
    }

    @Transactional(readOnly = true)
    public CustomerView lookupByPhone(String rawPhone) {
        String e164 =
                phones.toE164(rawPhone).orElseThrow(() -> InvalidInput.field("phone", "is not a valid phone number"));
        return customers.findByPhone(e164).orElseThrow(CustomerNotFound::byPhone);
    }

    /**
     * The customer these details name: matched by normalized phone, then by email; created when neither
     * matches. An existing customer's name and contact values are never overwritten by order data; only
     * values they lack are filled in. Must run inside the caller's transaction (the order's).
     *
     * @param fieldPrefix prefix for field names in validation errors, such as {@code "customer."}
     */
    @Transactional
    public CustomerMatch findOrCreateCustomer(CustomerDetails details, String fieldPrefix) {
        Contact contact = normalize(details, fieldPrefix);
        OffsetDateTime now = now();
        Optional<CustomerView> match =
                contact.phone() != null ? customers.findByPhone(contact.phone()) : Optional.empty();
        if (match.isEmpty() && contact.email() != null) {
            match = customers.findByEmail(contact.email());
        }
        if (match.isPresent()) {
            customers.fillBlanks(match.get().id(), contact, now);
            return new CustomerMatch(get(match.get().id()), false);
        }
        UUID id = UUID.randomUUID();
        customers.insert(id, contact, now);
        return new CustomerMatch(get(id), true);
    }

    private Contact normalize(CustomerDetails details, String fieldPrefix) {
        String phone = blankToNull(details.phone());
        String e164 = null;
        if (phone != null) {
            e164 = phones.toE164(phone)
                    .orElseThrow(() -> InvalidInput.field(
                            fieldPrefix + "phone",
                            "is not a valid phone number for region " + phones.defaultRegion()
                                    + " (include the country code, e.g. +44, for other countries)"));
        }
        String email = blankToNull(details.email());
        return new Contact(
                details.name().strip(),
                e164,
                email == null ? null : email.toLowerCase(Locale.ROOT),
                blankToNull(details.address()));
    }

    private DuplicatePhone duplicateOf(String phone, DuplicateKeyException race) {
        return customers
                .findByPhone(phone)
                .map(existing -> DuplicatePhone.of(existing.id()))
                .orElseThrow(() -> race);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
