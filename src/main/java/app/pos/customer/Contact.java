package app.pos.customer;

/** Customer details after normalization: trimmed name, E.164 phone, lower-case email; blanks are null. */
record Contact(String name, String phone, String email, String address) {

    SearchColumns searchColumns() {
        return SearchColumns.of(name, phone);
    }
}
