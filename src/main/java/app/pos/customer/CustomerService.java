package app.pos.customer;

import app.pos.shared.CustomerDetails;
import app.pos.shared.InvalidInput;
import app.pos.shared.PhoneNumbers;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Customer records: create, read, update, delete, search, lookup by phone, lists and statistics checks.
 * Create and update are single statements guarded by the unique phone constraint, so a race between two
 * cashiers typing the same phone ends in a clear 409, never in two customers. Each change publishes its event
 * ({@link CustomerCreated}, {@link CustomerUpdated}, {@link CustomerDeleted}) in the change's transaction.
 */
@Service
public class CustomerService {

    public static final int DEFAULT_SEARCH_LIMIT = 10;
    public static final int MAX_SEARCH_LIMIT = 50;

    public static final int MAX_PAGE_SIZE = 200;

    private final CustomerRepository customers;
    private final ErasureRepository erased;
    private final CustomerListing listing;
    private final DuplicateFinder duplicates;
    private final CustomerStats stats;
    private final Contacts contacts;
    private final Consents consents;
    private final PhoneNumbers phones;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ContactMasking masking;
    private final ProfileRepository profiles;

    CustomerService(
            CustomerRepository customers,
            ErasureRepository erased,
            CustomerListing listing,
            DuplicateFinder duplicates,
            CustomerStats stats,
            Contacts contacts,
            Consents consents,
            PhoneNumbers phones,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactionManager,
            Clock clock,
            ContactMasking masking,
            ProfileRepository profiles) {
        this.customers = customers;
        this.erased = erased;
        this.listing = listing;
        this.duplicates = duplicates;
        this.stats = stats;
        this.contacts = contacts;
        this.consents = consents;
        this.phones = phones;
        this.events = events;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.masking = masking;
        this.profiles = profiles;
    }

    /** Groups of customers who are probably the same person. */
    @Transactional(readOnly = true)
    public List<DuplicateGroup> possibleDuplicates(int limit) {
        return duplicates.find(limit);
    }

    /**
     * Rebuilds total spent, visit count and last visit from the customer's completed orders.
     *
     * @return whether the stored statistics were off
     */
    @Transactional
    public boolean recomputeStats(UUID id) {
        return stats.recompute(id);
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
        return create(details, Map.of(), ConsentSource.API);
    }

    /** Creates the customer and records their consents ({@link Consents#record}) in the same transaction. */
    public CustomerView create(
            CustomerDetails details, Map<ConsentChannel, ConsentState> consentStates, ConsentSource source) {
        return create(details, CustomerProfile.EMPTY, consentStates, source);
    }

    /** As {@link #create(CustomerDetails, Map, ConsentSource)}, with the profile fields saved in the same transaction. */
    CustomerView create(
            CustomerDetails details,
            CustomerProfile profile,
            Map<ConsentChannel, ConsentState> consentStates,
            ConsentSource source) {
        Contact contact = contacts.normalize(details, "");
        if (contact.phone() != null) {
            customers.findByPhone(contact.phone()).ifPresent(existing -> {
                throw DuplicatePhone.of(existing.id());
            });
        }
        UUID id = UUID.randomUUID();
        try {
            transaction.executeWithoutResult(status -> {
                customers.insert(id, contact, now());
                profiles.save(id, profile);
                events.publishEvent(new CustomerCreated(id));
                consents.recordAll(id, consentStates, source);
            });
        } catch (DuplicateKeyException race) {
            throw duplicateOf(contact.phone(), race);
        }
        return get(id);
    }

    @Transactional(readOnly = true)
    public CustomerView get(UUID id) {
        return find(id).orElseThrow(() -> notFound(id));
    }

    @Transactional(readOnly = true)
    public Optional<CustomerView> find(UUID id) {
        return customers.findById(id).map(c -> c.withTags(profiles.tags(id)));
    }

    public CustomerView update(UUID id, CustomerDetails details) {
        return update(id, details, null);
    }

    /** Saves the details and, unless {@code profile} is null (kept as it is), the profile, in one transaction. */
    CustomerView update(UUID id, CustomerDetails details, CustomerProfile profile) {
        Contact contact = contacts.normalize(details, "");
        if (contact.phone() != null) {
            customers
                    .findByPhone(contact.phone())
                    .filter(other -> !other.id().equals(id))
                    .ifPresent(other -> {
                        throw DuplicatePhone.of(other.id());
                    });
        }
        try {
            transaction.executeWithoutResult(status -> {
                if (!customers.update(id, contact, now())) {
                    throw notFound(id);
                }
                if (profile != null) {
                    profiles.save(id, profile);
                }
                events.publishEvent(new CustomerUpdated(id));
            });
        } catch (DuplicateKeyException race) {
            throw duplicateOf(contact.phone(), race);
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
            throw notFound(id);
        }
        events.publishEvent(new CustomerDeleted(id));
    }

    /**
     * Search as the cashier types; an empty query gives the most recent customers. See {@link CustomerSearch}. A
     * CASHIER gets at most {@value ContactMasking#CASHIER_SEARCH_LIMIT} results.
     */
    @Transactional(readOnly = true)
    public List<CustomerView> search(String query, int limit) {
        int capped = Math.max(1, Math.min(masking.searchLimit(limit), MAX_SEARCH_LIMIT));
        return CustomerSearch.parse(query, phones)
                .map(search -> customers.search(search, capped))
                .orElseGet(() -> customers.recent(capped));
    }

    /** The longest-standing customer with this email, in any case. Emails are not unique: a hint, never a rule. */
    @Transactional(readOnly = true)
    public Optional<CustomerView> findByEmail(String email) {
        String normalized = Contacts.email(email);
        return normalized == null ? Optional.empty() : customers.findByEmail(normalized);
    }

    @Transactional(readOnly = true)
    public CustomerView lookupByPhone(String rawPhone) {
        String e164 =
                phones.toE164(rawPhone).orElseThrow(() -> InvalidInput.field("phone", "is not a valid phone number"));
        return customers.findByPhone(e164).orElseThrow(CustomerNotFound::byPhone);
    }

    /** 410 Gone for an erased customer's id, 404 for one that never was. */
    private RuntimeException notFound(UUID id) {
        return erased.isErased(id) ? CustomerGone.erased(id) : CustomerNotFound.byId(id);
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
}
