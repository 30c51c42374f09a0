package app.pos.customer;

/** Customer details after normalization: trimmed name, E.164 phone, lower-case email; blanks are null. */
record Contact(String name, String phone, String email, String address) {

    String phoneDigits() {
        return phone == null ? null : SearchText.digits(phone);
    }

    String phoneDigitsReversed() {
        return phone == null ? null : new StringBuilder(phoneDigits()).reverse().toString();
    }
}
