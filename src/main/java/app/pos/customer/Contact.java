package app.pos.customer;

/**
 * Customer details after normalization: trimmed name, E.164 phone, lower-case email; blanks are null. Notes: null
 * means "leave them as they are", an empty text means "none".
 */
record Contact(String name, String phone, String email, String address, String notes) {

    Contact(String name, String phone, String email, String address) {
        this(name, phone, email, address, null);
    }

    SearchColumns searchColumns() {
        return SearchColumns.of(name, phone);
    }
}
