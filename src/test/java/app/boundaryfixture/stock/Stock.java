package app.boundaryfixture.stock;

import app.boundaryfixture.billing.Billing;

/** Violation 2: depends on a module its declaration does not allow. */
public class Stock {

    public int reorders() {
        return new Billing().invoices();
    }
}
