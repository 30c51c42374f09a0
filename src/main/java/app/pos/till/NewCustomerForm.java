package app.pos.till;

/** The inline new-customer form's fields, echoed back with errors. */
public record NewCustomerForm(String name, String phone, String email, String address) {

    static NewCustomerForm blank() {
        return new NewCustomerForm("", "", "", "");
    }
}
