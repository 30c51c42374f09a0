package app.boundaryfixture.sales;

import app.boundaryfixture.sales.internal.SalesLedger;

/** The fixture module's API. */
public class Sales {

    private final SalesLedger ledger = new SalesLedger();

    public int count() {
        return ledger.rows();
    }
}
