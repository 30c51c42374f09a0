package app.pos.tools;

import app.pos.customer.SearchColumns;
import app.pos.shared.PhoneNumbers;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.SplittableRandom;
import java.util.UUID;
import org.postgresql.PGConnection;

/**
 * The generated customers: names, valid and unique phones (a few percent without one), emails for about half,
 * addresses, and the search columns derived by the customer feature's own code. Deterministic for a seed.
 */
final class GeneratedCustomers {

    private static final int[] AREAS = {
        415, 628, 510, 650, 408, 925, 707, 212, 646, 718, 312, 773, 213, 310, 323, 818, 206, 503, 512, 617, 303, 305,
        404, 602, 702, 713, 214, 215, 202, 619
    };
    private static final int PHONE_SPACE = AREAS.length * 800 * 10_000;
    private static final long SCRAMBLE = 1_000_003L;

    private final PhoneNumbers phones;
    private final long seed;

    GeneratedCustomers(PhoneNumbers phones, long seed) {
        this.phones = phones;
        this.seed = seed;
    }

    /** What the orders need of a customer: who, and the contact the order is sold under. */
    record Customer(UUID id, String name, String phone, String address) {}

    Customer[] copy(PGConnection pg, int customers, OffsetDateTime start, OffsetDateTime now) throws SQLException {
        Customer[] people = new Customer[customers];
        CopyRows copy = new CopyRows(pg, """
                COPY customers (id, name, phone, email, address, total_spent, visit_count, name_search, phone_digits,
                                phone_digits_rev, created_at, updated_at) FROM STDIN (FORMAT csv)""");
        long span = Duration.between(start, now).getSeconds();
        for (int i = 0; i < customers; i++) {
            SplittableRandom r = new SplittableRandom(seed * 31 + i);
            String name = SampleNames.FIRST[r.nextInt(SampleNames.FIRST.length)] + " "
                    + SampleNames.LAST[r.nextInt(SampleNames.LAST.length)];
            String phone = r.nextInt(100) < 3 ? null : phone(i);
            SearchColumns search = SearchColumns.of(name, phone);
            String email = r.nextInt(100) < 55
                    ? search.nameSearch().strip().replace(' ', '.') + "." + i + "@example.com"
                    : null;
            String address = (1 + r.nextInt(9999)) + " " + SampleNames.STREETS[r.nextInt(SampleNames.STREETS.length)]
                    + ", " + SampleNames.CITIES[r.nextInt(SampleNames.CITIES.length)];
            OffsetDateTime created = start.plusSeconds(r.nextLong(span));
            UUID id = new UUID(seed * 7919 + i, r.nextLong());
            people[i] = new Customer(id, name, phone, address);
            copy.row(
                    id,
                    name,
                    phone,
                    email,
                    address,
                    "0.00",
                    0,
                    search.nameSearch(),
                    search.phoneDigits(),
                    search.phoneDigitsReversed(),
                    created,
                    created);
        }
        copy.end();
        return people;
    }

    /**
     * A unique US number for customer i: a bijective scramble of i over area × exchange × line, so no two
     * customers share one. The rare exchange that is not a valid one (N11, or rejected by libphonenumber) means
     * "no phone" for that customer rather than a retry that could collide.
     */
    private String phone(int i) {
        long k = (i * SCRAMBLE) % PHONE_SPACE;
        int area = AREAS[(int) (k % AREAS.length)];
        long rest = k / AREAS.length;
        int exchange = 200 + (int) (rest / 10_000 % 800);
        if (exchange % 100 == 11) {
            return null;
        }
        String candidate = String.format("+1%d%03d%04d", area, exchange, rest % 10_000);
        return phones.toE164(candidate).orElse(null);
    }
}
