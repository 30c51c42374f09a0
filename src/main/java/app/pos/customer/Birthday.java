package app.pos.customer;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A birthday: month and day, the year if the customer gave it. Written as ISO 8601 does, {@code "--09-21"} without
 * the year and {@code "1990-09-21"} with it. {@code --02-29} is a birthday (in other years it falls on 28
 * February); a year must be from 1900 and the date not in the future.
 */
record Birthday(int month, int day, Integer year) {

    static final int FIRST_YEAR = 1900;

    private static final Pattern FORM = Pattern.compile("(?:--|(\\d{4})-)(\\d{2})-(\\d{2})");

    Birthday {
        MonthDay.of(month, day); // throws for 13-01 or 02-30
        if (year != null) {
            LocalDate.of(year, month, day); // throws for 1990-02-29
        }
    }

    /** The birthday written as {@code text}, or why it is not one (a message for the field). */
    static Birthday parse(String text, LocalDate today) {
        Matcher m = FORM.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("must be --MM-DD or YYYY-MM-DD, e.g. --09-21 or 1990-09-21");
        }
        Integer year = m.group(1) == null ? null : Integer.valueOf(m.group(1));
        Birthday birthday;
        try {
            birthday = new Birthday(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), year);
        } catch (DateTimeException impossible) {
            throw new IllegalArgumentException("is not a date that exists");
        }
        if (year != null && year < FIRST_YEAR) {
            throw new IllegalArgumentException("the year must be " + FIRST_YEAR + " or later");
        }
        if (birthday.date().filter(today::isBefore).isPresent()) {
            throw new IllegalArgumentException("must not be in the future");
        }
        return birthday;
    }

    /** The full date, when the year is known. */
    Optional<LocalDate> date() {
        return year == null ? Optional.empty() : Optional.of(LocalDate.of(year, month, day));
    }

    @Override
    public String toString() {
        return (year == null ? "-" : String.format("%04d", year)) + String.format("-%02d-%02d", month, day);
    }
}
