package app.boundaryfixture.billing;

import app.boundaryfixture.sales.internal.SalesLedger;

/** Violation 1: reaches into another module's internals. */
public class Billing {

    public int invoices() {
        return new SalesLedger().rows();
    }
}
