package app.pos.customer;

import app.pos.shared.CustomerDetails;
import app.pos.shared.FieldError;
import app.pos.shared.InvalidInput;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Contact details only for those who need them. A CASHIER sees a customer's name, notes, visits and spend, but
 * the phone and email masked ({@code •••-•••-0132}, {@code a••@example.com}) and the address as {@value
 * #MASKED_ADDRESS}, unless an ADMIN lets cashiers see them ({@link PrivacySettings}); MANAGER and ADMIN see all.
 * The till's delivery flow takes the real address from the service, not from a masked view. Masking happens on the
 * way out only: searches run on the real data, and a masked value sent back is never stored ({@link #edit}).
 * Work without a logged-in user (start-up, jobs) sees everything; it shows nothing to anyone.
 */
@Component
public class ContactMasking {

    /** How a masked address reads. */
    public static final String MASKED_ADDRESS = "•••";

    /** The most results a cashier's search returns, whatever they ask for. */
    public static final int CASHIER_SEARCH_LIMIT = 10;

    private static final String BULLETS = "•••";

    private final ContactMaskingSettings settings;
    private final RoleHierarchy roles;
    private final Contacts contacts;
    private final Clock clock;
    private final Validator validator;

    ContactMasking(
            ContactMaskingSettings settings, RoleHierarchy roles, Contacts contacts, Clock clock, Validator validator) {
        this.settings = settings;
        this.roles = roles;
        this.contacts = contacts;
        this.clock = clock;
        this.validator = validator;
    }

    public PrivacySettings settings() {
        return settings.read();
    }

    /** Changes the settings (the caller checks the user is an ADMIN); returns them as stored. */
    @Transactional
    public PrivacySettings change(PrivacySettings changed) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        settings.write(
                changed, authentication == null ? "system" : authentication.getName(), OffsetDateTime.now(clock));
        return settings.read();
    }

    /** Whether the current staff user sees contact details masked. */
    public boolean masksForCurrentStaff() {
        return isCashierOnly() && !settings.read().cashiersSeeContactDetails();
    }

    /** The customer as the current staff user may see them. */
    public CustomerView view(CustomerView customer) {
        return customer == null || !masksForCurrentStaff() ? customer : masked(customer);
    }

    /** The customers as the current staff user may see them (the setting read once). */
    public List<CustomerView> view(List<CustomerView> customers) {
        return masksForCurrentStaff()
                ? customers.stream().map(ContactMasking::masked).toList()
                : customers;
    }

    /** At most {@value #CASHIER_SEARCH_LIMIT} results for a cashier; others keep what they asked for. */
    public int searchLimit(int asked) {
        return isCashierOnly() ? Math.min(asked, CASHIER_SEARCH_LIMIT) : asked;
    }

    /**
     * An edit of {@code current} by the current staff user, validated as a new customer's details are and made
     * safe: for a user who sees masked values, a field sent back exactly as it was shown (masked) keeps its stored
     * value; changing or clearing a masked field is refused ({@link ContactDetailsMasked}), since a cashier should
     * not overwrite what they cannot see.
     */
    CustomerDetails edit(CustomerView current, CustomerDetails sent) {
        boolean masked = masksForCurrentStaff();
        CustomerDetails edit = masked ? restored(current, sent) : sent;
        List<FieldError> invalid = validator.validate(edit).stream()
                .map(v -> new FieldError(v.getPropertyPath().toString(), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        if (!invalid.isEmpty()) {
            throw InvalidInput.fields(invalid);
        }
        if (masked) {
            refuseChanges(current, edit);
        }
        return edit;
    }

    /** For a user who sees masked values: the masked values sent back replaced by the stored ones. */
    private static CustomerDetails restored(CustomerView current, CustomerDetails sent) {
        return new CustomerDetails(
                sent.name(),
                keptOrSame(current.phone(), phone(current.phone()), sent.phone()),
                keptOrSame(current.email(), email(current.email()), sent.email()),
                keptOrSame(current.address(), MASKED_ADDRESS, sent.address()),
                sent.notes());
    }

    private void refuseChanges(CustomerView current, CustomerDetails edit) {
        Contact now = contacts.normalize(edit, "");
        List<String> changed = new ArrayList<>();
        if (!Objects.equals(now.phone(), current.phone())) {
            changed.add("phone");
        }
        if (!Objects.equals(now.email(), current.email())) {
            changed.add("email");
        }
        if (!Objects.equals(now.address(), current.address())) {
            changed.add("address");
        }
        if (!changed.isEmpty()) {
            throw ContactDetailsMasked.changing(changed);
        }
    }

    /** The masked value sent back means "as it is"; anything else is the caller's new value. */
    private static String keptOrSame(String stored, String masked, String sent) {
        return stored != null && sent != null && sent.strip().equals(masked) ? stored : sent;
    }

    static CustomerView masked(CustomerView c) {
        return new CustomerView(
                c.id(),
                c.name(),
                phone(c.phone()),
                email(c.email()),
                c.address() == null ? null : MASKED_ADDRESS,
                c.notes(),
                c.totalSpent(),
                c.visitCount(),
                c.lastVisitAt(),
                c.createdAt(),
                c.updatedAt(),
                c.birthday(),
                c.anniversary(),
                c.tags());
    }

    /**
     * "+14155550132" → "•••-•••-0132": the last 4 digits of the national number, the others as •, in groups of
     * three; the country code is left out. Null stays null.
     */
    public static String phone(String e164) {
        if (e164 == null) {
            return null;
        }
        String digits = nationalDigits(e164);
        if (digits.length() <= 4) {
            return BULLETS;
        }
        StringBuilder masked = new StringBuilder();
        for (int i = 0; i < digits.length() - 4; i++) {
            if (i > 0 && i % 3 == 0) {
                masked.append('-');
            }
            masked.append('•');
        }
        return masked.append('-').append(digits.substring(digits.length() - 4)).toString();
    }

    /** "ada@example.com" → "a••@example.com": the first character, then ••, then the domain. Null stays null. */
    public static String email(String email) {
        if (email == null) {
            return null;
        }
        int at = email.lastIndexOf('@');
        if (at < 1) {
            return BULLETS;
        }
        return email.substring(0, email.offsetByCodePoints(0, 1)) + "••" + email.substring(at);
    }

    private static String nationalDigits(String phone) {
        try {
            return String.valueOf(
                    PhoneNumberUtil.getInstance().parse(phone, null).getNationalNumber());
        } catch (NumberParseException notE164) {
            return phone.replaceAll("\\D", "");
        }
    }

    private boolean isCashierOnly() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            return false;
        }
        return roles.getReachableGrantedAuthorities(authentication.getAuthorities()).stream()
                .map(GrantedAuthority::getAuthority)
                .noneMatch("ROLE_MANAGER"::equals);
    }
}
